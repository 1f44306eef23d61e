package org.selfkms.api.key;

import java.util.Optional;

/** What a CMK may be used for; names are the Tencent wire names, odd casing included. */
public enum KeyUsage {
    ENCRYPT_DECRYPT,
    ASYMMETRIC_DECRYPT_RSA_2048,
    ASYMMETRIC_DECRYPT_SM2,
    ASYMMETRIC_SIGN_VERIFY_SM2,
    ASYMMETRIC_SIGN_VERIFY_ECC,
    ASYMMETRIC_SIGN_VERIFY_RSA_2048,
    ASYMMETRIC_SIGN_VERIFY_ECDSA384,
    ASYMMETRIC_SIGN_VERIFY_RSA_3072,
    /** ML-KEM-768 with AES-256-GCM: PostQuantumCryptoEncrypt/Decrypt. */
    ASYMMETRIC_Encrypt_Decrypt_Kyber_AES,
    /** ML-DSA-65: PostQuantumCryptoSign/Verify. */
    ASYMMETRIC_SIGN_VERIFY_DILITHIUM;

    public static Optional<KeyUsage> parse(String value) {
        for (KeyUsage usage : values()) {
            if (usage.name().equals(value)) {
                return Optional.of(usage);
            }
        }
        return Optional.empty();
    }

    /** Whether the key is a key pair (everything but ENCRYPT_DECRYPT). */
    public boolean isAsymmetric() {
        return this != ENCRYPT_DECRYPT;
    }

    public boolean signs() {
        return name().startsWith("ASYMMETRIC_SIGN_VERIFY_");
    }
}
