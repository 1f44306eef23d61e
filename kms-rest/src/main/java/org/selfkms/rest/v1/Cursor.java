package org.selfkms.rest.v1;

import org.selfkms.api.error.KmsErrorCode;
import org.selfkms.api.error.KmsException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The opaque paging cursor of a listing: where the next page starts, bound to the listing's filters so that a
 * cursor cannot be replayed against another query. Clients must treat it as opaque; today it is base64url of
 * {@code v1:<position>:<filter digest>}. Anything that does not decode to that, or was made for other filters,
 * is {@code INVALID_PARAMETER_VALUE} (400).
 */
final class Cursor {

    static final int MAX_CHARS = 200;

    private Cursor() {
    }

    static String next(int position, String filters) {
        String text = "v1:" + position + ":" + digest(filters);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.US_ASCII));
    }

    /** 0 for no cursor. */
    static int position(String cursor, String filters) {
        if (cursor == null) {
            return 0;
        }
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
        if (parts.length != 3 || !"v1".equals(parts[0]) || !parts[1].matches("\\d{1,9}") || !digest(filters).equals(parts[2])) {
            throw invalid();
        }
        return Integer.parseInt(parts[1]);
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
