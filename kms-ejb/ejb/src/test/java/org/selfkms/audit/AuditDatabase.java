package org.selfkms.audit;

import org.h2.jdbcx.JdbcDataSource;
import org.selfkms.api.audit.AuditEvent;
import org.selfkms.api.audit.AuditOutcome;
import org.selfkms.schema.SchemaMigrator;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A real database for the audit tests: H2 in memory with the server's own migration scripts (all of them, or up to
 * a version for migration tests), and the pieces of the audit writer wired as AuditWriterBean wires them.
 */
final class AuditDatabase implements AutoCloseable {

    static final byte[] KEY = key(3);
    final AuditKeyring keyring = new AuditKeyring(new AuditChain(KEY, 1), new CheckpointSigner(KEY, 1));
    final JdbcDataSource dataSource = new JdbcDataSource();
    final AuditTable table;

    AuditDatabase() throws Exception {
        this(Integer.MAX_VALUE);
    }

    /** Applies the migrations up to and including {@code upToVersion}. */
    AuditDatabase(int upToVersion) throws Exception {
        dataSource.setURL("jdbc:h2:mem:audit-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000");
        migrate(0, upToVersion);
        table = new AuditTable(dataSource);
    }

    void migrate(int afterVersion, int upToVersion) throws IOException, SQLException {
        for (String script : scripts()) {
            int version = Integer.parseInt(script.substring(1, script.indexOf("__")));
            if (version > afterVersion && version <= upToVersion) {
                for (String sql : SchemaMigrator.scriptStatements(script)) {
                    execute(sql);
                }
            }
        }
    }

    private static List<String> scripts() throws IOException {
        List<String> scripts = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                AuditDatabase.class.getResourceAsStream("/db/migration/index.txt"), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    scripts.add(line.trim());
                }
            }
        }
        return scripts;
    }

    /** A writer as one server process runs it: in database mode, or journalled into {@code journal}. */
    Writer writer(String name, Path journal) throws Exception {
        return new Writer(name, journal, Duration.ofSeconds(30));
    }

    final class Writer {
        final Checkpoints checkpoints;
        final GroupCommitWriter writer;

        Writer(String name, Path journal, Duration journalInterval) throws Exception {
            checkpoints = new Checkpoints(dataSource, keyring.signer(), name, Clock.systemUTC());
            if (journal != null) {
                JournalRecovery.recover(journal, dataSource, keyring.chain());
            }
            LegacySegments.adopt(dataSource, keyring.chain(), checkpoints);
            AuditAppender opener = new AuditAppender(dataSource, keyring.chain());
            RecordSink sink;
            if (journal == null) {
                sink = new DatabaseSink(opener);
            } else {
                JournalSink journalled = new JournalSink(new AuditJournal(journal, System.nanoTime()),
                        new AuditAppender(dataSource, keyring.chain()), Clock.systemUTC(), 1000, 100_000, journalInterval);
                journalled.start(Thread::new);
                sink = journalled;
            }
            writer = new GroupCommitWriter(opener, sink, keyring.chain(), checkpoints, Clock.systemUTC(), 1000, 100,
                    Duration.ofSeconds(5));
        }

        void record(long tenant, String action, String requestId) {
            writer.record(event(tenant, action, requestId));
        }

        void stop() {
            writer.stop();
            checkpoints.writeMoved(writer.committedHeads());
        }

        /** Verifies a tenant's trail as this writer's node would. */
        org.selfkms.api.audit.ChainVerification verify(long tenant) throws SQLException {
            return verify(tenant, null);
        }

        org.selfkms.api.audit.ChainVerification verify(long tenant, org.selfkms.api.audit.AuditCheckpoint anchor) throws SQLException {
            Map<Long, SegmentHead> heads = writer.committedHeads();
            writer.flushed(Duration.ofSeconds(10));
            return new TrailVerifier(table, keyring.chain(), keyring.signer(), tenant)
                    .verify(heads, writer.openedSegments(), checkpoints.newestWritten(tenant), anchor);
        }
    }

    /** Verifies a tenant's trail as a node that wrote nothing (or after a restart) would. */
    org.selfkms.api.audit.ChainVerification verify(long tenant) throws SQLException {
        return new TrailVerifier(table, keyring.chain(), keyring.signer(), tenant).verify(Map.of(), Map.of(), 0, null);
    }

    static AuditEvent event(long tenant, String action, String requestId) {
        return new AuditEvent(tenant, AuditEvent.DOOR_TENCENT, "AKIDtest", action, "key-1", requestId, "127.0.0.1",
                AuditOutcome.ALLOWED, null);
    }

    void execute(String sql) throws SQLException {
        try (Connection db = dataSource.getConnection(); Statement statement = db.createStatement()) {
            statement.execute(sql);
        }
    }

    long count(String sql) throws SQLException {
        try (Connection db = dataSource.getConnection(); Statement statement = db.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    List<Long> segmentIds(long tenant) throws SQLException {
        return table.segments(tenant).stream().map(s -> s.segment().id()).toList();
    }

    @Override
    public void close() throws SQLException {
        execute("SHUTDOWN");
    }

    static byte[] key(int fill) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) fill);
        return key;
    }
}
