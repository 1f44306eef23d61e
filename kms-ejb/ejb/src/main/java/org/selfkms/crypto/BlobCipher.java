package org.selfkms.crypto;

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
 * Seals and opens {@link CiphertextBlob}s with a CMK version's material. Each message gets its own AES-256
 * key, HKDF-SHA256(material, random 256-bit salt), so no GCM key ever sees more than one random nonce and
 * the 2^32-messages-per-key limit of random nonces never comes near.
 */
public final class BlobCipher {

    private static final byte[] HKDF_INFO = "selfkms ciphertext blob v1".getBytes(StandardCharsets.US_ASCII);
    private static final SecureRandom RANDOM = new SecureRandom();

    private BlobCipher() {
    }

    public static CiphertextBlob seal(UUID keyId, int version, byte[] material, byte[] plaintext, EncryptionContext context) {
        byte[] salt = new byte[CiphertextBlob.SALT_LENGTH];
        byte[] nonce = new byte[CiphertextBlob.NONCE_LENGTH];
        RANDOM.nextBytes(salt);
        RANDOM.nextBytes(nonce);
        // A placeholder with a dummy tag gives us the header to authenticate before the real sealing.
        byte[] header = new CiphertextBlob(keyId, version, salt, nonce, new byte[CiphertextBlob.TAG_LENGTH]).header();
        byte[] messageKey = hkdf(material, salt, HKDF_INFO);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(messageKey, "AES"), new GCMParameterSpec(128, nonce));
            cipher.updateAAD(header);
            cipher.updateAAD(context.canonicalBytes());
            return new CiphertextBlob(keyId, version, salt, nonce, cipher.doFinal(plaintext));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        } finally {
            Arrays.fill(messageKey, (byte) 0);
        }
    }

    /** Empty when the blob was altered, made under other material, or bound to another context. */
    public static Optional<byte[]> open(CiphertextBlob blob, byte[] material, EncryptionContext context) {
        byte[] messageKey = hkdf(material, blob.salt(), HKDF_INFO);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(messageKey, "AES"), new GCMParameterSpec(128, blob.nonce()));
            cipher.updateAAD(blob.header());
            cipher.updateAAD(context.canonicalBytes());
            return Optional.of(cipher.doFinal(blob.sealed()));
        } catch (AEADBadTagException e) {
            return Optional.empty();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        } finally {
            Arrays.fill(messageKey, (byte) 0);
        }
    }

    /** RFC 5869 HKDF-SHA256 with a 32-byte output (one expand block). */
    static byte[] hkdf(byte[] inputKeyMaterial, byte[] salt, byte[] info) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
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
