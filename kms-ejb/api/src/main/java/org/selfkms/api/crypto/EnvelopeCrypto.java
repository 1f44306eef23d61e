package org.selfkms.api.crypto;

import jakarta.ejb.Local;
import org.selfkms.api.identity.Caller;

/**
 * Data-plane operations with symmetric CMKs. The encryption context is the caller's JSON object string
 * (or null/empty for none); it is bound to the ciphertext and must be given again to decrypt.
 * Failures are {@link org.selfkms.api.error.KmsException}s; a blob that is foreign, tampered with or
 * presented with another context fails alike with {@code CIPHERTEXT_INVALID}.
 */
@Local
public interface EnvelopeCrypto {

    int MAX_PLAINTEXT_BYTES = 4096;
    int MAX_DATA_KEY_BYTES = 1024;
    int MAX_CONTEXT_CHARS = 1024;

    Ciphertext encrypt(Caller caller, String keyRef, byte[] plaintext, String encryptionContext);

    Plaintext decrypt(Caller caller, String ciphertextBlob, String encryptionContext);

    DataKey generateDataKey(Caller caller, String keyRef, int numberOfBytes, String encryptionContext);

    /**
     * Opens a blob with its source context and seals the plaintext again for the destination key (null or
     * empty: the blob's own key) and context, inside the server. The source key must allow decrypting, the
     * destination key encrypting.
     */
    ReEncrypted reEncrypt(Caller caller, String ciphertextBlob, String sourceEncryptionContext,
                          String destinationKeyRef, String destinationEncryptionContext);

    /** 1 to {@value #MAX_DATA_KEY_BYTES} bytes from the token's random number generator. */
    byte[] generateRandom(Caller caller, int numberOfBytes);
}
