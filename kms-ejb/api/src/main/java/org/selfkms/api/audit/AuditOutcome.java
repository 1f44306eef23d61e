package org.selfkms.api.audit;

import org.selfkms.api.error.KmsErrorCode;

/** How a request ended, as the audit trail records it. */
public enum AuditOutcome {
    /** The request was served. */
    ALLOWED,
    /** Refused: failed authentication, not permitted, malformed, or the key's state forbids it. */
    DENIED,
    /** The server could not serve it (token unavailable, unexpected error). */
    FAILED;

    /** Server-side codes are failures; every other refusal is the caller's request being denied. */
    public static AuditOutcome of(KmsErrorCode code) {
        return code == KmsErrorCode.TOKEN_UNAVAILABLE || code == KmsErrorCode.INTERNAL ? FAILED : DENIED;
    }
}
