package org.selfkms.client;

/** Everything this library throws on purpose; the subclasses say whether the KMS, the network or the data failed. */
public class KmsClientException extends RuntimeException {

    public KmsClientException(String message) {
        super(message);
    }

    public KmsClientException(String message, Throwable cause) {
        super(message, cause);
    }
}
