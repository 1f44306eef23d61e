package org.selfkms.rest.tencent;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;

/**
 * Tencent's signature v1 (HmacSHA1, HmacSHA256): the SDK's {@code setSignMethod("HmacSHA256")} sends the action,
 * SecretId and signature as form fields instead of headers. This server verifies TC3-HMAC-SHA256 only, so such a
 * request is told that plainly rather than that its X-TC-Action header is missing.
 */
final class LegacySignature {

    static final String REFUSAL = "Signature v1 (HmacSHA1, HmacSHA256) is not accepted: sign with TC3-HMAC-SHA256,"
            + " the SDK's default signature method";

    private LegacySignature() {
    }

    /** A request without X-TC-Action whose query or form body carries v1's fields (SecretId and Signature). */
    static boolean isOne(HttpServletRequest request, byte[] body) {
        String query = request.getQueryString();
        if (query != null && carriesV1Fields(query)) {
            return true;
        }
        String type = request.getContentType();
        return type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("application/x-www-form-urlencoded")
                && carriesV1Fields(new String(body, StandardCharsets.ISO_8859_1));
    }

    private static boolean carriesV1Fields(String form) {
        return form.contains("SecretId=") && form.contains("Signature=");
    }
}
