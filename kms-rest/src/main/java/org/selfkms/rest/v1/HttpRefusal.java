package org.selfkms.rest.v1;

import org.selfkms.api.error.KmsErrorCode;
import org.selfkms.api.error.KmsException;

/**
 * A refusal of the REST door whose HTTP status is not the one its code maps to: a body too large (413), a content
 * type that is not JSON (415), a method the resource does not have (405).
 */
final class HttpRefusal extends KmsException {

    private static final long serialVersionUID = 1L;

    private final int status;

    HttpRefusal(int status, KmsErrorCode code, String message) {
        super(code, message);
        this.status = status;
    }

    int status() {
        return status;
    }
}
