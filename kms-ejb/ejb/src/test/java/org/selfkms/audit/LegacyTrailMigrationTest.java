package org.selfkms.audit;

import org.junit.jupiter.api.Test;
import org.selfkms.api.audit.AuditEvent;
import org.selfkms.api.audit.AuditOutcome;
import org.selfkms.api.audit.ChainVerification;

import java.sql.Connection;
import java.sql.PreparedStatement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An installation from before segments: its per-tenant chains (format 1, as written then) migrate into segments,
 * are registered at the next start, keep verifying, and new records go into new segments beside them.
 */
class LegacyTrailMigrationTest {

    @Test
    void chainsFromBeforeSegmentsMigrateAndKeepVerifying() throws Exception {
        try (AuditDatabase database = new AuditDatabase(10)) {
            writeLegacyChain(database, 1, 30);
            writeLegacyChain(database, AuditEvent.PLATFORM_TENANT, 5);
            database.migrate(10, Integer.MAX_VALUE);
            AuditDatabase.Writer writer = database.writer("node-a", null);
            writer.record(1, "Encrypt", "after-upgrade");
            ChainVerification result = writer.verify(1);
            assertTrue(result.intact(), result.problem());
            assertEquals(31, result.recordsChecked());
            assertEquals(2, result.segmentsChecked());
            assertTrue(writer.verify(AuditEvent.PLATFORM_TENANT).intact());
            writer.stop();
            writer = database.writer("node-a", null);
            assertEquals(1, database.count("SELECT COUNT(*) FROM kms_audit_checkpoint WHERE tenant_id = 0"),
                    "registered once, not at every start");
            database.execute("UPDATE kms_audit_record SET principal = 'someone' WHERE segment_id = " + Segment.legacyId(1)
                    + " AND sequence_no = 12");
            ChainVerification tampered = writer.verify(1);
            assertFalse(tampered.intact());
            assertTrue(tampered.problem().contains("segment -2, record 12 was altered"), tampered.problem());
            writer.stop();
        }
    }

    /** Records and head row exactly as the writer before segments stored them (V4 schema, format 1). */
    private static void writeLegacyChain(AuditDatabase database, long tenant, int count) throws Exception {
        AuditChain chain = database.keyring.chain();
        String previous = SegmentHead.GENESIS;
        try (Connection db = database.dataSource.getConnection();
             PreparedStatement insert = db.prepareStatement("INSERT INTO kms_audit_record (tenant_id, sequence_no, recorded_at, "
                     + "door, principal, action, key_id, request_id, source_address, outcome, error_code, key_version, "
                     + "previous_hash, record_hash) VALUES (?, ?, ?, 'tencent', 'AKIDold', 'Encrypt', 'key-1', ?, '127.0.0.1', "
                     + "'ALLOWED', NULL, 1, ?, ?)")) {
            for (int i = 1; i <= count; i++) {
                ChainedRecord r = new ChainedRecord(Segment.legacyId(tenant), tenant, i, 1_600_000_000_000L + i, "tencent",
                        "AKIDold", "Encrypt", "key-1", "old-" + i, "127.0.0.1", AuditOutcome.ALLOWED.name(), null, 1, previous, null);
                String hash = chain.recordHash(Segment.FORMAT_TENANT_CHAIN, r);
                insert.setLong(1, tenant);
                insert.setLong(2, i);
                insert.setLong(3, r.time());
                insert.setString(4, r.requestId());
                insert.setString(5, previous);
                insert.setString(6, hash);
                insert.executeUpdate();
                previous = hash;
            }
            SegmentHead head = new SegmentHead(Segment.legacyId(tenant), tenant, count, previous);
            try (PreparedStatement headRow = db.prepareStatement(
                    "INSERT INTO kms_audit_head (tenant_id, last_sequence, last_hash, head_mac) VALUES (?, ?, ?, ?)")) {
                headRow.setLong(1, tenant);
                headRow.setLong(2, count);
                headRow.setString(3, previous);
                headRow.setString(4, chain.headMac(Segment.FORMAT_TENANT_CHAIN, head));
                headRow.executeUpdate();
            }
        }
    }
}
