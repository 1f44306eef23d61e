package org.selfkms.audit;

import org.selfkms.api.audit.AuditPosition;
import org.selfkms.api.audit.AuditQuery;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The audit tables through plain JDBC (what the writer's {@link AuditAppender} and the trail's readers share).
 * Plain JDBC, not JPA, because the writer inserts whole batches in one statement batch and one commit, keeps no
 * entities, and - since Hibernate does not see these statements - Hibernate's statement counter keeps proving that
 * the hot path reads nothing (HotPathIT).
 */
public final class AuditTable {

    /** SQLSTATE of a unique-constraint violation, in PostgreSQL and H2 alike. */
    static final String UNIQUE_VIOLATION = "23505";
    static final String RECORD_COLUMNS = "segment_id, tenant_id, sequence_no, recorded_at, door, principal, action, key_id, "
            + "request_id, source_address, outcome, error_code, key_version, previous_hash, record_hash";
    static final String INSERT_RECORD = "INSERT INTO kms_audit_record (" + RECORD_COLUMNS
            + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    static final String MOVE_HEAD = "UPDATE kms_audit_segment SET last_sequence = ?, last_hash = ?, head_mac = ? "
            + "WHERE segment_id = ?";

    /** A segment row as stored: the segment, its head and the head's seal. */
    public record StoredSegment(Segment segment, String writer, long openedAt, SegmentHead head, String headMac) {
    }

    /** A checkpoint row as stored. */
    public record StoredCheckpoint(long tenantId, long number, String statement, String signature) {
    }

    private final DataSource dataSource;

    public AuditTable(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** A tenant's segments in id order. */
    public List<StoredSegment> segments(long tenantId) throws SQLException {
        try (Connection db = dataSource.getConnection();
             PreparedStatement select = db.prepareStatement("SELECT segment_id, tenant_id, format, writer, opened_at, "
                     + "last_sequence, last_hash, head_mac FROM kms_audit_segment WHERE tenant_id = ? ORDER BY segment_id")) {
            select.setLong(1, tenantId);
            List<StoredSegment> segments = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    segments.add(segment(rows));
                }
            }
            return segments;
        }
    }

    /** One segment's row, or empty. */
    public Optional<StoredSegment> segment(long segmentId) throws SQLException {
        try (Connection db = dataSource.getConnection()) {
            return segment(db, segmentId);
        }
    }

    /** One segment's row, by the connection given (a writer's own, in recovery). */
    static Optional<StoredSegment> segment(Connection db, long segmentId) throws SQLException {
        try (PreparedStatement select = db.prepareStatement("SELECT segment_id, tenant_id, format, writer, opened_at, "
                + "last_sequence, last_hash, head_mac FROM kms_audit_segment WHERE segment_id = ?")) {
            select.setLong(1, segmentId);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(segment(rows)) : Optional.empty();
            }
        }
    }

    private static StoredSegment segment(ResultSet rows) throws SQLException {
        Segment segment = new Segment(rows.getLong(1), rows.getLong(2), rows.getInt(3));
        return new StoredSegment(segment, rows.getString(4), rows.getLong(5),
                new SegmentHead(segment.id(), segment.tenantId(), rows.getLong(6), rows.getString(7)), rows.getString(8));
    }

    /** Up to {@code limit} records of a segment after {@code afterSequence}, in chain order. */
    public List<ChainedRecord> segmentAfter(long segmentId, long afterSequence, int limit) throws SQLException {
        try (Connection db = dataSource.getConnection();
             PreparedStatement select = db.prepareStatement("SELECT " + RECORD_COLUMNS
                     + " FROM kms_audit_record WHERE segment_id = ? AND sequence_no > ? ORDER BY sequence_no")) {
            select.setLong(1, segmentId);
            select.setLong(2, afterSequence);
            select.setMaxRows(limit);
            return read(select);
        }
    }

    /** Records of the tenant in segments it has no segment row for (inserted segments), at most {@code limit}. */
    public List<Long> segmentsWithoutRow(long tenantId, int limit) throws SQLException {
        try (Connection db = dataSource.getConnection();
             PreparedStatement select = db.prepareStatement("SELECT DISTINCT r.segment_id FROM kms_audit_record r "
                     + "WHERE r.tenant_id = ? AND NOT EXISTS (SELECT 1 FROM kms_audit_segment s WHERE s.segment_id = r.segment_id)")) {
            select.setLong(1, tenantId);
            select.setMaxRows(limit);
            List<Long> ids = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                }
            }
            return ids;
        }
    }

    /** Up to {@code limit} checkpoints of a tenant after {@code afterNumber}, in order. */
    public List<StoredCheckpoint> checkpointsAfter(long tenantId, long afterNumber, int limit) throws SQLException {
        try (Connection db = dataSource.getConnection();
             PreparedStatement select = db.prepareStatement("SELECT tenant_id, checkpoint_no, statement, signature "
                     + "FROM kms_audit_checkpoint WHERE tenant_id = ? AND checkpoint_no > ? ORDER BY checkpoint_no")) {
            select.setLong(1, tenantId);
            select.setLong(2, afterNumber);
            select.setMaxRows(limit);
            return checkpoints(select);
        }
    }

    public Optional<StoredCheckpoint> latestCheckpoint(long tenantId) throws SQLException {
        try (Connection db = dataSource.getConnection()) {
            return latestCheckpoint(db, tenantId);
        }
    }

    static Optional<StoredCheckpoint> latestCheckpoint(Connection db, long tenantId) throws SQLException {
        try (PreparedStatement select = db.prepareStatement("SELECT tenant_id, checkpoint_no, statement, signature "
                + "FROM kms_audit_checkpoint WHERE tenant_id = ? ORDER BY checkpoint_no DESC")) {
            select.setLong(1, tenantId);
            select.setMaxRows(1);
            List<StoredCheckpoint> rows = checkpoints(select);
            return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
        }
    }

    public Optional<StoredCheckpoint> checkpoint(long tenantId, long number) throws SQLException {
        try (Connection db = dataSource.getConnection();
             PreparedStatement select = db.prepareStatement("SELECT tenant_id, checkpoint_no, statement, signature "
                     + "FROM kms_audit_checkpoint WHERE tenant_id = ? AND checkpoint_no = ?")) {
            select.setLong(1, tenantId);
            select.setLong(2, number);
            List<StoredCheckpoint> rows = checkpoints(select);
            return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
        }
    }

    /**
     * Appends a checkpoint to its tenant's checkpoint chain in the connection's current transaction: numbered after
     * the newest one in the database and naming its digest. No lock: if another writer appended the same number
     * meanwhile, the insert fails on the primary key ({@link #UNIQUE_VIOLATION}) and the caller tries again.
     */
    static StoredCheckpoint appendCheckpoint(Connection db, long tenantId, long time, String writer,
                                             List<SegmentHead> heads, CheckpointSigner signer) throws SQLException {
        Optional<StoredCheckpoint> latest = latestCheckpoint(db, tenantId);
        Checkpoint checkpoint = new Checkpoint(tenantId, latest.map(c -> c.number() + 1).orElse(1L), time,
                latest.map(c -> Checkpoint.digest(c.statement())).orElse(Checkpoint.FIRST), writer, signer.keyVersion(), heads);
        String statement = checkpoint.statement();
        String signature = signer.sign(statement);
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO kms_audit_checkpoint (tenant_id, checkpoint_no, "
                + "created_at, statement, signature) VALUES (?, ?, ?, ?, ?)")) {
            insert.setLong(1, tenantId);
            insert.setLong(2, checkpoint.number());
            insert.setLong(3, time);
            insert.setString(4, statement);
            insert.setString(5, signature);
            insert.executeUpdate();
        }
        return new StoredCheckpoint(tenantId, checkpoint.number(), statement, signature);
    }

    private static List<StoredCheckpoint> checkpoints(PreparedStatement select) throws SQLException {
        List<StoredCheckpoint> checkpoints = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                checkpoints.add(new StoredCheckpoint(rows.getLong(1), rows.getLong(2), rows.getString(3), rows.getString(4)));
            }
        }
        return checkpoints;
    }

    /**
     * One page of a search, newest first by (time, segment, sequence); {@code limit} rows at most. Each filter has
     * an index that starts with (tenant, filter column) and continues in that order, so a page reads its rows in
     * order and stops (PostgreSQL and H2 alike); the outcome is filtered on the way.
     */
    public List<ChainedRecord> search(long tenantId, AuditQuery query, int limit) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT " + RECORD_COLUMNS + " FROM kms_audit_record WHERE tenant_id = ?");
        List<Object> values = new ArrayList<>();
        values.add(tenantId);
        filter(sql, values, "key_id = ?", blankToNull(query.keyId()));
        filter(sql, values, "principal = ?", blankToNull(query.principal()));
        filter(sql, values, "action = ?", blankToNull(query.action()));
        filter(sql, values, "recorded_at >= ?", query.from());
        filter(sql, values, "recorded_at < ?", query.to());
        filter(sql, values, "outcome = ?", query.outcome() == null ? null : query.outcome().name());
        AuditPosition before = query.before();
        if (before != null) {
            // (time, segment, sequence) < before, written so that the index range is on recorded_at alone
            sql.append(" AND recorded_at <= ? AND (recorded_at < ? OR segment_id < ? OR (segment_id = ? AND sequence_no < ?))");
            values.add(before.time());
            values.add(before.time());
            values.add(before.segment());
            values.add(before.segment());
            values.add(before.sequence());
        }
        sql.append(" ORDER BY recorded_at DESC, segment_id DESC, sequence_no DESC");
        try (Connection db = dataSource.getConnection();
             PreparedStatement select = db.prepareStatement(sql.toString())) {
            for (int i = 0; i < values.size(); i++) {
                select.setObject(i + 1, values.get(i));
            }
            select.setMaxRows(limit);
            return read(select);
        }
    }

    /** One recent request as the activity overview counts it. */
    public record ActivityRow(long time, String action, String keyId, boolean allowed) {
    }

    /** The tenant's records since {@code fromMillis}, newest first, at most {@code limit}: the time index's range only. */
    public List<ActivityRow> recent(long tenantId, long fromMillis, int limit) throws SQLException {
        try (Connection db = dataSource.getConnection();
             PreparedStatement select = db.prepareStatement("SELECT recorded_at, action, key_id, outcome FROM kms_audit_record"
                     + " WHERE tenant_id = ? AND recorded_at >= ? ORDER BY recorded_at DESC")) {
            select.setLong(1, tenantId);
            select.setLong(2, fromMillis);
            select.setMaxRows(limit);
            select.setFetchSize(1_000);
            List<ActivityRow> rows = new ArrayList<>();
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    rows.add(new ActivityRow(result.getLong(1), result.getString(2), result.getString(3),
                            "ALLOWED".equals(result.getString(4))));
                }
            }
            return rows;
        }
    }

    private static void filter(StringBuilder sql, List<Object> values, String condition, Object value) {
        if (value != null) {
            sql.append(" AND ").append(condition);
            values.add(value);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    static List<ChainedRecord> read(PreparedStatement select) throws SQLException {
        List<ChainedRecord> records = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                records.add(new ChainedRecord(rows.getLong(1), rows.getLong(2), rows.getLong(3), rows.getLong(4),
                        rows.getString(5), rows.getString(6), rows.getString(7), rows.getString(8), rows.getString(9),
                        rows.getString(10), rows.getString(11), rows.getString(12), rows.getInt(13), rows.getString(14),
                        rows.getString(15)));
            }
        }
        return records;
    }

    /** Binds a record for {@link #INSERT_RECORD}; format-2 rows leave previous_hash empty (it is the row before's hash). */
    static void bind(PreparedStatement insert, ChainedRecord r) throws SQLException {
        insert.setLong(1, r.segmentId());
        insert.setLong(2, r.tenantId());
        insert.setLong(3, r.sequence());
        insert.setLong(4, r.time());
        insert.setString(5, r.door());
        insert.setString(6, r.principal());
        insert.setString(7, r.action());
        insert.setObject(8, r.keyId(), Types.VARCHAR);
        insert.setString(9, r.requestId());
        insert.setString(10, r.sourceAddress());
        insert.setString(11, r.outcome());
        insert.setObject(12, r.errorCode(), Types.VARCHAR);
        insert.setInt(13, r.keyVersion());
        insert.setNull(14, Types.VARCHAR);
        insert.setString(15, r.recordHash());
    }
}
