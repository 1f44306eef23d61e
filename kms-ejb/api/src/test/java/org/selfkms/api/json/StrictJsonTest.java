package org.selfkms.api.json;

import org.junit.jupiter.api.Test;

import java.io.StringReader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StrictJsonTest {

    @Test
    void readsOneObjectWithNestingUpToTheLimit() throws Exception {
        String nested = "{\"a\":" + "[".repeat(StrictJson.MAX_DEPTH - 1) + "1" + "]".repeat(StrictJson.MAX_DEPTH - 1) + "}";
        assertEquals(1, StrictJson.parseObject(new StringReader(nested)).size());
        assertEquals("x", StrictJson.parseObject(new StringReader("{\"k\":\"x\",\"n\":[{\"t\":true}]}")).getString("k"));
    }

    @Test
    void refusesDeepNestingBeforeTheParserRecursesIntoIt() {
        // 100,000 levels: the parser's own limit would answer a bare RuntimeException after 1,000 frames
        for (String deep : new String[]{"{\"a\":" + "[".repeat(100_000), "{\"a\":".repeat(100_000),
                "{\"a\":" + "[".repeat(StrictJson.MAX_DEPTH) + "]".repeat(StrictJson.MAX_DEPTH) + "}"}) {
            StrictJson.InvalidJson e = assertThrows(StrictJson.InvalidJson.class, () -> StrictJson.parseObject(new StringReader(deep)));
            assertTrue(e.getMessage().startsWith("is nested too deeply"), e.getMessage());
        }
    }

    @Test
    void refusesTwiceTheSameMemberAtAnyDepth() {
        for (String twice : new String[]{"{\"a\":1,\"a\":1}", "{\"o\":{\"b\":\"x\",\"b\":\"y\"}}"}) {
            StrictJson.InvalidJson e = assertThrows(StrictJson.InvalidJson.class, () -> StrictJson.parseObject(new StringReader(twice)));
            assertTrue(e.getMessage().contains("twice"), e.getMessage());
        }
    }

    @Test
    void refusesAnythingButExactlyOneObject() {
        for (String bad : new String[]{"", "[]", "\"s\"", "1", "{", "{\"a\":}", "{\"a\":1} {}", "{\"a\":1} junk", "{'a':1}"}) {
            assertThrows(StrictJson.InvalidJson.class, () -> StrictJson.parseObject(new StringReader(bad)), bad);
            assertTrue(StrictJson.readObject(new StringReader(bad)).isEmpty(), bad);
        }
    }

    @Test
    void namesShownBackAreShortAndPrintable() {
        assertEquals("a?b", StrictJson.printable("a\nb"));
        assertEquals("x".repeat(64) + "...", StrictJson.printable("x".repeat(500)));
    }
}
