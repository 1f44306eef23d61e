package org.selfkms.api.crypto;

import java.io.Serializable;

/** Decrypted bytes and the key that decrypted them. toString never shows the bytes. */
public record Plaintext(String keyId, byte[] bytes) implements Serializable {
    @Override
    public String toString() {
        return "Plaintext[keyId=" + keyId + ", " + bytes.length + " bytes]";
    }
}
