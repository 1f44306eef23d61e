package org.selfkms.it;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docs/observability.md, "Health": readiness on the management interface runs the KMS's own checks - database, token,
 * domain key, audit writer - beside WildFly's, and all are UP on a healthy server; liveness is UP. (TokenOutageIT shows
 * readiness going DOWN while the token is out and UP again after.)
 */
class HealthIT extends DeployedKms {

    private static final List<String> KMS_CHECKS = List.of("audit-writer", "database", "domain-key", "token");

    @Test
    void readyWithEveryCheckUp() throws Exception {
        ServerHealth.Answer ready = ServerHealth.get("/health/ready");
        assertEquals(200, ready.httpStatus(), ready.body());
        assertEquals("UP", ready.status(), ready.body());
        for (String check : KMS_CHECKS) {
            assertEquals("UP", ready.checks().get(check), check + " in " + ready.body());
        }
        assertTrue(ready.body().contains("\"backend\""), "the token check names its backend: " + ready.body());
        assertFalse(ready.body().contains(secretKey()) || ready.body().contains(adminPassword()), ready.body());
    }

    @Test
    void liveAndTheAllInOneEndpointAgree() throws Exception {
        ServerHealth.Answer live = ServerHealth.get("/health/live");
        assertEquals(200, live.httpStatus(), live.body());
        assertEquals("UP", live.status(), live.body());
        ServerHealth.Answer all = ServerHealth.get("/health");
        assertEquals("UP", all.status(), all.body());
        assertTrue(all.checks().keySet().containsAll(KMS_CHECKS), all.body());
    }

    @Test
    void probesOfTheTokenAreRateLimited() throws Exception {
        PrometheusScrape before = PrometheusScrape.now();
        for (int i = 0; i < 20; i++) {
            assertEquals(200, ServerHealth.get("/health/ready").httpStatus());
        }
        PrometheusScrape after = PrometheusScrape.now();
        double wraps = after.value("kms_token_operations_total", "operation", "wrap")
                - before.value("kms_token_operations_total", "operation", "wrap");
        // 20 probes within a few seconds: a handful of round trips at most, not 20
        assertTrue(wraps <= 4, wraps + " wraps for 20 readiness probes");
    }
}
