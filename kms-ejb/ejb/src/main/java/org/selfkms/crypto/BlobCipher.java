package org.selfkms.crypto;

import org.selfkms.token.PerThreadSecureRandom;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;

/**
 * Seals and opens {@link CiphertextBlob}s. Each message gets its own AES-256 key derived from the CMK
 * version's key and a random 256-bit salt - by HKDF-SHA256 in the JVM for the SOFTWARE level, inside the
 * token for the HSM level - so no GCM key ever sees more than one random nonce and the
 * 2^32-messages-per-key limit of random nonces never comes near.
 */
public final class BlobCipher {

    private static final byte[] HKDF_INFO = "selfkms ciphertext blob v1".getBytes(StandardCharsets.US_ASCII);
    private static final SecureRandom RANDOM = PerThreadSecureRandom.INSTANCE;

    private BlobCipher() {
    }

    /** SOFTWARE level: the per-message key is HKDF-SHA256(version material, random salt). */
    public static CiphertextBlob seal(UUID keyId, int version, byte[] material, byte[] plaintext, EncryptionContext context) {
        byte[] salt = new byte[CiphertextBlob.SALT_LENGTH];
        RANDOM.nextBytes(salt);
        byte[] messageKey = hkdf(material, salt, HKDF_INFO);
        try {
            return sealWith(CiphertextBlob.ALG_AES256_GCM_HKDF_SHA256, keyId, version, salt, messageKey, plaintext, context);
        } finally {
            Arrays.fill(messageKey, (byte) 0);
        }
    }

    /** HSM level: the per-message key was derived from {@code salt} inside the token; the caller zeroises it. */
    public static CiphertextBlob sealWithDerivedKey(UUID keyId, int version, byte[] salt, byte[] messageKey,
                                                    byte[] plaintext, EncryptionContext context) {
        return sealWith(CiphertextBlob.ALG_AES256_GCM_TOKEN_DERIVED, keyId, version, salt, messageKey, plaintext, context);
    }

    /** SOFTWARE level. Empty when the blob was altered, made under other material or another level, or bound to another context. */
    public static Optional<byte[]> open(CiphertextBlob blob, byte[] material, EncryptionContext context) {
        if (blob.algorithm() != CiphertextBlob.ALG_AES256_GCM_HKDF_SHA256) {
            return Optional.empty();
        }
        byte[] messageKey = hkdf(material, blob.salt(), HKDF_INFO);
        try {
            return openWith(blob, messageKey, context);
        } finally {
            Arrays.fill(messageKey, (byte) 0);
        }
    }

    /** HSM level, with the key the token derived from {@code blob.salt()}. */
    public static Optional<byte[]> openWithDerivedKey(CiphertextBlob blob, byte[] messageKey, EncryptionContext context) {
        if (blob.algorithm() != CiphertextBlob.ALG_AES256_GCM_TOKEN_DERIVED) {
            return Optional.empty();
        }
        return openWith(blob, messageKey, context);
    }

    public static byte[] newSalt() {
        byte[] salt = new byte[CiphertextBlob.SALT_LENGTH];
        RANDOM.nextBytes(salt);
        return salt;
    }

    private static CiphertextBlob sealWith(byte algorithm, UUID keyId, int version, byte[] salt, byte[] messageKey,
                                           byte[] plaintext, EncryptionContext context) {
        byte[] nonce = new byte[CiphertextBlob.NONCE_LENGTH];
        RANDOM.nextBytes(nonce);
        // A placeholder with a dummy tag gives us the header to authenticate before the real sealing.
        byte[] header = new CiphertextBlob(algorithm, keyId, version, salt, nonce, new byte[CiphertextBlob.TAG_LENGTH]).header();
        try {
            Cipher cipher = Engines.aesGcm();
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(messageKey, "AES"), new GCMParameterSpec(128, nonce));
            cipher.updateAAD(header);
            cipher.updateAAD(context.canonicalBytes());
            return new CiphertextBlob(algorithm, keyId, version, salt, nonce, cipher.doFinal(plaintext));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    private static Optional<byte[]> openWith(CiphertextBlob blob, byte[] messageKey, EncryptionContext context) {
        try {
            Cipher cipher = Engines.aesGcm();
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(messageKey, "AES"), new GCMParameterSpec(128, blob.nonce()));
            cipher.updateAAD(blob.header());
            cipher.updateAAD(context.canonicalBytes());
            return Optional.of(cipher.doFinal(blob.sealed()));
        } catch (AEADBadTagException e) {
            return Optional.empty();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    /** RFC 5869 HKDF-SHA256 with a 32-byte output (one expand block). */
    static byte[] hkdf(byte[] inputKeyMaterial, byte[] salt, byte[] info) {
        try {
            Mac mac = Engines.hmacSha256();
            mac.init(new SecretKeySpec(salt, "HmacSHA256"));
            byte[] prk = mac.doFinal(inputKeyMaterial);
            mac.init(new SecretKeySpec(prk, "HmacSHA256"));
            mac.update(info);
            mac.update((byte) 1);
            byte[] okm = mac.doFinal();
            Arrays.fill(prk, (byte) 0);
            return okm;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
