package org.selfkms.rest.v1;

import org.selfkms.api.audit.AuditPosition;
import org.selfkms.api.error.KmsErrorCode;
import org.selfkms.api.error.KmsException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The opaque paging cursor of a listing: where the next page starts (a position, or a keyset bookmark such as an
 * audit sequence number), bound to the listing's filters so that a cursor cannot be replayed against another
 * query (listings of tenant data put the caller's tenant among the filters, so neither against another tenant). Clients must treat it as opaque; today it is base64url of
 * {@code v1:<position>:<filter digest>}. Anything that does not decode to that, or was made for other filters,
 * is {@code INVALID_PARAMETER_VALUE} (400).
 */
final class Cursor {

    static final int MAX_CHARS = 200;

    private Cursor() {
    }

    static String next(long position, String filters) {
        return encode(Long.toString(position), filters);
    }

    /** 0 for no cursor. */
    static int position(String cursor, String filters) {
        return cursor == null ? 0 : (int) read(cursor, filters, 9);
    }

    /** The cursor of the audit page after the one that ended at {@code last}. */
    static String next(AuditPosition last, String filters) {
        return encode(last.time() + "." + last.segment() + "." + last.sequence(), filters);
    }

    /** An audit search's bookmark: the position of the last record of the page before; null for no cursor. */
    static AuditPosition auditBookmark(String cursor, String filters) {
        if (cursor == null) {
            return null;
        }
        String position = read(cursor, filters);
        if (!position.matches("\\d{1,18}\\.-?\\d{1,19}\\.\\d{1,18}")) {
            throw invalid();
        }
        String[] parts = position.split("\\.");
        try {
            return new AuditPosition(Long.parseLong(parts[0]), Long.parseLong(parts[1]), Long.parseLong(parts[2]));
        } catch (NumberFormatException e) {
            throw invalid();
        }
    }

    private static String encode(String position, String filters) {
        String text = "v1:" + position + ":" + digest(filters);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.US_ASCII));
    }

    private static long read(String cursor, String filters, int maxDigits) {
        String position = read(cursor, filters);
        if (!position.matches("\\d{1," + maxDigits + "}")) {
            throw invalid();
        }
        return Long.parseLong(position);
    }

    private static String read(String cursor, String filters) {
        if (cursor.isEmpty() || cursor.length() > MAX_CHARS || !cursor.matches("[A-Za-z0-9_-]+")) {
            throw invalid();
        }
        String text;
        try {
            text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        String[] parts = text.split(":", -1);
        if (parts.length != 3 || !"v1".equals(parts[0]) || !digest(filters).equals(parts[2])) {
            throw invalid();
        }
        return parts[1];
    }

    private static KmsException invalid() {
        return new KmsException(KmsErrorCode.INVALID_PARAMETER_VALUE,
                "The cursor is not valid for this listing: use the nextCursor of the previous page with the same filters");
    }

    private static String digest(String filters) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(filters.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
