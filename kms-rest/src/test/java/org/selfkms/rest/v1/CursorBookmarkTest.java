package org.selfkms.rest.v1;

import org.junit.jupiter.api.Test;
import org.selfkms.api.error.KmsErrorCode;
import org.selfkms.api.error.KmsException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Keyset cursors (audit sequence numbers): long values, bound to their filters, which name the tenant. */
class CursorBookmarkTest {

    private static final String TENANT_A = "[1,false,\"null\"]";
    private static final String TENANT_B = "[2,false,\"null\"]";

    @Test
    void aBookmarkRoundTripsBeyondTheIntRange() {
        long sequence = 123_456_789_012L;
        assertEquals(sequence, Cursor.bookmark(Cursor.next(sequence, TENANT_A), TENANT_A));
        assertNull(Cursor.bookmark(null, TENANT_A), "no cursor: the newest page");
    }

    @Test
    void anotherTenantsOrAnotherQuerysCursorIsRefused() {
        String cursor = Cursor.next(42, TENANT_A);
        assertEquals(KmsErrorCode.INVALID_PARAMETER_VALUE, assertThrows(KmsException.class, () -> Cursor.bookmark(cursor, TENANT_B)).code());
        assertEquals(KmsErrorCode.INVALID_PARAMETER_VALUE,
                assertThrows(KmsException.class, () -> Cursor.bookmark(cursor, "[1,true,\"null\"]")).code());
    }

    @Test
    void positionsStayWithinTheirRangeAndBookmarksWithinTheirs() {
        String huge = Cursor.next(10_000_000_000L, TENANT_A);
        assertThrows(KmsException.class, () -> Cursor.position(huge, TENANT_A), "a position has at most 9 digits");
        String tooLong = Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("v1:" + "9".repeat(19) + ":0000000000000000").getBytes(StandardCharsets.US_ASCII));
        assertThrows(KmsException.class, () -> Cursor.bookmark(tooLong, TENANT_A));
    }
}
