package org.selfkms.token.keypair;

/**
 * What a private key can open. The RSA names are Tencent's wire names (WrappingAlgorithm,
 * AsymmetricRsaDecrypt's Algorithm), so the doors need no translation table.
 */
public enum DecryptionAlgorithm {
    RSAES_PKCS1_V1_5,
    /** RSAES-OAEP with SHA-1 and MGF1-SHA-1, empty label. */
    RSAES_OAEP_SHA_1,
    /** RSAES-OAEP with SHA-256 and MGF1-SHA-256, empty label. */
    RSAES_OAEP_SHA_256,
    /**
     * SM2 public-key encryption (GB/T 32918.4) with SM3, ciphertext as raw C1||C3||C2 (C1 an uncompressed
     * point, 0x04 first); {@link Sm2Ciphertexts} converts from and to the GM/T 0009 ASN.1 form.
     */
    SM2_C1C3C2,
    /** ML-KEM-768 decapsulation: the data is an encapsulation, the result the 32-byte shared secret. */
    ML_KEM_768;

    /** Whether a key pair of this spec can open data of this algorithm. */
    public boolean fits(KeyPairSpec spec) {
        return switch (this) {
            case RSAES_PKCS1_V1_5, RSAES_OAEP_SHA_1, RSAES_OAEP_SHA_256 -> spec.isRsa();
            case SM2_C1C3C2 -> spec == KeyPairSpec.SM2;
            case ML_KEM_768 -> spec == KeyPairSpec.ML_KEM_768;
        };
    }

    public boolean isRsa() {
        return this == RSAES_PKCS1_V1_5 || this == RSAES_OAEP_SHA_1 || this == RSAES_OAEP_SHA_256;
    }
}
