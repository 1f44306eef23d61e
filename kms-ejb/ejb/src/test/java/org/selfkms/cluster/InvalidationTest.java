package org.selfkms.cluster;

import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The string an invalidation travels as between nodes: every kind comes back as it was, nothing else is accepted. */
class InvalidationTest {

    @Test
    void everyKindSurvivesTheTrip() {
        UUID key = UUID.randomUUID();
        for (Invalidation sent : new Invalidation[]{Invalidation.credential("AKIDabc:with:colons"), Invalidation.key(key),
                Invalidation.keyMaterial(key), Invalidation.tenants(42)}) {
            assertEquals(sent, Invalidation.decode(sent.encode()));
        }
    }

    @Test
    void kindsDoNotCollide() {
        UUID key = UUID.randomUUID();
        assertEquals(Invalidation.Kind.KEY, Invalidation.decode(Invalidation.key(key).encode()).kind());
        assertEquals(Invalidation.Kind.KEY_MATERIAL, Invalidation.decode(Invalidation.keyMaterial(key).encode()).kind());
    }

    @Test
    void anythingElseIsRefused() {
        for (String foreign : new String[]{null, "", "k:", "x:123", "k-123", "kk:1"}) {
            assertThrows(IllegalArgumentException.class, () -> Invalidation.decode(foreign), String.valueOf(foreign));
        }
    }
}
