package org.selfkms.api.health;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The KMS's readiness checks by name, registered by kms-ejb when it starts. Why a registry in the EAR's lib/: WildFly
 * finds MicroProfile Health checks of an EAR only among the beans its lib/ holds, not in the EJB jar (so the check
 * beans live here, {@link DatabaseReadiness} and its siblings, and ask kms-ejb through this registry).
 */
public final class KmsProbes {

    public static final String DATABASE = "database";
    public static final String TOKEN = "token";
    public static final String DOMAIN_KEY = "domain-key";
    public static final String AUDIT_WRITER = "audit-writer";

    private static final Map<String, KmsProbe> PROBES = new ConcurrentHashMap<>();

    private KmsProbes() {
    }

    public static void register(String name, KmsProbe probe) {
        PROBES.put(name, probe);
    }

    public static void unregister(String name) {
        PROBES.remove(name);
    }

    /** The named probe's answer; DOWN while kms-ejb has not started it, or when it throws. */
    static HealthCheckResponse respond(String name) {
        KmsProbe probe = PROBES.get(name);
        if (probe == null) {
            return HealthCheckResponse.named(name).down().withData("failure", "the KMS services have not started").build();
        }
        KmsProbe.Result result;
        try {
            result = probe.check();
        } catch (RuntimeException e) {
            result = KmsProbe.Result.down(e.getClass().getSimpleName());
        }
        HealthCheckResponseBuilder response = HealthCheckResponse.named(name).status(result.up());
        result.data().forEach((key, value) -> {
            if (value instanceof Number number) {
                response.withData(key, number.longValue());
            } else if (value instanceof Boolean flag) {
                response.withData(key, flag);
            } else {
                response.withData(key, String.valueOf(value));
            }
        });
        return response.build();
    }
}
