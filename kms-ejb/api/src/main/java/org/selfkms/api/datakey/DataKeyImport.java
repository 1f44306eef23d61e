package org.selfkms.api.datakey;

import org.selfkms.api.key.KeyTag;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;

/**
 * A data key the caller already has, to be hosted (ImportDataKey): either a CiphertextBlob that GenerateDataKey
 * returned (made without encryption context), or the plaintext key, which is encrypted under {@code keyRef} at once.
 * toString never shows the plaintext.
 *
 * @param keyRef         the root CMK; required with a plaintext, and if given with a blob it must be the blob's CMK
 * @param ciphertextBlob set for a ciphertext import, else null
 * @param plaintext      set for a plaintext import, else null
 */
public record DataKeyImport(String keyRef, String name, String description, String ciphertextBlob, byte[] plaintext,
                            List<KeyTag> tags) implements Serializable {

    public DataKeyImport {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    public static DataKeyImport ofCiphertext(String keyRef, String name, String description, String ciphertextBlob,
                                             List<KeyTag> tags) {
        return new DataKeyImport(keyRef, name, description, ciphertextBlob, null, tags);
    }

    public static DataKeyImport ofPlaintext(String keyRef, String name, String description, byte[] plaintext,
                                            List<KeyTag> tags) {
        return new DataKeyImport(keyRef, name, description, null, plaintext, tags);
    }

    /** Overwrites the plaintext, once the service has sealed it. */
    public void erase() {
        if (plaintext != null) {
            Arrays.fill(plaintext, (byte) 0);
        }
    }

    @Override
    public String toString() {
        return "DataKeyImport[keyRef=" + keyRef + ", name=" + name + ", "
                + (plaintext != null ? "plaintext of " + plaintext.length + " bytes" : "ciphertext") + "]";
    }
}
