package org.selfkms.api.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while the active domain key is in the token and wraps and unwraps (docs/observability.md, "Health"). */
@Readiness
@ApplicationScoped
public class DomainKeyReadiness implements HealthCheck {

    @Override
    public HealthCheckResponse call() {
        return KmsProbes.respond(KmsProbes.DOMAIN_KEY);
    }
}
