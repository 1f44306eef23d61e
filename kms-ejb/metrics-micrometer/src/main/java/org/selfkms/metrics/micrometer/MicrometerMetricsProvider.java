package org.selfkms.metrics.micrometer;

import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.BeanManager;
import org.selfkms.api.metrics.KmsMetrics;
import org.selfkms.api.metrics.KmsMetricsProvider;

import java.util.Optional;

/**
 * Opens {@link MicrometerMetrics} where the server offers a Micrometer {@code MeterRegistry} as a CDI bean (WildFly's
 * micrometer subsystem does, for every deployment, once wildfly-config has added it). This class names no Micrometer
 * type, so that a server without Micrometer (Payara) can load it, ask, and be told no.
 */
public final class MicrometerMetricsProvider implements KmsMetricsProvider {

    static final String REGISTRY = "io.micrometer.core.instrument.MeterRegistry";

    @Override
    public Optional<KmsMetrics> open(BeanManager beans) {
        Class<?> registryType;
        try {
            registryType = Class.forName(REGISTRY, false, MicrometerMetricsProvider.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError absent) {
            return Optional.empty();
        }
        Instance<?> registries = beans.createInstance().select(registryType);
        if (!registries.isResolvable()) {
            return Optional.empty();
        }
        return Optional.of(MicrometerMetrics.on(registries.get()));
    }
}
