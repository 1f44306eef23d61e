package org.selfkms.metrics;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import org.selfkms.api.key.KeyState;
import org.selfkms.api.metrics.KmsMetrics;
import org.selfkms.api.metrics.KmsMetricsProvider;

import javax.sql.DataSource;
import java.util.ServiceLoader;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The deployment's one {@link KmsMetrics}: the first that a provider in the EAR's lib/ can open on this server (on
 * WildFly: its Micrometer registry), else {@link KmsMetrics#NONE}. Produced {@link Dependent}, so that the hot path
 * holds the implementation itself rather than a proxy; it is the same instance everywhere.
 */
@ApplicationScoped
public class MetricsSource {

    private static final Logger LOG = Logger.getLogger(MetricsSource.class.getName());

    @Inject
    private BeanManager beans;

    @Resource(lookup = "java:comp/DefaultDataSource")
    private DataSource dataSource;

    @Resource
    private ManagedExecutorService executor;

    private KmsMetrics metrics = KmsMetrics.NONE;

    @PostConstruct
    void open() {
        try {
            metrics = ServiceLoader.load(KmsMetricsProvider.class, KmsMetricsProvider.class.getClassLoader()).stream()
                    .flatMap(provider -> provider.get().open(beans).stream())
                    .findFirst()
                    .orElse(KmsMetrics.NONE);
        } catch (RuntimeException | LinkageError e) {
            // metrics are never worth failing the deployment over
            LOG.log(Level.WARNING, "Metrics registry unusable; the KMS records no metrics", e);
            metrics = KmsMetrics.NONE;
        }
        if (metrics == KmsMetrics.NONE) {
            LOG.info("No metrics registry on this server: the KMS records no metrics");
            return;
        }
        KeyStateCensus census = new KeyStateCensus(dataSource, executor);
        census.count(KeyState.Enabled); // the first count, so that the first scrape has one
        metrics.keyStates(census::count);
        LOG.info("KMS metrics go to the server's metrics registry (" + metrics.getClass().getSimpleName() + ")");
    }

    @PreDestroy
    void close() {
        metrics.close();
    }

    @Produces
    @Dependent
    KmsMetrics metrics() {
        return metrics;
    }
}
