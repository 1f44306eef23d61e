package org.selfkms.api.metrics;

import jakarta.enterprise.inject.spi.BeanManager;

import java.util.Optional;

/**
 * A metrics registry that some application servers provide (WildFly's Micrometer, in module kms-metrics-micrometer of
 * the EAR's lib/), found with {@link java.util.ServiceLoader}. Where none is available the services record nothing
 * ({@link KmsMetrics#NONE}): see docs/observability.md.
 */
public interface KmsMetricsProvider {

    /**
     * @param beans the deployment's CDI beans, where the server's registry is offered
     * @return empty when the server this runs on does not offer what this provider needs
     */
    Optional<KmsMetrics> open(BeanManager beans);
}
