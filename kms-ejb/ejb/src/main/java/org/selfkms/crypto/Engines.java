package org.selfkms.crypto;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.NoSuchPaddingException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The JCA engines of the hot path, one per thread. {@code getInstance} walks the provider list and creates the engine
 * by reflection on every call - several times per request (signature check, key derivation, AES-GCM). An engine is
 * re-initialised with its key before every use; what one keeps between uses is the last per-message or per-request key
 * it was given, never a CMK's material (which is only ever an input, not a key, of these engines).
 */
public final class Engines {

    private static final ThreadLocal<Mac> HMAC_SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return Mac.getInstance("HmacSHA256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    });
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    });
    private static final ThreadLocal<Cipher> AES_GCM = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (NoSuchAlgorithmException | NoSuchPaddingException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    });

    private Engines() {
    }

    /** This thread's HMAC-SHA256; init it with its key before use. */
    public static Mac hmacSha256() {
        return HMAC_SHA256.get();
    }

    /** This thread's SHA-256, reset. */
    public static MessageDigest sha256() {
        MessageDigest digest = SHA256.get();
        digest.reset();
        return digest;
    }

    /** This thread's AES/GCM/NoPadding; init it with its key and a fresh nonce before use. */
    public static Cipher aesGcm() {
        return AES_GCM.get();
    }
}
