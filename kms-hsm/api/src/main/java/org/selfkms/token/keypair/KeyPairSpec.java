package org.selfkms.token.keypair;

/**
 * The kinds of asymmetric key pair the service holds. A spec says nothing about use: an RSA-2048 pair may
 * sign or decrypt, which the CMK's KeyUsage decides.
 */
public enum KeyPairSpec {
    RSA_2048,
    RSA_3072,
    /** NIST P-256 (secp256r1). */
    EC_P256,
    /** NIST P-384 (secp384r1). */
    EC_P384,
    /** The SM2 curve (sm2p256v1, GB/T 32918). */
    SM2,
    /** FIPS 203 ML-KEM-768: what Tencent calls Kyber. */
    ML_KEM_768,
    /** FIPS 204 ML-DSA-65: what Tencent calls Dilithium. */
    ML_DSA_65;

    /**
     * Whether a PKCS#11 token can hold the pair as token keys (the HSM protection level). SM2 and the
     * post-quantum schemes have no standard PKCS#11 mechanisms: their private keys exist only wrapped under
     * the domain key and are used in the JVM (the SOFTWARE protection level).
     */
    public boolean tokenResident() {
        return this == RSA_2048 || this == RSA_3072 || this == EC_P256 || this == EC_P384;
    }

    public boolean isRsa() {
        return this == RSA_2048 || this == RSA_3072;
    }
}
