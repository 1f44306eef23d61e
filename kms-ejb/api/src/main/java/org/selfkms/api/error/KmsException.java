package org.selfkms.api.error;

import jakarta.ejb.ApplicationException;

/**
 * The one domain error of the KMS. The message is safe to show to the caller: it never holds key
 * material, plaintext, secrets or stack details. Thrown from a business method it rolls the transaction
 * back, so a refused request changes nothing.
 */
@ApplicationException(rollback = true)
public class KmsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final KmsErrorCode code;
    private final KmsErrorCode recordedCode;

    public KmsException(KmsErrorCode code, String message) {
        this(code, code, message);
    }

    /**
     * A refusal the audit trail records under another code than the caller is told: the trail says why, the answer
     * says only what the caller may know.
     */
    public KmsException(KmsErrorCode code, KmsErrorCode recordedCode, String message) {
        super(message, null, false, false);
        this.code = code;
        this.recordedCode = recordedCode;
    }

    /** What the caller is answered. */
    public KmsErrorCode code() {
        return code;
    }

    /** What the audit trail records. */
    public KmsErrorCode recordedCode() {
        return recordedCode;
    }

    /** The domain error in a cause chain; EJB containers may wrap application exceptions of nested calls. */
    public static KmsException findIn(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof KmsException k) {
                return k;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return "KmsException[" + code + ": " + getMessage() + "]";
    }
}
