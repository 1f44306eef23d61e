package org.selfkms.client.tink;

import org.junit.jupiter.api.Test;
import org.selfkms.client.EncryptionContext;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AssociatedDataContextTest {

    /** The server takes at most this many characters of context (docs/api.md, "Errors"). */
    private static final int SERVER_MAX_CONTEXT_CHARS = 1024;

    @Test
    void noAssociatedDataIsNoContext() throws GeneralSecurityException {
        assertTrue(AssociatedDataContext.of(new byte[0]).isEmpty());
        assertTrue(AssociatedDataContext.of(null).isEmpty());
    }

    @Test
    void shortAssociatedDataIsBoundAsItselfInBase64UrlWithoutPadding() throws GeneralSecurityException {
        assertEquals(EncryptionContext.of("tink.associatedData", "b3JkZXIgNDI"),
                AssociatedDataContext.of("order 42".getBytes(StandardCharsets.UTF_8)));
        assertEquals(EncryptionContext.of("tink.associatedData", "-_8"), AssociatedDataContext.of(new byte[] {(byte) 0xfb, (byte) 0xff}));
    }

    @Test
    void theLongestInlineAssociatedDataFitsTheServersContextLimit() throws GeneralSecurityException {
        byte[] longest = new byte[AssociatedDataContext.MAX_INLINE_BYTES];
        Arrays.fill(longest, (byte) 0xff);
        EncryptionContext context = AssociatedDataContext.of(longest);
        assertEquals(Map.of("tink.associatedData", "_".repeat(682) + "8"), context.asMap());
        assertTrue(context.toJson().toString().length() <= SERVER_MAX_CONTEXT_CHARS);
    }

    @Test
    void longerAssociatedDataIsBoundByItsDigestUnderAnotherName() throws GeneralSecurityException {
        byte[] megabyte = new byte[1 << 20];
        EncryptionContext context = AssociatedDataContext.of(megabyte);
        assertEquals("tink.associatedDataSha256", context.asMap().keySet().iterator().next());
        // SHA-256 of 2^20 zero bytes, base64url
        assertEquals("MOFJVevxNSJm3C_4Bn5oEEYH51CrudOzZYK4r5Cfy1g", context.asMap().get("tink.associatedDataSha256"));
        megabyte[12345] = 1;
        assertNotEquals(context, AssociatedDataContext.of(megabyte));
        byte[] justTooLong = new byte[AssociatedDataContext.MAX_INLINE_BYTES + 1];
        assertEquals(43, AssociatedDataContext.of(justTooLong).asMap().get("tink.associatedDataSha256").length());
    }
}
