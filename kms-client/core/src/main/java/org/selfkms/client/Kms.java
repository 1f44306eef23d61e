package org.selfkms.client;

/**
 * The server's key operations that envelope encryption needs, whichever door they go through
 * ({@link RestV1Kms} or {@link TencentKms}). Every call is one request; implementations are thread-safe.
 * A key reference is a key id or an alias ({@code alias/name} or the bare name where the door accepts it).
 */
public interface Kms {

    /** A new data key under the key: its plaintext and the same bytes wrapped by the KMS. */
    DataKey generateDataKey(String keyRef, int numberOfBytes, EncryptionContext context);

    /** Encrypts at most 4096 bytes under the key; the blob names its key and key version. */
    Ciphertext encrypt(String keyRef, byte[] plaintext, EncryptionContext context);

    /** Decrypts a blob of {@link #encrypt} or {@link #generateDataKey}; the blob names its key. */
    Plaintext decrypt(byte[] ciphertextBlob, EncryptionContext context);

    /** A data key: {@code plaintext} to use and forget, {@code ciphertextBlob} to keep beside the data. */
    record DataKey(String keyId, byte[] plaintext, byte[] ciphertextBlob) {
        @Override
        public String toString() {
            return "DataKey[" + keyId + ", " + plaintext.length + " bytes]";
        }
    }

    /** What {@link #encrypt} answers: the key that encrypted (its id, even when called with an alias) and the blob. */
    record Ciphertext(String keyId, byte[] ciphertextBlob) {
        @Override
        public String toString() {
            return "Ciphertext[" + keyId + ", " + ciphertextBlob.length + " bytes]";
        }
    }

    /** What {@link #decrypt} answers: the key the blob was under and the plaintext. */
    record Plaintext(String keyId, byte[] plaintext) {
        @Override
        public String toString() {
            return "Plaintext[" + keyId + ", " + plaintext.length + " bytes]";
        }
    }
}
