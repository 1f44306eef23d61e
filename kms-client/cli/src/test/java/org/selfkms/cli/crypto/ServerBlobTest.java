package org.selfkms.cli.crypto;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServerBlobTest {

    @Test
    void base64TextIsABlobAndAnEnvelopeMessageIsNot() {
        assertTrue(isBlob("QUJDRA==\n"));
        assertTrue(isBlob("  AbC+/9z=\r\n"));
        assertFalse(isBlob(""));
        assertFalse(isBlob("\n"));
        assertFalse(isBlob("QUJD RA=="), "two words");
        assertFalse(isBlob("QUJD==="));
        byte[] envelope = {'S', 'K', 'M', 'E', 1, 1, 0x7f};
        assertFalse(ServerBlob.isBlobText(envelope, envelope.length), "the format's version byte is not Base64");
        byte[] huge = "A".repeat(ServerBlob.MAX_TEXT_LENGTH + 1).getBytes(StandardCharsets.US_ASCII);
        assertFalse(ServerBlob.isBlobText(huge, huge.length), "larger than any blob the server makes");
    }

    private static boolean isBlob(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        return ServerBlob.isBlobText(bytes, bytes.length);
    }
}
