package org.selfkms.api.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while the audit writer takes records and its queue moves (docs/observability.md, "Health"). */
@Readiness
@ApplicationScoped
public class AuditWriterReadiness implements HealthCheck {

    @Override
    public HealthCheckResponse call() {
        return KmsProbes.respond(KmsProbes.AUDIT_WRITER);
    }
}
