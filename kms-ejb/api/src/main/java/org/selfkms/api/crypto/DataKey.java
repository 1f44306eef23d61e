package org.selfkms.api.crypto;

import java.io.Serializable;

/**
 * A fresh data key: its plaintext, returned once, and the same key encrypted under the CMK, which the
 * caller stores beside its data. toString never shows the plaintext.
 */
public record DataKey(String keyId, byte[] plaintext, String ciphertextBlob) implements Serializable {
    @Override
    public String toString() {
        return "DataKey[keyId=" + keyId + ", " + plaintext.length + " bytes]";
    }
}
