package org.selfkms.rest.v1;

import org.selfkms.api.error.KmsErrorCode;
import org.selfkms.api.error.KmsException;

/**
 * A caller-chosen text outside the JSON body (a query parameter, a name in the path), bounded before any service
 * sees it. Whether such a name exists is for kms-ejb to answer, the same way for every name it does not have.
 */
final class BoundedText {

    private BoundedText() {
    }

    /** @return {@code value}, which may be null (absent) but not empty or longer than {@code maxChars} */
    static String check(String value, String name, int maxChars) {
        if (value != null && (value.isEmpty() || value.length() > maxChars)) {
            throw new KmsException(KmsErrorCode.INVALID_PARAMETER_VALUE, "'" + name + "' must be 1 to " + maxChars + " characters");
        }
        return value;
    }
}
