package org.selfkms.client;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class EncryptionContextTest {

    @Test
    void pairsAreSortedAndOrderDoesNotMatter() {
        Map<String, String> given = new LinkedHashMap<>();
        given.put("b", "2");
        given.put("a", "1");
        EncryptionContext context = EncryptionContext.of(given);
        assertEquals(List.of("a", "b"), List.copyOf(context.asMap().keySet()));
        assertEquals(EncryptionContext.of(Map.of("a", "1", "b", "2")), context);
        assertEquals("{\"a\":\"1\",\"b\":\"2\"}", context.toJson().toString());
    }

    @Test
    void refusesEmptyNamesNullValuesAndLoneSurrogates() {
        assertThrows(IllegalArgumentException.class, () -> EncryptionContext.of("", "v"));
        Map<String, String> nullValue = new LinkedHashMap<>();
        nullValue.put("a", null);
        assertThrows(NullPointerException.class, () -> EncryptionContext.of(nullValue));
        for (String text : new String[]{"\ud800", "x\udc00", "\ude00\ud83d"}) {
            assertThrows(IllegalArgumentException.class, () -> EncryptionContext.of("a", text), "value " + text.length());
            assertThrows(IllegalArgumentException.class, () -> EncryptionContext.of(text, "v"), "name " + text.length());
        }
        assertEquals("\ud83d\ude00", EncryptionContext.of("a", "\ud83d\ude00").asMap().get("a"), "a surrogate pair is text");
    }
}
