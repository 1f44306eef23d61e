package org.selfkms.crypto;

import org.junit.jupiter.api.Test;
import org.selfkms.api.error.KmsErrorCode;
import org.selfkms.api.error.KmsException;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class EncryptionContextTest {

    private static String canonical(String json) {
        return new String(EncryptionContext.parse(json).canonicalBytes(), StandardCharsets.UTF_8);
    }

    @Test
    void sortsKeysAndDropsWhiteSpace() {
        assertEquals("{\"a\":\"1\",\"b\":\"2\"}", canonical("{ \"b\" : \"2\",\n \"a\":\"1\" }"));
        assertEquals(canonical("{\"a\":\"1\",\"b\":\"2\"}"), canonical("{\"b\":\"2\",\"a\":\"1\"}"));
    }

    @Test
    void escapesSoThatDifferentContextsNeverCollide() {
        assertEquals("{\"k\":\"quote\\\" back\\\\ tab\\u0009 é\"}", canonical("{\"k\":\"quote\\\" back\\\\ tab\\t é\"}"));
        assertNotEquals(canonical("{\"a\":\"b\\\",\\\"c\\\":\\\"d\"}"), canonical("{\"a\":\"b\",\"c\":\"d\"}"));
    }

    @Test
    void emptyFormsMeanNoContext() {
        assertArrayEquals(new byte[0], EncryptionContext.parse(null).canonicalBytes());
        assertArrayEquals(new byte[0], EncryptionContext.parse("").canonicalBytes());
        assertArrayEquals(new byte[0], EncryptionContext.parse(" {} ").canonicalBytes());
    }

    @Test
    void refusesAnythingButAnObjectOfStrings() {
        for (String bad : new String[]{"[]", "\"s\"", "{\"a\":1}", "{\"a\":{\"b\":\"c\"}}", "{\"a\":null}", "{broken", "{\"a\":\"b\"} trailing", "{\"a\":\"1\",\"a\":\"2\"}",
                "{\"a\":\"" + "x".repeat(1100) + "\"}"}) {
            KmsException e = assertThrows(KmsException.class, () -> EncryptionContext.parse(bad), bad);
            assertEquals(KmsErrorCode.ENCRYPTION_CONTEXT_INVALID, e.code());
        }
    }

    @Test
    void refusesLoneSurrogatesWhichUtf8CannotEncodeAndWouldCollideWithAQuestionMark() {
        for (String bad : new String[]{"{\"a\":\"\\ud800\"}", "{\"a\":\"\\udc00\"}", "{\"\\udc00x\":\"v\"}",
                "{\"a\":\"x\\ud83d\"}", "{\"a\":\"\\ude00\\ud83d\"}"}) {
            KmsException e = assertThrows(KmsException.class, () -> EncryptionContext.parse(bad), bad);
            assertEquals(KmsErrorCode.ENCRYPTION_CONTEXT_INVALID, e.code());
        }
        // a surrogate pair is one character, escaped or not
        assertEquals(canonical("{\"a\":\"\ud83d\ude00\"}"), canonical("{\"a\":\"\\ud83d\\ude00\"}"));
    }

    @Test
    void toStringHidesValues() {
        assertEquals("EncryptionContext[1 pairs]", EncryptionContext.parse("{\"tenant\":\"secret-name\"}").toString());
    }
}
