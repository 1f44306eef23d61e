package org.selfkms.cli.keys;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class KeyPathsTest {

    @Test
    void aKeyIsNamedByIdOrBareAliasInOneEncodedSegment() {
        assertEquals("/keys/shop-orders", KeyPaths.of("shop-orders"));
        assertEquals("/keys/shop-orders", KeyPaths.of("alias/shop-orders"), "the Tencent spelling of an alias");
        assertEquals("/keys/a%2Fb%20c", KeyPaths.of("a/b c"));
        assertThrows(IllegalArgumentException.class, () -> KeyPaths.of("alias/"));
    }

    @Test
    void aTagKeyKeepsItsSlashes() {
        assertEquals("cost/centre", KeyPaths.tagKey("cost/centre"));
        assertEquals("a%20b/c%3Dd", KeyPaths.tagKey("a b/c=d"));
    }
}
