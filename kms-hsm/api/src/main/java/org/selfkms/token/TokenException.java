package org.selfkms.token;

/**
 * A token operation failed. {@link Reason} tells callers whether the request was at fault (bad wrapped
 * material) or the token is (unavailable, refused PIN). Messages never carry key material.
 */
public class TokenException extends Exception {

    public enum Reason {
        /** The wrapped material was altered, is for another purpose, or its domain key is unknown. */
        INVALID_WRAPPED_KEY,
        /** The token cannot be reached or logged into right now. */
        UNAVAILABLE,
        /** A parameter is out of the token's range. */
        INVALID_PARAMETER
    }

    private final Reason reason;

    public TokenException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public TokenException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
