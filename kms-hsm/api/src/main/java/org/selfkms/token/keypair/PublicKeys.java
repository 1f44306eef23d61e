package org.selfkms.token.keypair;

import java.security.SecureRandom;

/**
 * The public half of the asymmetric algorithms: digests to sign, verification, encryption to a public key,
 * KEM encapsulation. Needs no token (public keys are not secret), so the services call it directly.
 * Public keys are DER X.509 SubjectPublicKeyInfo throughout.
 */
public final class PublicKeys {

    /** The SM2 user id of GB/T 32918 when none is agreed, used by Tencent and most SM2 libraries. */
    public static final byte[] SM2_DEFAULT_USER_ID = "1234567812345678".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private PublicKeys() {
    }

    /**
     * Whether {@code publicKey} is a well-formed public key of {@code spec} (right algorithm, curve, size).
     */
    public static boolean matches(KeyPairSpec spec, byte[] publicKey) {
        throw new UnsupportedOperationException("TODO");
    }

    /**
     * What {@code algorithm} signs for {@code message}: SHA-256/SHA-384 of it; for SM2 e = SM3(Z_A || M), where
     * Z_A depends on the public key and the default user id; for ML-DSA the message itself.
     */
    public static byte[] digest(SignatureAlgorithm algorithm, byte[] publicKey, byte[] message) {
        throw new UnsupportedOperationException("TODO");
    }

    /**
     * Checks a signature over {@code input} (a digest of {@link SignatureAlgorithm#digestLength()} bytes, or
     * the message for ML-DSA). A malformed signature is simply not valid.
     *
     * @throws IllegalArgumentException if the public key is not one of the algorithm's, or the digest has the wrong length
     */
    public static boolean verify(SignatureAlgorithm algorithm, byte[] publicKey, byte[] input, byte[] signature) {
        throw new UnsupportedOperationException("TODO");
    }

    /**
     * Encrypts to a public key (RSA algorithms, SM2); what the holder of the private key opens with
     * {@link PrivateKeys#decrypt}. SM2 output is raw C1||C3||C2.
     *
     * @throws IllegalArgumentException for ML-KEM (use {@link #encapsulate}), a key of another algorithm, or
     *                                  plaintext too long for the key
     */
    public static byte[] encrypt(DecryptionAlgorithm algorithm, byte[] publicKey, byte[] plaintext, SecureRandom random) {
        throw new UnsupportedOperationException("TODO");
    }

    /** ML-KEM-768 encapsulation to {@code publicKey}; the caller destroys the shared secret after use. */
    public static Encapsulation encapsulate(byte[] publicKey, SecureRandom random) {
        throw new UnsupportedOperationException("TODO");
    }

    /** PEM ("-----BEGIN PUBLIC KEY-----", 64-character lines, trailing newline) of a DER public key. */
    public static String pem(byte[] publicKey) {
        throw new UnsupportedOperationException("TODO");
    }

    /**
     * The DER SubjectPublicKeyInfo in a PEM public key (RSA or EC/SM2 "PUBLIC KEY" blocks).
     *
     * @throws IllegalArgumentException if it is not one
     */
    public static byte[] fromPem(String pem) {
        throw new UnsupportedOperationException("TODO");
    }
}
