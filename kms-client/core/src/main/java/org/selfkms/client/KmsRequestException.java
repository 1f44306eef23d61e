package org.selfkms.client;

/**
 * The server answered a request with an error: its HTTP status (the Tencent door always answers 200), its error
 * code ({@code KEY_NOT_FOUND} on the REST door, {@code ResourceUnavailable.CmkNotFound} on the Tencent door) and
 * message, and the request id to look the request up in the audit trail.
 */
public class KmsRequestException extends KmsClientException {

    private final int httpStatus;
    private final String errorCode;
    private final String requestId;

    public KmsRequestException(int httpStatus, String errorCode, String message, String requestId) {
        super(errorCode + ": " + message + (requestId == null ? "" : " (request " + requestId + ")"));
        this.httpStatus = httpStatus;
        this.errorCode = errorCode;
        this.requestId = requestId;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public String errorCode() {
        return errorCode;
    }

    public String requestId() {
        return requestId;
    }

    /** Whether the credential or token was refused (401, or the Tencent door's AuthFailure codes). */
    public boolean isAuthenticationFailure() {
        return httpStatus == 401 || errorCode.startsWith("AuthFailure") || errorCode.startsWith("AUTH_");
    }
}
