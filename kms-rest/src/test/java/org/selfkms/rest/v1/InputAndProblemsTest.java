package org.selfkms.rest.v1;

import org.junit.jupiter.api.Test;
import org.selfkms.api.error.KmsErrorCode;
import org.selfkms.api.error.KmsException;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InputAndProblemsTest {

    private static KmsErrorCode refusal(Runnable call) {
        return assertThrows(KmsException.class, call::run).code();
    }

    private static JsonInput parse(String json, String... fields) {
        return JsonInput.parse(json.getBytes(StandardCharsets.UTF_8), fields);
    }

    @Test
    void onlyOneStrictJsonObjectIsRead() {
        assertEquals(KmsErrorCode.MALFORMED_REQUEST, refusal(() -> parse("{\"a\":1,\"a\":2}", "a")));
        assertEquals(KmsErrorCode.MALFORMED_REQUEST, refusal(() -> parse("{} []")));
        assertEquals(KmsErrorCode.MALFORMED_REQUEST, refusal(() -> parse("\"text\"")));
        assertEquals(KmsErrorCode.MALFORMED_REQUEST, refusal(() -> parse("{\"a\":" + "[".repeat(20) + "]".repeat(20) + "}", "a")));
        assertEquals(KmsErrorCode.INVALID_PARAMETER, refusal(() -> parse("{\"b\":1}", "a")));
        assertEquals(KmsErrorCode.INVALID_PARAMETER, refusal(() -> parse("{\"a\":\"1\"}", "a").integer("a", 0, 9)));
        assertEquals(KmsErrorCode.INVALID_PARAMETER, refusal(() -> parse("{\"a\":1e0}", "a").string("a", 9)));
        assertEquals(KmsErrorCode.INVALID_PARAMETER_VALUE, refusal(() -> parse("{\"a\":\"toolong\"}", "a").string("a", 3)));
        assertEquals(7, parse("{\"a\":7}", "a").integer("a", 0, 9).orElseThrow());
        assertTrue(parse("", "a").string("a", 3).isEmpty(), "an empty body is {}");
    }

    @Test
    void cursorsAreBoundToTheirFilters() {
        String cursor = Cursor.next(40, "state=null");
        assertEquals(40, Cursor.position(cursor, "state=null"));
        assertEquals(0, Cursor.position(null, "x"));
        assertEquals(KmsErrorCode.INVALID_PARAMETER_VALUE, refusal(() -> Cursor.position(cursor, "state=Enabled")));
        assertEquals(KmsErrorCode.INVALID_PARAMETER_VALUE, refusal(() -> Cursor.position("!!", "x")));
    }

    @Test
    void statusesFollowTheKindOfError() {
        assertEquals(400, Problems.status(KmsErrorCode.INVALID_PARAMETER));
        assertEquals(401, Problems.status(KmsErrorCode.AUTH_SIGNATURE_MISMATCH));
        assertEquals(403, Problems.status(KmsErrorCode.UNAUTHORIZED));
        assertEquals(404, Problems.status(KmsErrorCode.KEY_NOT_FOUND));
        assertEquals(409, Problems.status(KmsErrorCode.ALIAS_EXISTS));
        assertEquals(429, Problems.status(KmsErrorCode.ROTATION_RATE_LIMITED));
        assertEquals(503, Problems.status(KmsErrorCode.TOKEN_UNAVAILABLE));
        assertEquals(500, Problems.status(KmsErrorCode.INTERNAL));
        // which SecretIds exist is never told apart
        assertEquals(Problems.shown(new KmsException(KmsErrorCode.AUTH_UNKNOWN_SECRET_ID, "unknown")).getMessage(),
                Problems.shown(new KmsException(KmsErrorCode.AUTH_LOGIN_FAILED, "wrong key")).getMessage());
    }
}
