package org.selfkms.cli.crypto;

import java.nio.charset.StandardCharsets;

/**
 * A ciphertext blob of the server's Encrypt, as kmsctl prints and stores it: Base64 text, at most 16 KiB
 * (docs/rest-api.md, "Decrypt"). An envelope-encrypted file is binary from its fifth byte on (docs/client-format.md),
 * so the two never look alike and "kmsctl decrypt --in" tells them apart by content.
 */
final class ServerBlob {

    /** The largest blob the server takes, with room for line breaks around it. */
    static final int MAX_TEXT_LENGTH = 16 * 1024 + 64;

    private ServerBlob() {
    }

    /** Whether these bytes, the whole of an input, are one Base64 blob (surrounding whitespace allowed). */
    static boolean isBlobText(byte[] content, int length) {
        if (length > MAX_TEXT_LENGTH) {
            return false;
        }
        String text = new String(content, 0, length, StandardCharsets.US_ASCII).strip();
        return !text.isEmpty() && text.matches("[A-Za-z0-9+/]+={0,2}");
    }

    static String text(byte[] content, int length) {
        return new String(content, 0, length, StandardCharsets.US_ASCII).strip();
    }
}
