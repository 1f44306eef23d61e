package org.selfkms.audit;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.selfkms.api.audit.AuditEvent;
import org.selfkms.api.audit.AuditOutcome;
import org.selfkms.api.audit.ChainVerification;
import org.selfkms.api.error.KmsErrorCode;
import org.selfkms.api.error.KmsException;
import org.selfkms.schema.SchemaMigrator;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The group-commit writer against a real database: H2 in memory with the V4 migration, the same SQL the server
 * runs. Covers concurrency (one chain however many requests at once), restarts, and failing instead of
 * dropping records when the database cannot take them.
 */
class GroupCommitWriterTest {

    private final AuditChain chain = new AuditChain(key(), 1);
    private JdbcDataSource database;
    private AuditTable table;
    private GroupCommitWriter writer;

    @BeforeEach
    void database() throws Exception {
        database = new JdbcDataSource();
        database.setURL("jdbc:h2:mem:audit-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        for (String sql : SchemaMigrator.scriptStatements("V4__audit_trail.sql")) {
            execute(sql);
        }
        table = new AuditTable(database);
        writer = started();
    }

    @AfterEach
    void stop() throws Exception {
        writer.stop();
        execute("SHUTDOWN");
    }

    @Test
    void concurrentRequestsFormOneUnbrokenChainPerTenant() throws Exception {
        ExecutorService requests = Executors.newFixedThreadPool(8);
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            long tenant = i % 3 == 0 ? AuditEvent.PLATFORM_TENANT : 1;
            int n = i;
            done.add(requests.submit(() -> writer.record(event(tenant, "Encrypt", "request-" + n))));
        }
        for (Future<?> f : done) {
            f.get();
        }
        requests.shutdown();
        ChainVerification tenant = verify(1);
        ChainVerification platform = verify(AuditEvent.PLATFORM_TENANT);
        assertTrue(tenant.intact(), tenant.problem());
        assertTrue(platform.intact(), platform.problem());
        assertEquals(400, tenant.recordsChecked() + platform.recordsChecked(), "every request has exactly one record");
        assertEquals(tenant.recordsChecked(), writer.committedHead(1).sequence());
    }

    @Test
    void twoWritersOnOneDatabaseShareOneChainPerTenant() throws Exception {
        // two nodes of a cluster: each its own writer (and memory), one database
        GroupCommitWriter other = started();
        ExecutorService requests = Executors.newFixedThreadPool(8);
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            GroupCommitWriter node = i % 2 == 0 ? writer : other;
            long tenant = i % 5 == 0 ? AuditEvent.PLATFORM_TENANT : 1;
            int n = i;
            done.add(requests.submit(() -> node.record(event(tenant, "Encrypt", "request-" + n))));
        }
        for (Future<?> f : done) {
            f.get();
        }
        requests.shutdown();
        other.stop();
        ChainVerification tenant = verify(1);
        ChainVerification platform = verify(AuditEvent.PLATFORM_TENANT);
        assertTrue(tenant.intact(), tenant.problem());
        assertTrue(platform.intact(), platform.problem());
        assertEquals(320, tenant.recordsChecked());
        assertEquals(80, platform.recordsChecked());
    }

    @Test
    void recordIsCommittedWhenRecordReturns() throws Exception {
        writer.record(event(1, "Decrypt", "visible-at-once"));
        List<ChainedRecord> stored = table.chainAfter(1, 0, 10);
        assertEquals(1, stored.size());
        assertEquals("visible-at-once", stored.get(0).requestId());
        assertEquals("Decrypt", stored.get(0).action());
    }

    @Test
    void restartedWriterContinuesTheChain() throws Exception {
        writer.record(event(1, "Encrypt", "before"));
        writer.stop();
        writer = started();
        writer.record(event(1, "Encrypt", "after"));
        ChainVerification result = verify(1);
        assertTrue(result.intact(), result.problem());
        assertEquals(2, result.recordsChecked());
    }

    @Test
    void tailCutOffWhileStoppedStaysVisibleAfterRestart() throws Exception {
        for (int i = 0; i < 5; i++) {
            writer.record(event(1, "Encrypt", "r" + i));
        }
        writer.stop();
        execute("DELETE FROM kms_audit_record WHERE tenant_id = 1 AND sequence_no > 3");
        writer = started();
        writer.record(event(1, "Encrypt", "after"));
        ChainVerification result = verify(1);
        assertFalse(result.intact(), "the new record must not paper over the removed ones");
        assertEquals(4L, result.firstBrokenSequence());
    }

    @Test
    void aRecordInsertedBeyondTheHeadDoesNotDivertTheChain() throws Exception {
        writer.record(event(1, "Encrypt", "before"));
        ChainedRecord last = table.chainAfter(1, 0, 10).get(0);
        execute("INSERT INTO kms_audit_record (tenant_id, sequence_no, recorded_at, door, principal, action, key_id, request_id, "
                + "source_address, outcome, error_code, key_version, previous_hash, record_hash) VALUES (1, 100, 0, 'tencent', "
                + "'AKIDforged', 'Decrypt', 'key-1', 'forged', '127.0.0.1', 'ALLOWED', NULL, 1, '" + last.recordHash() + "', '"
                + "ab".repeat(32) + "')");
        writer.record(event(1, "Encrypt", "after"));
        assertFalse(verify(1).intact(), "the forged record is reported");
        execute("DELETE FROM kms_audit_record WHERE tenant_id = 1 AND sequence_no = 100");
        ChainVerification result = verify(1);
        assertTrue(result.intact(), result.problem());
        assertEquals(2, result.recordsChecked(), "the chain went on after the sealed head, not after the forgery");
    }

    @Test
    void failedWriteFailsTheRequestAndTheWriterRecovers() throws Exception {
        writer.record(event(1, "Encrypt", "first"));
        execute("ALTER TABLE kms_audit_record RENAME TO kms_audit_record_away");
        KmsException refused = assertThrows(KmsException.class, () -> writer.record(event(1, "Encrypt", "lost")));
        assertEquals(KmsErrorCode.INTERNAL, refused.code());
        execute("ALTER TABLE kms_audit_record_away RENAME TO kms_audit_record");
        writer.record(event(1, "Encrypt", "again"));
        ChainVerification result = verify(1);
        assertTrue(result.intact(), result.problem());
        assertEquals(2, result.recordsChecked(), "the failed request left no record");
    }

    @Test
    void stoppedWriterRefusesInsteadOfDropping() throws Exception {
        writer.stop();
        KmsException refused = assertThrows(KmsException.class, () -> writer.record(event(1, "Encrypt", "late")));
        assertEquals(KmsErrorCode.INTERNAL, refused.code());
    }

    @Test
    void fullQueueRefusesInsteadOfWaitingWithoutEnd() throws Exception {
        writer.stop();
        // A writer whose thread never runs: the one queue slot fills, the wait times out, the next offer is refused.
        writer = new GroupCommitWriter(table, chain, Clock.systemUTC(), 1, 10, Duration.ofMillis(200));
        writer.start(runnable -> new Thread(() -> { }));
        assertThrows(KmsException.class, () -> writer.record(event(1, "Encrypt", "times-out")));
        KmsException full = assertThrows(KmsException.class, () -> writer.record(event(1, "Encrypt", "queue-full")));
        assertEquals(KmsErrorCode.INTERNAL, full.code());
        assertTrue(table.chainAfter(1, 0, 10).isEmpty());
    }

    private GroupCommitWriter started() throws SQLException {
        GroupCommitWriter started = new GroupCommitWriter(table, chain, Clock.systemUTC(), 1000, 100, Duration.ofSeconds(5));
        started.start(Thread::new);
        return started;
    }

    private ChainVerification verify(long tenant) throws SQLException {
        ChainVerifier verifier = new ChainVerifier(chain, tenant);
        for (ChainedRecord record : table.chainAfter(tenant, 0, 100_000)) {
            if (!verifier.accept(record)) {
                break;
            }
        }
        AuditTable.StoredHead head = table.head(tenant);
        return verifier.finish(head.head(), head.mac(), null);
    }

    private static AuditEvent event(long tenant, String action, String requestId) {
        return new AuditEvent(tenant, AuditEvent.DOOR_TENCENT, "AKIDtest", action, "key-1", requestId, "127.0.0.1",
                AuditOutcome.ALLOWED, null);
    }

    private void execute(String sql) throws SQLException {
        try (Connection db = database.getConnection(); Statement statement = db.createStatement()) {
            statement.execute(sql);
        }
    }


    private static byte[] key() {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) 3);
        return key;
    }
}
