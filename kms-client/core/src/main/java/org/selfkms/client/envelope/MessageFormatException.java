package org.selfkms.client.envelope;

import org.selfkms.client.KmsClientException;

/**
 * The bytes are not a message this library can read: not the format (docs/client-format.md), a version or
 * algorithm it does not know, or a header that is malformed, oversized or not canonical. Found before any KMS
 * call.
 */
public class MessageFormatException extends KmsClientException {

    public MessageFormatException(String message) {
        super(message);
    }
}
