package org.selfkms.client.envelope;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;

/**
 * One message's content key and the AES-256-GCM operations on it (docs/client-format.md, "Content key" and
 * "Frames"). The content key is derived from the data key and the message id, so a data key reused for many
 * messages (the cache) still gives every message its own key, and the nonces can be counters: 0 for the header
 * tag, the frame's sequence number (1, 2, ...) for a frame. One instance serves one message on one thread.
 */
final class FrameCipher {

    static final int TAG_LENGTH = 16;
    static final int NONCE_LENGTH = 12;
    static final int CONTENT_KEY_LENGTH = 32;
    static final byte TYPE_REGULAR = 0;
    static final byte TYPE_FINAL = 1;
    private static final byte[] HKDF_INFO_PREFIX = "selfkms message v1".getBytes(StandardCharsets.US_ASCII);

    private final SecretKeySpec contentKey;
    private final byte[] messageId;
    private final Cipher cipher;
    private final byte[] nonce = new byte[NONCE_LENGTH];
    private final byte[] aad;

    private FrameCipher(SecretKeySpec contentKey, byte[] messageId) {
        this.contentKey = contentKey;
        this.messageId = messageId.clone();
        this.aad = new byte[messageId.length + 1 + 4 + 4];
        System.arraycopy(messageId, 0, aad, 0, messageId.length);
        try {
            this.cipher = Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/GCM is part of every Java runtime", e);
        }
    }

    /** The message's cipher from its data key (which the caller zeroes afterwards) and its id. */
    static FrameCipher forMessage(byte[] dataKey, byte[] messageId) {
        byte[] key = contentKey(dataKey, messageId);
        try {
            return new FrameCipher(new SecretKeySpec(key, "AES"), messageId);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    /** HKDF-SHA256 (RFC 5869) of the data key, salted with the message id; one block of output is the key. */
    static byte[] contentKey(byte[] dataKey, byte[] messageId) {
        byte[] prk = null;
        try {
            Mac extract = Mac.getInstance("HmacSHA256");
            extract.init(new SecretKeySpec(messageId, "HmacSHA256"));
            prk = extract.doFinal(dataKey);
            Mac expand = Mac.getInstance("HmacSHA256");
            expand.init(new SecretKeySpec(prk, "HmacSHA256"));
            expand.update(HKDF_INFO_PREFIX);
            expand.update((byte) MessageHeader.ALGORITHM_AES_256_GCM_HKDF_SHA256);
            expand.update((byte) 1);
            return expand.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        } finally {
            if (prk != null) {
                Arrays.fill(prk, (byte) 0);
            }
        }
    }

    /** The header tag: GCM over no plaintext with the header's bytes as additional data, nonce 0. */
    byte[] headerTag(byte[] header) {
        try {
            initialize(Cipher.ENCRYPT_MODE, 0);
            cipher.updateAAD(header);
            return cipher.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM failed on a valid key", e);
        }
    }

    void verifyHeaderTag(byte[] header, byte[] tag) {
        try {
            initialize(Cipher.DECRYPT_MODE, 0);
            cipher.updateAAD(header);
            cipher.doFinal(tag);
        } catch (AEADBadTagException e) {
            throw new MessageAuthenticationException("The message header does not verify: altered, or its data key is another");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM failed on a valid key", e);
        }
    }

    /** Encrypts one frame's plaintext into {@code out} at {@code outOffset}; answers the bytes written (length + tag). */
    int seal(byte type, long sequence, byte[] plaintext, int offset, int length, byte[] out, int outOffset) {
        try {
            initialize(Cipher.ENCRYPT_MODE, sequence);
            cipher.updateAAD(frameAad(type, sequence, length));
            return cipher.doFinal(plaintext, offset, length, out, outOffset);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM failed on a valid key", e);
        }
    }

    /**
     * Decrypts one frame's ciphertext and tag in place ({@code length} plaintext bytes followed by the tag);
     * answers the plaintext length. Nothing is released when the tag does not verify.
     */
    int open(byte type, long sequence, byte[] frame, int length) {
        try {
            initialize(Cipher.DECRYPT_MODE, sequence);
            cipher.updateAAD(frameAad(type, sequence, length));
            return cipher.doFinal(frame, 0, length + TAG_LENGTH, frame, 0);
        } catch (AEADBadTagException e) {
            throw new MessageAuthenticationException("Frame " + sequence + " does not verify: the message was altered");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM failed on a valid key", e);
        }
    }

    private void initialize(int mode, long counter) throws GeneralSecurityException {
        // nonce = 8 zero bytes || uint32 counter: 0 is the header's, frames count from 1
        nonce[8] = (byte) (counter >>> 24);
        nonce[9] = (byte) (counter >>> 16);
        nonce[10] = (byte) (counter >>> 8);
        nonce[11] = (byte) counter;
        cipher.init(mode, contentKey, new GCMParameterSpec(TAG_LENGTH * 8, nonce));
    }

    private byte[] frameAad(byte type, long sequence, int length) {
        int i = messageId.length;
        aad[i++] = type;
        aad[i++] = (byte) (sequence >>> 24);
        aad[i++] = (byte) (sequence >>> 16);
        aad[i++] = (byte) (sequence >>> 8);
        aad[i++] = (byte) sequence;
        aad[i++] = (byte) (length >>> 24);
        aad[i++] = (byte) (length >>> 16);
        aad[i++] = (byte) (length >>> 8);
        aad[i] = (byte) length;
        return aad;
    }

    @Override
    public String toString() {
        return "FrameCipher[AES-256-GCM]";
    }
}
