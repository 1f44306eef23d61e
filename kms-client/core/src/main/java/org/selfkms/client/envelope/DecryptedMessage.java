package org.selfkms.client.envelope;

import org.selfkms.client.EncryptionContext;

/** A verified message's plaintext, the KMS key it was under and its encryption context. */
public record DecryptedMessage(byte[] plaintext, String keyId, EncryptionContext context) {

    public MessageInfo info() {
        return new MessageInfo(keyId, context);
    }

    /** Never the plaintext. */
    @Override
    public String toString() {
        return "DecryptedMessage[" + keyId + ", " + context + ", " + plaintext.length + " bytes]";
    }
}
