package org.selfkms.token.keypair;

/**
 * Signature schemes. All but ML-DSA sign a digest that the caller computed with
 * {@link PublicKeys#digest(SignatureAlgorithm, byte[], byte[])} (or received, in Tencent's DIGEST mode);
 * ML-DSA signs the message itself.
 */
public enum SignatureAlgorithm {
    /** RSASSA-PKCS1-v1_5 with SHA-256 (RFC 8017 8.2). */
    RSA_PKCS1_SHA_256("SHA-256", 32),
    /** RSASSA-PSS with SHA-256, MGF1 with SHA-256, 32-byte salt, trailer 0xbc (RFC 8017 8.1). */
    RSA_PSS_SHA_256("SHA-256", 32),
    /** ECDSA on P-256 with SHA-256, signature DER SEQUENCE{r, s}. */
    ECDSA_P256_SHA_256("SHA-256", 32),
    /** ECDSA on P-384 with SHA-384, signature DER SEQUENCE{r, s}. */
    ECDSA_P384_SHA_384("SHA-384", 48),
    /**
     * SM2 signature (GB/T 32918.2) with SM3; the digest is e = SM3(Z_A || M) with the default user id
     * {@code 1234567812345678}; signature DER SEQUENCE{r, s}.
     */
    SM2DSA_SM3("SM3", 32),
    /** FIPS 204 ML-DSA-65, pure mode, empty context: signs the message, up to the caller's size limit. */
    ML_DSA_65(null, 0);

    private final String digestName;
    private final int digestLength;

    SignatureAlgorithm(String digestName, int digestLength) {
        this.digestName = digestName;
        this.digestLength = digestLength;
    }

    /** False for ML-DSA, which signs the message. */
    public boolean signsDigest() {
        return digestName != null;
    }

    /** JCA name of the digest (SHA-256, SHA-384, SM3); null for ML-DSA. */
    public String digestName() {
        return digestName;
    }

    /** Length in bytes of the digest this algorithm signs; 0 for ML-DSA. */
    public int digestLength() {
        return digestLength;
    }

    /** Whether a key pair of this spec can make and check signatures of this algorithm. */
    public boolean fits(KeyPairSpec spec) {
        return switch (this) {
            case RSA_PKCS1_SHA_256, RSA_PSS_SHA_256 -> spec.isRsa();
            case ECDSA_P256_SHA_256 -> spec == KeyPairSpec.EC_P256;
            case ECDSA_P384_SHA_384 -> spec == KeyPairSpec.EC_P384;
            case SM2DSA_SM3 -> spec == KeyPairSpec.SM2;
            case ML_DSA_65 -> spec == KeyPairSpec.ML_DSA_65;
        };
    }
}
