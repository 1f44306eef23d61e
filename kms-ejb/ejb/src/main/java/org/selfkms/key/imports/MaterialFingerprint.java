package org.selfkms.key.imports;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.selfkms.hsm.TokenGateway;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;

/**
 * Recognises imported material again without storing anything that reveals or identifies it: HMAC-SHA256
 * of the material under a per-key key derived inside the token from one token key the KMS keeps for this
 * (AES-256, sensitive, non-extractable, label {@value #TOKEN_KEY_LABEL}). A plain hash would let anyone
 * with a database dump test guesses, and link keys holding the same material; this needs the token. The
 * token key must never be destroyed: without it no re-import can be verified.
 */
@ApplicationScoped
public class MaterialFingerprint {

    static final String TOKEN_KEY_LABEL = "kms-byok-fingerprint";

    @Inject
    private TokenGateway token;

    public String of(String keyId, byte[] material) {
        byte[] macKey = token.deriveFromServiceKey(TOKEN_KEY_LABEL, salt(keyId));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(macKey, "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(material));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        } finally {
            Arrays.fill(macKey, (byte) 0);
        }
    }

    /** Constant time: the comparison tells nothing about how close a guess came. */
    public static boolean matches(String stored, String candidate) {
        return MessageDigest.isEqual(stored.getBytes(StandardCharsets.US_ASCII), candidate.getBytes(StandardCharsets.US_ASCII));
    }

    /** Per key, so the same material in two keys gets unrelated fingerprints. */
    private static byte[] salt(String keyId) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(("selfkms-byok-fingerprint|" + keyId).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
