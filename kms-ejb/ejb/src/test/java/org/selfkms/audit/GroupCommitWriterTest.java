package org.selfkms.audit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.selfkms.api.audit.AuditCheckpoint;
import org.selfkms.api.audit.AuditEvent;
import org.selfkms.api.audit.AuditPage;
import org.selfkms.api.audit.AuditPosition;
import org.selfkms.api.audit.AuditQuery;
import org.selfkms.api.audit.AuditRecord;
import org.selfkms.api.audit.ChainVerification;
import org.selfkms.api.error.KmsErrorCode;
import org.selfkms.api.error.KmsException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The audit writer and verification against a real database (H2 in memory with the server's migrations, the same
 * SQL the server runs): concurrency, several writers (nodes) on one database, restarts, the journal, failures, and
 * what someone with write access to the database can do and what verification then reports.
 */
class GroupCommitWriterTest {

    private AuditDatabase database;
    private AuditDatabase.Writer writer;

    @BeforeEach
    void database() throws Exception {
        database = new AuditDatabase();
        writer = database.writer("node-a", null);
    }

    @AfterEach
    void stop() throws Exception {
        writer.stop();
        database.close();
    }

    @Test
    void concurrentRequestsFormOneIntactSegmentPerTenant() throws Exception {
        recordConcurrently(400, i -> writer);
        ChainVerification tenant = writer.verify(1);
        ChainVerification platform = writer.verify(AuditEvent.PLATFORM_TENANT);
        assertTrue(tenant.intact(), tenant.problem());
        assertTrue(platform.intact(), platform.problem());
        assertEquals(400, tenant.recordsChecked() + platform.recordsChecked(), "every request has exactly one record");
        assertEquals(1, tenant.segmentsChecked());
        assertEquals(1, tenant.checkpointsChecked(), "the registration of the segment");
    }

    @Test
    void twoWritersOnOneDatabaseKeepTheirOwnSegmentsOfOneTenant() throws Exception {
        AuditDatabase.Writer other = database.writer("node-b", null);
        recordConcurrently(400, i -> i % 2 == 0 ? writer : other);
        other.stop();
        writer.stop();
        ChainVerification tenant = database.verify(1);
        ChainVerification platform = database.verify(AuditEvent.PLATFORM_TENANT);
        assertTrue(tenant.intact(), tenant.problem());
        assertTrue(platform.intact(), platform.problem());
        assertEquals(320, tenant.recordsChecked());
        assertEquals(80, platform.recordsChecked());
        assertEquals(2, tenant.segmentsChecked(), "one segment per writer");
        assertEquals(4, tenant.checkpointsChecked(), "two registrations, and each writer's checkpoint when it stopped");
        writer = database.writer("node-a", null);
    }

    @Test
    void aWriterNeverWaitsForAnotherWritersCommit() throws Exception {
        AuditDatabase.Writer other = database.writer("node-b", null);
        writer.record(1, "Encrypt", "a-1");
        other.record(1, "Encrypt", "b-1");
        long segmentOfA = database.table.segments(1).stream().filter(s -> s.writer().equals("node-a")).findFirst()
                .orElseThrow().segment().id();
        // Another transaction holds the row writer A moves with every commit, as a stuck commit of A would.
        try (Connection blocker = database.dataSource.getConnection()) {
            blocker.setAutoCommit(false);
            try (PreparedStatement lock = blocker.prepareStatement("SELECT * FROM kms_audit_segment WHERE segment_id = ? FOR UPDATE")) {
                lock.setLong(1, segmentOfA);
                lock.executeQuery().close();
            }
            ExecutorService a = Executors.newSingleThreadExecutor();
            Future<?> blockedA = a.submit(() -> writer.record(1, "Encrypt", "a-2"));
            Thread.sleep(300);
            assertFalse(blockedA.isDone(), "writer A waits for the row");
            long start = System.nanoTime();
            for (int i = 0; i < 20; i++) {
                other.record(1, "Encrypt", "b-" + (i + 2));
            }
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertTrue(millis < 2000, "writer B, same tenant, went on without waiting (" + millis + " ms for 20 records)");
            blocker.rollback();
            blockedA.get(10, TimeUnit.SECONDS);
            a.shutdown();
        }
        other.stop();
        ChainVerification result = writer.verify(1);
        assertTrue(result.intact(), result.problem());
        assertEquals(23, result.recordsChecked());
    }

    @Test
    void recordIsInTheDatabaseWhenRecordReturns() throws Exception {
        writer.record(1, "Decrypt", "visible-at-once");
        AuditPage page = database.table.search(1, AuditQuery.newest(10), 10).stream().map(ChainedRecord::toRecord)
                .collect(java.util.stream.Collectors.collectingAndThen(java.util.stream.Collectors.toList(), l -> new AuditPage(l, null)));
        assertEquals(1, page.records().size());
        assertEquals("visible-at-once", page.records().get(0).requestId());
    }

    @Test
    void eachStartOpensNewSegmentsAndTheTrailStaysIntact() throws Exception {
        writer.record(1, "Encrypt", "before");
        writer.stop();
        writer = database.writer("node-a", null);
        writer.record(1, "Encrypt", "after");
        ChainVerification result = writer.verify(1);
        assertTrue(result.intact(), result.problem());
        assertEquals(2, result.recordsChecked());
        assertEquals(2, result.segmentsChecked());
    }

    @Test
    void tailCutOffWhileStoppedIsReported() throws Exception {
        for (int i = 0; i < 5; i++) {
            writer.record(1, "Encrypt", "r" + i);
        }
        writer.stop();
        database.execute("DELETE FROM kms_audit_record WHERE tenant_id = 1 AND sequence_no > 3");
        writer = database.writer("node-a", null);
        writer.record(1, "Encrypt", "after");
        ChainVerification result = database.verify(1);
        assertFalse(result.intact(), "a new segment must not paper over the removed records");
        assertTrue(result.problem().contains("record 4 to 5 are missing"), result.problem());
    }

    @Test
    void tailAndHeadRolledBackTogetherAreReportedByTheRunningWriterAndByTheNextCheckpoint() throws Exception {
        writer.record(1, "Encrypt", "r1");
        long segment = database.segmentIds(1).get(0);
        String oldHead = "SELECT last_sequence, last_hash, head_mac FROM kms_audit_segment WHERE segment_id = " + segment;
        long[] seq = new long[1];
        String[] hash = new String[2];
        try (Connection db = database.dataSource.getConnection(); var rows = db.createStatement().executeQuery(oldHead)) {
            rows.next();
            seq[0] = rows.getLong(1);
            hash[0] = rows.getString(2);
            hash[1] = rows.getString(3);
        }
        writer.record(1, "Encrypt", "r2");
        writer.record(1, "Encrypt", "r3");
        // someone with write access puts back the sealed head row they copied, and removes the records after it
        database.execute("DELETE FROM kms_audit_record WHERE segment_id = " + segment + " AND sequence_no > 1");
        database.execute("UPDATE kms_audit_segment SET last_sequence = " + seq[0] + ", last_hash = '" + hash[0]
                + "', head_mac = '" + hash[1] + "' WHERE segment_id = " + segment);
        ChainVerification byWriter = writer.verify(1);
        assertFalse(byWriter.intact(), "this server's writer knows it stored record 3");
        assertTrue(database.verify(1).intact(), "a consistent rollback without checkpoint or writer memory is not detectable");
        writer.stop(); // its checkpoint attests what it believes it stored: record 3
        ChainVerification afterCheckpoint = database.verify(1);
        assertFalse(afterCheckpoint.intact(), "the checkpoint attests record 3");
        writer = database.writer("node-a", null);
    }

    @Test
    void aWholeSegmentDeletedIsReported() throws Exception {
        writer.record(1, "Encrypt", "r1");
        writer.stop();
        long segment = database.segmentIds(1).get(0);
        writer = database.writer("node-b", null);
        writer.record(1, "Encrypt", "r2");
        database.execute("DELETE FROM kms_audit_record WHERE segment_id = " + segment);
        database.execute("DELETE FROM kms_audit_segment WHERE segment_id = " + segment);
        ChainVerification result = database.verify(1);
        assertFalse(result.intact());
        assertTrue(result.problem().contains("segment " + segment + ", registered by checkpoint 1, is missing"), result.problem());
    }

    @Test
    void aForgedSegmentIsReported() throws Exception {
        writer.record(1, "Encrypt", "real");
        database.execute("INSERT INTO kms_audit_segment (segment_id, tenant_id, writer, opened_at, format, last_sequence, "
                + "last_hash, head_mac) VALUES (42, 1, 'forger', 0, 2, 1, '" + "ab".repeat(32) + "', '" + "cd".repeat(32) + "')");
        database.execute("INSERT INTO kms_audit_record (" + AuditTable.RECORD_COLUMNS + ") VALUES (42, 1, 1, 0, 'tencent', "
                + "'AKIDforged', 'Decrypt', 'key-1', 'forged', '127.0.0.1', 'ALLOWED', NULL, 1, NULL, '" + "ab".repeat(32) + "')");
        ChainVerification result = writer.verify(1);
        assertFalse(result.intact());
        assertTrue(result.problem().contains("segment 42 is not registered"), result.problem());
        database.execute("DELETE FROM kms_audit_segment WHERE segment_id = 42");
        ChainVerification withoutRow = writer.verify(1);
        assertFalse(withoutRow.intact());
        assertTrue(withoutRow.problem().contains("records of segment 42 exist"), withoutRow.problem());
    }

    @Test
    void modifiedDeletedAndInsertedRecordsAreReportedWhereTheyAre() throws Exception {
        for (int i = 0; i < 6; i++) {
            writer.record(1, "Encrypt", "r" + i);
        }
        long segment = database.segmentIds(1).get(0);
        database.execute("UPDATE kms_audit_record SET action = 'DisableKey' WHERE segment_id = " + segment + " AND sequence_no = 3");
        assertTrue(writer.verify(1).problem().contains("record 3 was altered"), writer.verify(1).problem());
        database.execute("UPDATE kms_audit_record SET action = 'Encrypt' WHERE segment_id = " + segment + " AND sequence_no = 3");
        assertTrue(writer.verify(1).intact());
        database.execute("DELETE FROM kms_audit_record WHERE segment_id = " + segment + " AND sequence_no = 4");
        assertTrue(writer.verify(1).problem().contains("record 4 is missing"), writer.verify(1).problem());
    }

    @Test
    void aFailedWriteFailsItsRequestsAndTheWriterGoesOnInANewSegment() throws Exception {
        writer.record(1, "Encrypt", "first");
        database.execute("ALTER TABLE kms_audit_record RENAME TO kms_audit_record_away");
        KmsException refused = assertThrows(KmsException.class, () -> writer.record(1, "Encrypt", "lost"));
        assertEquals(KmsErrorCode.INTERNAL, refused.code());
        database.execute("ALTER TABLE kms_audit_record_away RENAME TO kms_audit_record");
        writer.record(1, "Encrypt", "again");
        ChainVerification result = writer.verify(1);
        assertTrue(result.intact(), result.problem());
        assertEquals(2, result.recordsChecked(), "the failed request left no record");
        assertEquals(2, result.segmentsChecked(), "the writer did not continue a chain whose end it did not know");
    }

    @Test
    void stoppedWriterRefusesInsteadOfDropping() throws Exception {
        writer.stop();
        KmsException refused = assertThrows(KmsException.class, () -> writer.record(1, "Encrypt", "late"));
        assertEquals(KmsErrorCode.INTERNAL, refused.code());
        writer = database.writer("node-a", null);
    }

    @Test
    void aRecordNotStoredInTimeFailsItsRequestAndAFullQueueRefuses() throws Exception {
        AuditAppender appender = new AuditAppender(database.dataSource, database.keyring.chain());
        Checkpoints checkpoints = new Checkpoints(database.dataSource, database.keyring.signer(), "stuck", Clock.systemUTC());
        // A sink that never returns: the one queue slot fills, the wait times out, the next offer is refused.
        java.util.concurrent.CountDownLatch never = new java.util.concurrent.CountDownLatch(1);
        RecordSink stuckSink = new RecordSink() {
            @Override
            public void store(List<ChainedRecord> records, java.util.Collection<SegmentHead> heads) throws Exception {
                never.await();
            }

            @Override
            public boolean flushed(Duration timeout) {
                return false;
            }

            @Override
            public java.util.Map<Long, SegmentHead> committedHeads() {
                return java.util.Map.of();
            }

            @Override
            public void close() {
                never.countDown();
            }
        };
        GroupCommitWriter stuck = new GroupCommitWriter(appender, stuckSink, database.keyring.chain(), checkpoints,
                Clock.systemUTC(), 1, 10, Duration.ofMillis(300));
        ExecutorService leaderThread = Executors.newSingleThreadExecutor();
        Future<?> leader = leaderThread.submit(() -> stuck.record(AuditDatabase.event(1, "Encrypt", "stuck-leader")));
        Thread.sleep(100);
        assertThrows(KmsException.class, () -> stuck.record(AuditDatabase.event(1, "Encrypt", "times-out")),
                "queued behind a leader that never finishes");
        Thread.sleep(100);
        KmsException full = assertThrows(KmsException.class, () -> stuck.record(AuditDatabase.event(1, "Encrypt", "queue-full")));
        assertEquals(KmsErrorCode.INTERNAL, full.code());
        never.countDown();
        leader.get(5, TimeUnit.SECONDS);
        leaderThread.shutdown();
        assertEquals(0, database.count("SELECT COUNT(*) FROM kms_audit_record"));
    }

    @Test
    void manyRequestsShareBatchesAndEveryOneIsWrittenOnce() throws Exception {
        List<Integer> batchSizes = java.util.Collections.synchronizedList(new ArrayList<>());
        AuditAppender appender = new AuditAppender(database.dataSource, database.keyring.chain());
        DatabaseSink real = new DatabaseSink(appender);
        RecordSink counting = new RecordSink() {
            @Override
            public void store(List<ChainedRecord> records, java.util.Collection<SegmentHead> heads) throws Exception {
                batchSizes.add(records.size());
                Thread.sleep(2); // a commit that takes a while: requests arriving meanwhile must share the next batch
                real.store(records, heads);
            }

            @Override
            public boolean flushed(Duration timeout) {
                return true;
            }

            @Override
            public java.util.Map<Long, SegmentHead> committedHeads() {
                return real.committedHeads();
            }

            @Override
            public void close() {
                real.close();
            }
        };
        Checkpoints checkpoints = new Checkpoints(database.dataSource, database.keyring.signer(), "batching", Clock.systemUTC());
        GroupCommitWriter batching = new GroupCommitWriter(appender, counting, database.keyring.chain(), checkpoints,
                Clock.systemUTC(), 1000, 100, Duration.ofSeconds(5));
        ExecutorService requests = Executors.newFixedThreadPool(16);
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            int n = i;
            done.add(requests.submit(() -> batching.record(AuditDatabase.event(1, "Encrypt", "b" + n))));
        }
        for (Future<?> f : done) {
            f.get();
        }
        requests.shutdown();
        batching.stop();
        assertEquals(400, batchSizes.stream().mapToInt(Integer::intValue).sum());
        assertTrue(batchSizes.size() < 200, "requests shared commits: " + batchSizes.size() + " batches for 400 records");
        assertEquals(400, database.count("SELECT COUNT(*) FROM kms_audit_record"));
        assertTrue(database.verify(1).intact());
    }

    @Test
    void searchesPageNewestFirstAcrossSegmentsWithoutSkippingOrRepeating() throws Exception {
        AuditDatabase.Writer other = database.writer("node-b", null);
        recordConcurrently(300, i -> i % 3 == 0 ? other : writer);
        other.stop();
        Set<String> seen = new HashSet<>();
        AuditPosition before = null;
        AuditPosition last = null;
        do {
            List<ChainedRecord> rows = database.table.search(1, new AuditQuery(null, null, null, null, null, null, before, 7, false), 8);
            List<ChainedRecord> page = rows.size() > 7 ? rows.subList(0, 7) : rows;
            for (ChainedRecord row : page) {
                AuditRecord record = row.toRecord();
                assertTrue(seen.add(record.requestId()), "no record twice");
                if (last != null) {
                    assertTrue(compare(record.position(), last) < 0, "newest first");
                }
                last = record.position();
            }
            before = rows.size() > 7 ? page.get(page.size() - 1).toRecord().position() : null;
        } while (before != null);
        assertEquals(240, seen.size(), "tenant 1 holds 4 of every 5 records, every one found once");
    }

    @Test
    void journalledRecordsSurviveAKilledServerAndReachTheDatabaseAtTheNextStart(@TempDir Path journal) throws Exception {
        writer.stop();
        // a long interval: nothing reaches the database by itself before the "kill"
        AuditDatabase.Writer journalled = database.new Writer("node-j", journal, Duration.ofHours(1));
        for (int i = 0; i < 50; i++) {
            journalled.record(1, "Encrypt", "j" + i);
        }
        assertEquals(0, database.count("SELECT COUNT(*) FROM kms_audit_record"), "only in the journal so far");
        // killed: no stop, no flush; a torn frame at the end, as a crash in the middle of a write leaves it
        Path file = Files.list(journal).findFirst().orElseThrow();
        Files.write(file, new byte[] {0, 0, 1, 0, 7, 7}, java.nio.file.StandardOpenOption.APPEND);
        writer = database.writer("node-j", journal);
        assertEquals(50, database.count("SELECT COUNT(*) FROM kms_audit_record"), "recovered from the journal");
        assertEquals(0, Files.list(journal).filter(f -> f.toString().endsWith(".log") && f.toFile().length() > 0).count(),
                "replayed files are deleted");
        writer.record(1, "Encrypt", "after");
        ChainVerification result = writer.verify(1);
        assertTrue(result.intact(), result.problem());
        assertEquals(51, result.recordsChecked());
    }

    @Test
    void journalledWriterHandsRecordsToTheDatabaseWhenAskedAndVerifies(@TempDir Path journal) throws Exception {
        writer.stop();
        writer = database.new Writer("node-j", journal, Duration.ofHours(1));
        recordConcurrently(200, i -> writer);
        assertTrue(writer.writer.flushed(Duration.ofSeconds(10)));
        assertEquals(200, database.count("SELECT COUNT(*) FROM kms_audit_record"));
        ChainVerification result = writer.verify(1);
        assertTrue(result.intact(), result.problem());
    }

    @Test
    void journalledRecordsReachTheDatabaseInOrderWhileReadersFlushConcurrently(@TempDir Path journal) throws Exception {
        writer.stop();
        writer = database.new Writer("node-j", journal, Duration.ofMillis(5));
        ExecutorService readers = Executors.newSingleThreadExecutor();
        Future<?> flushing = readers.submit(() -> {
            for (int i = 0; i < 200; i++) {
                writer.writer.flushed(Duration.ofSeconds(5));
                Thread.onSpinWait();
            }
            return null;
        });
        for (int round = 0; round < 5; round++) {
            recordConcurrently(100, i -> writer);
            ChainVerification result = writer.verify(1);
            assertTrue(result.intact(), result.problem());
        }
        flushing.get();
        readers.shutdown();
        assertEquals(500, database.count("SELECT COUNT(*) FROM kms_audit_record"));
    }

    @Test
    void anExportedCheckpointRevealsADatabaseRolledBackToAnOlderCopy() throws Exception {
        writer.record(1, "Encrypt", "r1");
        writer.stop();
        List<Long> before = database.segmentIds(1);
        writer = database.writer("node-a", null);
        writer.record(1, "Encrypt", "r2");
        writer.stop();
        AuditTable.StoredCheckpoint latest = database.table.latestCheckpoint(1).orElseThrow();
        AuditCheckpoint exported = new AuditCheckpoint(latest.statement(), latest.signature());
        assertTrue(database.verify(1).intact());
        // "restore the copy from before the second start": its segment, records and checkpoints vanish
        long second = database.segmentIds(1).stream().filter(id -> !before.contains(id)).findFirst().orElseThrow();
        long registration = database.count("SELECT MIN(checkpoint_no) FROM kms_audit_checkpoint WHERE tenant_id = 1 "
                + "AND statement LIKE '%\"segment\":\"" + second + "\"%'");
        database.execute("DELETE FROM kms_audit_record WHERE segment_id = " + second);
        database.execute("DELETE FROM kms_audit_segment WHERE segment_id = " + second);
        database.execute("DELETE FROM kms_audit_checkpoint WHERE tenant_id = 1 AND checkpoint_no >= " + registration);
        assertTrue(database.verify(1).intact(), "an older copy is a valid trail by itself");
        ChainVerification anchored = new TrailVerifier(database.table, database.keyring.chain(), database.keyring.signer(), 1)
                .verify(java.util.Map.of(), java.util.Map.of(), 0, exported);
        assertFalse(anchored.intact());
        assertTrue(anchored.problem().contains("rolled back"), anchored.problem());
        writer = database.writer("node-a", null);
    }

    @Test
    void aCheckpointOfAnotherInstallationOrAlteredIsRefusedAsAnchor() throws Exception {
        writer.record(1, "Encrypt", "r1");
        AuditTable.StoredCheckpoint latest = database.table.latestCheckpoint(1).orElseThrow();
        CheckpointSigner foreign = new CheckpointSigner(AuditDatabase.key(9), 1);
        AuditCheckpoint forged = new AuditCheckpoint(latest.statement(), foreign.sign(latest.statement()));
        ChainVerification result = writer.verify(1, forged);
        assertFalse(result.intact());
        assertTrue(result.problem().contains("not one this installation signed"), result.problem());
        assertNotEquals(foreign.publicKeyPem(), database.keyring.signer().publicKeyPem());
    }

    private static int compare(AuditPosition a, AuditPosition b) {
        int byTime = Long.compare(a.time(), b.time());
        if (byTime != 0) {
            return byTime;
        }
        int bySegment = Long.compare(a.segment(), b.segment());
        return bySegment != 0 ? bySegment : Long.compare(a.sequence(), b.sequence());
    }

    private void recordConcurrently(int count, java.util.function.IntFunction<AuditDatabase.Writer> writerOf) throws Exception {
        ExecutorService requests = Executors.newFixedThreadPool(8);
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long tenant = i % 5 == 0 ? AuditEvent.PLATFORM_TENANT : 1;
            AuditDatabase.Writer node = writerOf.apply(i);
            int n = i;
            done.add(requests.submit(() -> node.record(tenant, "Encrypt", "request-" + n)));
        }
        for (Future<?> f : done) {
            f.get();
        }
        requests.shutdown();
    }
}
