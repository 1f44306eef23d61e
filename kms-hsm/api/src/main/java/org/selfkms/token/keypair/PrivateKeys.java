package org.selfkms.token.keypair;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.SecureRandom;

/**
 * The private half of the asymmetric algorithms, on any JCA private key: one held in the JVM (SOFTWARE
 * protection level, {@link #fromPkcs8}) or a PKCS#11 token key handle with its provider (HSM level). Only
 * primitives every PKCS#11 token offers are asked of a token key (raw and PKCS#1 RSA, raw ECDSA); padding
 * such as PSS and OAEP is computed here, so the same code serves both levels.
 */
public final class PrivateKeys {

    private PrivateKeys() {
    }

    /** Generates a pair in the JVM with {@code random} (the token's RNG where the caller has it). */
    public static KeyPair generate(KeyPairSpec spec, SecureRandom random) {
        throw new UnsupportedOperationException("TODO");
    }

    /** A private key of {@code spec} from its PKCS#8 DER encoding. */
    public static PrivateKey fromPkcs8(KeyPairSpec spec, byte[] pkcs8) throws GeneralSecurityException {
        throw new UnsupportedOperationException("TODO");
    }

    /**
     * Signs {@code input}: a digest of {@link SignatureAlgorithm#digestLength()} bytes, or the message for
     * ML-DSA.
     *
     * @param provider the provider of a token key handle; null for a key held in the JVM
     * @throws IllegalArgumentException if the key does not fit the algorithm or the digest has the wrong length
     */
    public static byte[] sign(PrivateKey key, Provider provider, SignatureAlgorithm algorithm, byte[] input,
                              SecureRandom random) throws GeneralSecurityException {
        throw new UnsupportedOperationException("TODO");
    }

    /**
     * Opens data encrypted to the key's public key (or decapsulates, for ML-KEM).
     *
     * @param provider the provider of a token key handle; null for a key held in the JVM
     * @throws UndecryptableException for every kind of data that does not open, alike
     */
    public static byte[] decrypt(PrivateKey key, Provider provider, DecryptionAlgorithm algorithm, byte[] data)
            throws UndecryptableException, GeneralSecurityException {
        throw new UnsupportedOperationException("TODO");
    }
}
