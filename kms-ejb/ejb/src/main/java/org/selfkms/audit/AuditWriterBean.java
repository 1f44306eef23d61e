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
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import org.selfkms.api.audit.AuditEvent;
import org.selfkms.api.audit.AuditLog;
import org.selfkms.api.metrics.KmsMetrics;
import org.selfkms.bootstrap.BenchmarkSwitch;
import org.selfkms.settings.Setting;
import org.selfkms.settings.Settings;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The audit log of the whole server process: one {@link GroupCommitWriter} started with the deployment (on H2 with its
 * journal's flusher thread from the container's managed thread factory), its checkpoints written on the container's
 * scheduler.
 * Bean-managed concurrency, since every request of every door comes through here at once; the writer does its own
 * synchronisation. Settings (system properties; docs/operations.md):
 * <ul>
 *   <li>{@code kms.audit.journal} - {@code auto} (default: on for H2, off otherwise), {@code true}, {@code false};</li>
 *   <li>{@code kms.audit.journal-dir} - default {@code <server data dir>/kms/audit-journal};</li>
 *   <li>{@code kms.audit.checkpoint-interval-seconds} - default 300;</li>
 *   <li>{@code kms.audit.journal-flush-millis} - how long journalled records may wait for the database, default
 *       10,000 (searches, verifications and checkpoints do not wait: they flush first).</li>
 * </ul>
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
    /** Journalled records handed to the database at once, at most; and how many may wait before new ones are refused. */
    static final int JOURNAL_MAX_PENDING = 5_000;
    static final int JOURNAL_MAX_BACKLOG = 500_000;
    /** How long a search or verification waits for journalled records to reach the database. */
    static final Duration FLUSH_WAIT = Duration.ofSeconds(10);
    private static final Logger LOG = Logger.getLogger(AuditWriterBean.class.getName());

    @Resource(lookup = "java:comp/DefaultDataSource")
    private DataSource dataSource;

    @Resource
    private ManagedThreadFactory threads;

    @Resource
    private ManagedScheduledExecutorService scheduler;

    @EJB
    private AuditKeys keys;

    @Inject
    private Clock clock;

    @Inject
    private AuditRoute route;

    @Inject
    private KmsMetrics metrics;

    private AuditKeyring keyring;
    private AuditTable table;
    private Checkpoints checkpoints;
    private GroupCommitWriter writer;
    private ScheduledFuture<?> checkpointTimer;

    @PostConstruct
    void start() {
        Settings settings = Settings.server();
        keyring = keys.loadOrCreate();
        table = new AuditTable(dataSource);
        checkpoints = new Checkpoints(dataSource, keyring.signer(), writerName(), clock);
        try {
            boolean journalled = journalled();
            Path journalDirectory = settings.optional(Setting.AUDIT_JOURNAL_DIR).map(Path::of)
                    .orElseGet(() -> settings.dataDirectory().resolve("audit-journal"));
            // whatever an earlier run journalled goes into the database before anything new is written
            JournalRecovery.recover(journalDirectory, dataSource, keyring.chain());
            LegacySegments.adopt(dataSource, keyring.chain(), checkpoints);
            AuditAppender opener = new AuditAppender(dataSource, keyring.chain());
            RecordSink sink;
            if (journalled) {
                JournalSink journal = new JournalSink(new AuditJournal(journalDirectory, clock.millis()),
                        new AuditAppender(dataSource, keyring.chain()), clock, JOURNAL_MAX_PENDING, JOURNAL_MAX_BACKLOG,
                        Duration.ofMillis(settings.longValue(Setting.AUDIT_JOURNAL_FLUSH_MILLIS, 10_000)));
                journal.start(threads);
                sink = journal;
            } else {
                sink = new DatabaseSink(opener);
            }
            writer = new GroupCommitWriter(opener, sink, keyring.chain(), checkpoints, clock, QUEUE_CAPACITY, MAX_BATCH,
                    WRITE_TIMEOUT, metrics);
            GroupCommitWriter started = writer;
            metrics.auditQueue(started::queueDepth);
            LOG.info("Audit writer " + checkpoints.writer() + " started (queue " + QUEUE_CAPACITY + ", batches of up to "
                    + MAX_BATCH + (journalled ? ", journalled in " + journalDirectory : ", committed per batch") + ")");
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("Cannot start the audit writer: " + e.getMessage(), e);
        }
        long interval = settings.longValue(Setting.AUDIT_CHECKPOINT_INTERVAL_SECONDS, 300);
        checkpointTimer = scheduler.scheduleWithFixedDelay(this::checkpoint, interval, interval, TimeUnit.SECONDS);
        boolean benchmarkMode = BenchmarkSwitch.benchmarkMode();
        route.open(writer, benchmarkMode);
        if (benchmarkMode) {
            LOG.severe("*** BENCHMARK MODE (" + BenchmarkSwitch.DISCARD_AUDIT + " set at start): while that property is true, "
                    + "audit records are DISCARDED and requests are answered without any record. Never run a server that "
                    + "serves anyone like this.");
        }
    }

    @PreDestroy
    void stop() {
        checkpointTimer.cancel(false);
        route.close();
        writer.stop();
        checkpoints.writeMoved(writer.committedHeads());
    }

    @Override
    public void record(AuditEvent event) {
        route.record(event);
    }

    /** Writes the periodic checkpoints: heads of this writer's segments that moved, once they are in the database. */
    public void checkpoint() {
        try {
            writer.flushed(FLUSH_WAIT);
            checkpoints.writeMoved(writer.committedHeads());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Audit checkpoint failed; the next one covers it", e);
        }
    }

    // Public because calls from AuditTrailBean go through the container's no-interface view.

    public AuditKeyring keyring() {
        return keyring;
    }

    public AuditTable table() {
        return table;
    }

    @Override
    public void flush() {
        if (!writer.flushed(FLUSH_WAIT)) {
            LOG.warning("Journalled audit records did not reach the database within " + FLUSH_WAIT.toSeconds() + " s");
        }
    }

    /** Records waiting for the writer. */
    public int queueDepth() {
        GroupCommitWriter current = writer;
        return current == null ? 0 : current.queueDepth();
    }

    /** For the health check: why the writer cannot take records now, or empty if it can. */
    public Optional<String> unhealthy() {
        GroupCommitWriter current = writer;
        if (current == null || !current.running()) {
            return Optional.of("the audit writer is not running");
        }
        if (current.stuckFor(WRITE_TIMEOUT)) {
            return Optional.of(current.queueDepth() + " audit records wait and none was stored for "
                    + WRITE_TIMEOUT.toSeconds() + " s");
        }
        return Optional.empty();
    }

    public Map<Long, SegmentHead> committedHeads() {
        return writer.committedHeads();
    }

    public Map<Long, Long> openedSegments() {
        return writer.openedSegments();
    }

    public long newestCheckpointWritten(long tenantId) {
        return checkpoints.newestWritten(tenantId);
    }

    /** Journalled unless told otherwise for H2, whose commits are costly; committed per batch for other databases. */
    private boolean journalled() throws SQLException {
        String setting = Settings.server().string(Setting.AUDIT_JOURNAL, "auto").toLowerCase(Locale.ROOT);
        if (!setting.equals("auto")) {
            return Boolean.parseBoolean(setting);
        }
        try (Connection db = dataSource.getConnection()) {
            return db.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("h2");
        }
    }

    /** The node's name as checkpoints name their writer: letters, digits and ._:@- only. */
    static String writerName() {
        String node = Settings.server().string(Setting.NODE_NAME, "kms");
        String cleaned = node.replaceAll("[^A-Za-z0-9._:@-]", "-");
        return cleaned.isEmpty() ? "kms" : cleaned.substring(0, Math.min(cleaned.length(), 128));
    }
}
