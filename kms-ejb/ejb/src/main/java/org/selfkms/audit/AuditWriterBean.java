package org.selfkms.audit;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import org.selfkms.api.audit.AuditEvent;
import org.selfkms.api.audit.AuditLog;
import org.selfkms.bootstrap.BenchmarkSwitch;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.logging.Logger;

/**
 * The audit log of the whole server: one {@link GroupCommitWriter} started with the deployment, its thread
 * from the container's managed thread factory. Bean-managed concurrency, since every request of every door
 * comes through here at once; the writer does its own synchronisation.
 */
@Singleton
@Startup
@LocalBean
@DependsOn("SchemaMigrator")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AuditWriterBean implements AuditLog {

    /** Requests that may wait for the writer at once; beyond that, requests fail rather than queue without end. */
    static final int QUEUE_CAPACITY = 10_000;
    static final int MAX_BATCH = 500;
    static final Duration WRITE_TIMEOUT = Duration.ofSeconds(5);
    private static final Logger LOG = Logger.getLogger(AuditWriterBean.class.getName());

    @Resource(lookup = "java:jboss/datasources/KmsDS")
    private DataSource dataSource;

    @Resource
    private ManagedThreadFactory threads;

    @EJB
    private AuditKeys keys;

    @Inject
    private Clock clock;

    private AuditChain chain;
    private AuditTable table;
    private GroupCommitWriter writer;
    private boolean discard;

    @PostConstruct
    void start() {
        chain = keys.loadOrCreate();
        table = new AuditTable(dataSource);
        writer = new GroupCommitWriter(table, chain, clock, QUEUE_CAPACITY, MAX_BATCH, WRITE_TIMEOUT);
        try {
            writer.start(threads);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the audit chains: " + e.getMessage(), e);
        }
        LOG.info("Audit writer started (queue " + QUEUE_CAPACITY + ", batches of up to " + MAX_BATCH + ")");
        discard = BenchmarkSwitch.discardAudit();
        if (discard) {
            LOG.severe("*** BENCHMARK-ONLY SWITCH " + BenchmarkSwitch.DISCARD_AUDIT + "=true: audit records are DISCARDED, "
                    + "requests are answered without any record. Never run a server that serves anyone like this.");
        }
    }

    @PreDestroy
    void stop() {
        try {
            writer.stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void record(AuditEvent event) {
        if (discard) {
            return;
        }
        writer.record(event);
    }

    // Public because calls from AuditTrailBean go through the container's no-interface view.

    public AuditChain chain() {
        return chain;
    }

    public AuditTable table() {
        return table;
    }

    public ChainHead committedHead(long tenantId) {
        return writer.committedHead(tenantId);
    }
}
