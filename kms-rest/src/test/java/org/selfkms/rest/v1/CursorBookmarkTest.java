package org.selfkms.rest.v1;

import org.junit.jupiter.api.Test;
import org.selfkms.api.audit.AuditPosition;
import org.selfkms.api.error.KmsErrorCode;
import org.selfkms.api.error.KmsException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Keyset cursors of the audit search (time, segment, sequence): bound to their filters, which name the tenant. */
class CursorBookmarkTest {

    private static final String TENANT_A = "[1,false,\"null\"]";
    private static final String TENANT_B = "[2,false,\"null\"]";

    @Test
    void aBookmarkRoundTripsWithLargeAndNegativeSegments() {
        for (AuditPosition position : new AuditPosition[] {new AuditPosition(1_764_000_000_000L, Long.MAX_VALUE, 123_456_789_012L),
                new AuditPosition(1, -2, 7)}) {
            assertEquals(position, Cursor.auditBookmark(Cursor.next(position, TENANT_A), TENANT_A));
        }
        assertNull(Cursor.auditBookmark(null, TENANT_A), "no cursor: the newest page");
    }

    @Test
    void anotherTenantsOrAnotherQuerysCursorIsRefused() {
        String cursor = Cursor.next(new AuditPosition(5, 6, 42), TENANT_A);
        assertEquals(KmsErrorCode.INVALID_PARAMETER_VALUE, assertThrows(KmsException.class, () -> Cursor.auditBookmark(cursor, TENANT_B)).code());
        assertEquals(KmsErrorCode.INVALID_PARAMETER_VALUE,
                assertThrows(KmsException.class, () -> Cursor.auditBookmark(cursor, "[1,true,\"null\"]")).code());
    }

    @Test
    void positionsAndBookmarksAreNotInterchangeable() {
        String huge = Cursor.next(10_000_000_000L, TENANT_A);
        assertThrows(KmsException.class, () -> Cursor.position(huge, TENANT_A), "a position has at most 9 digits");
        assertThrows(KmsException.class, () -> Cursor.auditBookmark(Cursor.next(42, TENANT_A), TENANT_A), "a listing position is no bookmark");
        assertThrows(KmsException.class, () -> Cursor.position(Cursor.next(new AuditPosition(1, 2, 3), TENANT_A), TENANT_A));
        String tooLong = Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("v1:1." + "9".repeat(20) + ".1:0000000000000000").getBytes(StandardCharsets.US_ASCII));
        assertThrows(KmsException.class, () -> Cursor.auditBookmark(tooLong, TENANT_A));
    }
}
