package org.selfkms.token;

import org.selfkms.token.keypair.DecryptionAlgorithm;
import org.selfkms.token.keypair.KeyPairSpec;
import org.selfkms.token.keypair.SignatureAlgorithm;
import org.selfkms.token.keypair.WrappedKeyPair;

/**
 * Operations on the cryptographic token, on opaque material; offered to applications by
 * {@link TokenConnection} and implemented by each token backend. The token knows nothing of CMKs or tenants:
 * it protects key material under its domain wrapping key and produces randomness.
 *
 * <p>Material handed back by {@link #unwrap(WrappedKey, String)} is plaintext in JVM memory; callers own it
 * and must zeroise it when done. Keys of the HSM protection level never leave the token: they are token keys
 * addressed by label, used only through the operations here that name a label.
 */
public interface TokenOperations {

    /** Which backend answers and which domain-key version currently wraps new material. */
    TokenStatus status() throws TokenException;

    /**
     * Generates {@code length} bytes of secret material with the token's RNG and returns it wrapped under
     * the active domain key. The plaintext never leaves this call.
     *
     * @param purpose bound into the wrapping as associated data, so material wrapped for one purpose
     *                cannot be unwrapped as another
     */
    WrappedKey generateWrapped(int length, String purpose) throws TokenException;

    /** Wraps caller-supplied material (imported keys, API secrets) under the active domain key. */
    WrappedKey wrap(byte[] material, String purpose) throws TokenException;

    /**
     * Unwraps material into JVM memory. Fails with {@link TokenException} if the wrapped blob was
     * altered, belongs to another purpose, or its domain key is unknown to this token.
     */
    byte[] unwrap(WrappedKey wrapped, String purpose) throws TokenException;

    /** Random bytes from the token's RNG. */
    byte[] random(int length) throws TokenException;

    /**
     * Creates a new domain-key version inside the token, which from now on wraps all new material. Older
     * versions stay to unwrap what they wrapped until {@link #destroyDomainKeyVersion(int)}.
     *
     * @return the new version number
     */
    int addDomainKeyVersion() throws TokenException;

    /** Unwraps and wraps again under the active domain-key version; the material is zeroised in between. */
    WrappedKey rewrap(WrappedKey wrapped, String purpose) throws TokenException;

    /**
     * Destroys an old domain-key version for good. Whatever is still wrapped under it can never be unwrapped
     * again, so callers do this only when nothing stored refers to it. The active version is refused.
     */
    void destroyDomainKeyVersion(int version) throws TokenException;

    /**
     * Generates an AES-256 key that stays in the token under {@code label}: sensitive, non-extractable,
     * usable only through {@link #deriveKey(String, byte[])}. Refused if the label exists.
     */
    void generateTokenKey(String label) throws TokenException;

    /**
     * Derives a 256-bit per-message key from the token key {@code label} and a 32-byte random salt, inside the
     * token: {@code AES-256-ECB(tokenKey, salt)}, i.e. the key as a pseudo-random function applied to two
     * random blocks. The token key itself never leaves the token; the derived key is for one message.
     */
    byte[] deriveKey(String label, byte[] salt) throws TokenException;

    /**
     * Destroys a token key or key pair for good; what was encrypted under it can never be decrypted again.
     * Destroying a label that does not exist is harmless (a retry after a failed commit).
     */
    void destroyTokenKey(String label) throws TokenException;

    /**
     * Puts caller-supplied AES-256 material (imported key material of the HSM level) into the token as a
     * token key under {@code label}: sensitive, non-extractable, used like a generated one through
     * {@link #deriveKey(String, byte[])}. The material passes through the JVM on its way in (the caller
     * zeroises its copy); it can never come out again. Refused if the label exists.
     */
    void importTokenKey(String label, byte[] material) throws TokenException;

    /**
     * Generates an asymmetric key pair in the token under {@code label}: the HSM protection level. The private
     * key is sensitive and non-extractable; it is used only by {@link #signWithTokenKey} and
     * {@link #decryptWithTokenKey}. Only {@link KeyPairSpec#tokenResident()} specs.
     *
     * @return the public key, DER-encoded X.509 SubjectPublicKeyInfo
     * @throws TokenException {@link TokenException.Reason#INVALID_PARAMETER} for another spec ("SM2 keys cannot be
     *                        held in a PKCS#11 token; use the SOFTWARE protection level") or a label in use
     */
    byte[] generateTokenKeyPair(String label, KeyPairSpec spec) throws TokenException;

    /**
     * Generates a key pair with the token's RNG and returns the private key wrapped under the active domain
     * key (PKCS#8 inside), bound to {@code purpose} like {@link #generateWrapped(int, String)}: the SOFTWARE
     * protection level, where the private key is unwrapped into the JVM to be used. Every spec.
     */
    WrappedKeyPair generateWrappedKeyPair(KeyPairSpec spec, String purpose) throws TokenException;

    /**
     * Signs with the private key of the pair {@code label}, inside the token.
     *
     * @param input a digest of {@link SignatureAlgorithm#digestLength()} bytes
     * @throws TokenException {@link TokenException.Reason#INVALID_PARAMETER} if the algorithm does not fit the
     *                        key or the digest has the wrong length
     */
    byte[] signWithTokenKey(String label, SignatureAlgorithm algorithm, byte[] input) throws TokenException;

    /**
     * Decrypts data encrypted under the public key of the pair {@code label} with the private key in the
     * token. Data that does not decrypt (wrong key, bad padding, wrong length) fails as
     * {@link TokenException.Reason#INVALID_WRAPPED_KEY}, the same for every cause, so the answer is no
     * padding oracle. An algorithm that does not fit the pair is {@link TokenException.Reason#INVALID_PARAMETER}.
     */
    byte[] decryptWithTokenKey(String label, DecryptionAlgorithm algorithm, byte[] data) throws TokenException;
}
