package org.selfkms.api.crypto;

import jakarta.ejb.Local;
import org.selfkms.api.identity.Caller;

/**
 * Data-plane operations with asymmetric CMKs (key pairs), including the post-quantum ones. Every operation
 * needs an Enabled key whose KeyUsage allows it ({@code KEY_USAGE_INVALID} otherwise); the post-quantum
 * encryption follows the symmetric rules for states instead (an archived key still decrypts).
 *
 * <p>Algorithm names are Tencent's: signing {@code RSA_PSS_SHA_256}, {@code RSA_PKCS1_SHA_256},
 * {@code ECC_P256_R1}, {@code ECDSA384_SHA384}, {@code SM2DSA}, {@code Dilithium}; decryption
 * {@code RSAES_PKCS1_V1_5}, {@code RSAES_OAEP_SHA_1}, {@code RSAES_OAEP_SHA_256}, {@code SM2}.
 */
@Local
public interface AsymmetricCrypto {

    /** Largest RAW message to sign and largest post-quantum plaintext. */
    int MAX_MESSAGE_BYTES = 4096;

    PublicKeyInfo getPublicKey(Caller caller, String keyRef);

    /**
     * @param message the message (RAW, 1 to {@value #MAX_MESSAGE_BYTES} bytes) or its digest (DIGEST, exactly
     *                the algorithm's digest length: 32 bytes, 48 for ECDSA384_SHA384)
     * @return the signature: DER SEQUENCE{r, s} for ECDSA and SM2, the RSA or ML-DSA signature bytes otherwise
     */
    byte[] sign(Caller caller, String keyRef, String algorithm, MessageType type, byte[] message);

    /** A signature that is malformed or does not match is simply not valid. */
    boolean verify(Caller caller, String keyRef, String algorithm, MessageType type, byte[] message, byte[] signature);

    /**
     * Opens data encrypted to the key's public key: RSA with an {@code RSAES_*} algorithm, or SM2 ({@code SM2};
     * ASN.1 GM/T 0009 form or raw C1C3C2). Data that does not open fails with {@code DECRYPT_FAILED}, the same
     * for every cause.
     */
    Plaintext decrypt(Caller caller, String keyRef, String algorithm, byte[] ciphertext);

    /** ML-DSA signature of a message of 1 to {@value #MAX_MESSAGE_BYTES} bytes with a Dilithium key. */
    byte[] signPostQuantum(Caller caller, String keyRef, byte[] message);

    boolean verifyPostQuantum(Caller caller, String keyRef, byte[] message, byte[] signature);

    /** ML-KEM-768 + AES-256-GCM under a Kyber_AES key; the blob opens only with {@link #decryptPostQuantum}. */
    Ciphertext encryptPostQuantum(Caller caller, String keyRef, byte[] plaintext);

    /** A foreign, altered or symmetric blob fails with {@code CIPHERTEXT_INVALID}. */
    Plaintext decryptPostQuantum(Caller caller, String ciphertextBlob);

    /**
     * Tencent's EncryptionPublicKey (Decrypt, GenerateDataKey, PostQuantumCryptoDecrypt): the plaintext those
     * return, encrypted to the caller's own public key instead of sent in the clear.
     *
     * @param publicKeyPem an RSA 2048 or SM2 public key in PEM
     * @param algorithm    {@code SM2} (raw C1C3C2, the default when null or empty), {@code SM2_C1C3C2_ASN1}, or an
     *                     {@code RSAES_*} name
     * @throws org.selfkms.api.error.KmsException {@code ENCRYPTION_FAILED} for a key that is not such a PEM key or
     *                                            does not fit the algorithm
     */
    byte[] encryptToPublicKey(String publicKeyPem, String algorithm, byte[] plaintext);
}
