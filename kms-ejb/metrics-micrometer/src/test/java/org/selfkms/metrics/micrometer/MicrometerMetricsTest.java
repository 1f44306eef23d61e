package org.selfkms.metrics.micrometer;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.selfkms.api.gate.Door;
import org.selfkms.api.key.KeyState;
import org.selfkms.api.metrics.KmsMetrics.Outcome;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MicrometerMetricsTest {

    private final MeterRegistry registry = new SimpleMeterRegistry();
    private final MicrometerMetrics metrics = MicrometerMetrics.on(registry);

    private double requests(String door, String action, String outcome) {
        var counter = registry.find("kms.requests").tags("door", door, "action", action, "outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void anActionGetsSeriesOfItsOwnOnceServed() {
        metrics.request(Door.TENCENT, "Encrypt", Outcome.REFUSED, 1_000);
        assertEquals(1, requests("tencent", "other", "refused"), "not yet served: counted as other");
        metrics.request(Door.TENCENT, "Encrypt", Outcome.OK, 1_000);
        metrics.request(Door.TENCENT, "Encrypt", Outcome.REFUSED, 1_000);
        metrics.request(Door.TENCENT, "Encrypt", Outcome.FAILED, 1_000);
        assertEquals(1, requests("tencent", "Encrypt", "ok"));
        assertEquals(1, requests("tencent", "Encrypt", "refused"));
        assertEquals(1, requests("tencent", "Encrypt", "failed"));
        assertEquals(3, registry.find("kms.request.duration").tags("door", "tencent", "action", "Encrypt").timer().count());
    }

    @Test
    void clientChosenActionNamesStayBounded() {
        for (int i = 0; i < 1_000; i++) {
            metrics.request(Door.TENCENT, "Junk" + i, Outcome.REFUSED, 1);
        }
        metrics.request(Door.REST, "GET /api/v1/../../etc/passwd", Outcome.OK, 1);
        for (int i = 0; i < MicrometerMetrics.MAX_ACTIONS + 50; i++) {
            metrics.request(Door.CONSOLE, "Action" + i, Outcome.OK, 1);
        }
        assertEquals(1_000, requests("tencent", "other", "refused"));
        assertEquals(1, requests("rest", "other", "ok"), "a name that is not an action's is never a label");
        assertEquals(50, requests("console", "other", "ok"), "beyond the cap: other");
        assertNull(registry.find("kms.requests").tag("action", "Junk1").counter());
    }

    @Test
    void gaugesReadWhenScrapedAndCloseUnregistersEverything() {
        int[] queue = {7};
        metrics.auditQueue(() -> queue[0]);
        metrics.keyStates(state -> state == KeyState.Enabled ? 3 : 0);
        metrics.cacheLookup(MicrometerMetrics.Cache.KEYS, true);
        metrics.tokenOperation("software", "unwrap", MicrometerMetrics.TokenOutcome.UNAVAILABLE, 5);
        metrics.auditBatch(12, 1_000_000);
        assertEquals(7, registry.find("kms.audit.queue.depth").gauge().value());
        queue[0] = 9;
        assertEquals(9, registry.find("kms.audit.queue.depth").gauge().value());
        assertEquals(3, registry.find("kms.keys").tag("state", "Enabled").gauge().value());
        assertEquals(1, registry.find("kms.cache.lookups").tags("cache", "keys", "result", "hit").counter().count());
        assertEquals(1, registry.find("kms.token.operations").tags("backend", "software", "operation", "unwrap",
                "outcome", "unavailable").counter().count());
        assertEquals(12, registry.find("kms.audit.batch.size").summary().totalAmount());
        metrics.close();
        assertTrue(registry.getMeters().isEmpty(), "left behind: " + registry.getMeters());
    }
}
