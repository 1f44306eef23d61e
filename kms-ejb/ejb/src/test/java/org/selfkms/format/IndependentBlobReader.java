package org.selfkms.format;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;

/**
 * The decrypt side of the ciphertext blob written from docs/ciphertext-format.md alone, with JDK crypto only and
 * no class of the server: a second reading of the format that the test vectors must satisfy too. Every refusal is
 * an empty result, as the server answers every one with the same error.
 */
public final class IndependentBlobReader {

    static final int FORMAT_VERSION = 1;
    static final int ALGORITHM_SOFTWARE = 1;
    static final int ALGORITHM_HSM = 2;
    private static final int HEADER_LENGTH = 66;
    private static final int TAG_LENGTH = 16;
    private static final int SALT_OFFSET = 22;
    private static final int SALT_LENGTH = 32;
    private static final int NONCE_OFFSET = 54;
    private static final int NONCE_LENGTH = 12;
    private static final byte[] HKDF_INFO = "selfkms ciphertext blob v1".getBytes(StandardCharsets.US_ASCII);

    private IndependentBlobReader() {
    }

    /** The CMK the blob names (bytes 2-17, big-endian), for looking up its material; empty if it is no blob. */
    public static Optional<UUID> keyId(byte[] blob) {
        if (!wellFormed(blob)) {
            return Optional.empty();
        }
        ByteBuffer in = ByteBuffer.wrap(blob, 2, 16);
        return Optional.of(new UUID(in.getLong(), in.getLong()));
    }

    /** The CMK version the blob names (bytes 18-21, big-endian, at least 1); empty if it is no blob. */
    public static Optional<Integer> keyVersion(byte[] blob) {
        return wellFormed(blob) ? Optional.of(ByteBuffer.wrap(blob, 18, 4).getInt()) : Optional.empty();
    }

    /** Algorithm 1: the per-message key is HKDF-SHA256(IKM = version material, salt = the blob's salt). */
    public static Optional<byte[]> openSoftware(byte[] blob, byte[] versionMaterial, byte[] canonicalContext) {
        if (!wellFormed(blob) || blob[1] != ALGORITHM_SOFTWARE) {
            return Optional.empty();
        }
        return open(blob, hkdfSha256(versionMaterial, Arrays.copyOfRange(blob, SALT_OFFSET, SALT_OFFSET + SALT_LENGTH)), canonicalContext);
    }

    /** Algorithm 2: the per-message key is AES-256-ECB(token key, the blob's salt), computed here from the token key. */
    public static Optional<byte[]> openHsm(byte[] blob, byte[] tokenKey, byte[] canonicalContext) {
        if (!wellFormed(blob) || blob[1] != ALGORITHM_HSM) {
            return Optional.empty();
        }
        try {
            Cipher ecb = Cipher.getInstance("AES/ECB/NoPadding");
            ecb.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(tokenKey, "AES"));
            return open(blob, ecb.doFinal(blob, SALT_OFFSET, SALT_LENGTH), canonicalContext);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-ECB unavailable", e);
        }
    }

    /**
     * The layer above: stored version material is {@code nonce(12) || AES-256-GCM(domainKey, material) || tag(16)}
     * with associated data {@code selfkms-wrap-v1|cmk:<keyId>:<version>|<domainKeyVersion>} (UTF-8).
     */
    public static Optional<byte[]> unwrapVersionMaterial(byte[] domainKey, int domainKeyVersion, UUID keyId, int keyVersion, byte[] wrapped) {
        if (wrapped.length <= NONCE_LENGTH + TAG_LENGTH) {
            return Optional.empty();
        }
        byte[] associatedData = ("selfkms-wrap-v1|cmk:" + keyId + ":" + keyVersion + "|" + domainKeyVersion).getBytes(StandardCharsets.UTF_8);
        return gcmOpen(domainKey, Arrays.copyOf(wrapped, NONCE_LENGTH), associatedData, Arrays.copyOfRange(wrapped, NONCE_LENGTH, wrapped.length));
    }

    private static boolean wellFormed(byte[] blob) {
        return blob.length >= HEADER_LENGTH + TAG_LENGTH && blob[0] == FORMAT_VERSION
                && (blob[1] == ALGORITHM_SOFTWARE || blob[1] == ALGORITHM_HSM)
                && ByteBuffer.wrap(blob, 18, 4).getInt() >= 1;
    }

    private static Optional<byte[]> open(byte[] blob, byte[] messageKey, byte[] canonicalContext) {
        byte[] associatedData = Arrays.copyOf(blob, HEADER_LENGTH + canonicalContext.length);
        System.arraycopy(canonicalContext, 0, associatedData, HEADER_LENGTH, canonicalContext.length);
        return gcmOpen(messageKey, Arrays.copyOfRange(blob, NONCE_OFFSET, NONCE_OFFSET + NONCE_LENGTH), associatedData,
                Arrays.copyOfRange(blob, HEADER_LENGTH, blob.length));
    }

    private static Optional<byte[]> gcmOpen(byte[] key, byte[] nonce, byte[] associatedData, byte[] ciphertextAndTag) {
        try {
            Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
            gcm.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_LENGTH * 8, nonce));
            gcm.updateAAD(associatedData);
            return Optional.of(gcm.doFinal(ciphertextAndTag));
        } catch (AEADBadTagException e) {
            return Optional.empty();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    /** RFC 5869 with SHA-256, L = 32: PRK = HMAC(salt, IKM); OKM = T(1) = HMAC(PRK, info || 0x01). */
    static byte[] hkdfSha256(byte[] inputKeyMaterial, byte[] salt) {
        try {
            Mac extract = Mac.getInstance("HmacSHA256");
            extract.init(new SecretKeySpec(salt, "HmacSHA256"));
            byte[] pseudoRandomKey = extract.doFinal(inputKeyMaterial);
            Mac expand = Mac.getInstance("HmacSHA256");
            expand.init(new SecretKeySpec(pseudoRandomKey, "HmacSHA256"));
            expand.update(HKDF_INFO);
            expand.update((byte) 0x01);
            return expand.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
