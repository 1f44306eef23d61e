package org.selfkms.client;

/** The server could not be reached or did not answer in time, or answered something that is not its API. */
public class KmsUnavailableException extends KmsClientException {

    public KmsUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
