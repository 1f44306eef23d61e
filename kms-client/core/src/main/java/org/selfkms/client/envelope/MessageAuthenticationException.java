package org.selfkms.client.envelope;

import org.selfkms.client.KmsClientException;

/**
 * The message is not the one that was encrypted: a header or frame tag does not verify, frames are missing,
 * reordered or duplicated, the message is truncated or has bytes after its end, or its encryption context is
 * not the one the caller expected. Never retry it: the bytes themselves are wrong.
 */
public class MessageAuthenticationException extends KmsClientException {

    public MessageAuthenticationException(String message) {
        super(message);
    }
}
