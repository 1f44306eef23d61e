package org.selfkms.audit;

import org.selfkms.api.audit.AuditEvent;
import org.selfkms.api.audit.AuditQuery;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.logging.Logger;

/**
 * The audit tables through plain JDBC. Plain JDBC, not JPA, because the writer inserts whole batches in one
 * statement batch and one commit, keeps no entities, and - since Hibernate does not see these statements -
 * Hibernate's statement counter keeps proving that the hot path reads nothing (HotPathIT).
 */
public final class AuditTable {

    private static final Logger LOG = Logger.getLogger(AuditTable.class.getName());
    /** SQLSTATE of a unique-constraint violation, in PostgreSQL and H2 alike. */
    private static final String UNIQUE_VIOLATION = "23505";
    private static final String COLUMNS = "tenant_id, sequence_no, recorded_at, door, principal, action, key_id, "
            + "request_id, source_address, outcome, error_code, key_version, previous_hash, record_hash";

    /** A head row as stored: the head and its seal. */
    public record StoredHead(ChainHead head, String mac) {
    }

    private final DataSource dataSource;

    public AuditTable(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** An event to append and the time it happened. */
    public record TimedEvent(AuditEvent event, long time) {
    }

    /**
     * Appends the events to their tenants' chains in one local transaction and returns the chains' new heads.
     *
     * <p>Each chain continues from its head as the database holds it, read with the head row locked (in tenant
     * order, so two writers never deadlock): a writer on another node appending to the same chain waits for this
     * commit and then continues after it. So any number of nodes share a tenant's chain without a fork, and a
     * writer needs to remember nothing between batches.
     */
    public Map<Long, ChainHead> append(List<TimedEvent> events, AuditChain chain) throws SQLException {
        SortedSet<Long> tenants = new TreeSet<>();
        events.forEach(e -> tenants.add(e.event().tenantId()));
        try (Connection db = dataSource.getConnection()) {
            for (long tenant : tenants) {
                ensureHeadRow(db, tenant, chain);
            }
            db.setAutoCommit(false);
            try {
                Map<Long, ChainHead> heads = new HashMap<>();
                for (long tenant : tenants) {
                    heads.put(tenant, lockHead(db, tenant, chain));
                }
                try (PreparedStatement insert = db.prepareStatement("INSERT INTO kms_audit_record (" + COLUMNS
                        + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    for (TimedEvent e : events) {
                        ChainedRecord record = chain.append(heads.get(e.event().tenantId()), e.event(), e.time());
                        heads.put(record.tenantId(), new ChainHead(record.tenantId(), record.sequence(), record.recordHash()));
                        bind(insert, record);
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
                for (ChainHead head : heads.values()) {
                    moveHead(db, head, chain.headMac(head));
                }
                db.commit();
                return heads;
            } catch (SQLException | RuntimeException e) {
                db.rollback();
                throw e;
            } finally {
                db.setAutoCommit(true);
            }
        }
    }

    /**
     * A chain's first batch needs a row to lock: a sealed empty head, inserted on its own (autocommit). Two
     * nodes racing to insert it is harmless: the loser's insert fails on the primary key and the row is there.
     */
    private static void ensureHeadRow(Connection db, long tenant, AuditChain chain) throws SQLException {
        try (PreparedStatement exists = db.prepareStatement("SELECT 1 FROM kms_audit_head WHERE tenant_id = ?")) {
            exists.setLong(1, tenant);
            try (ResultSet row = exists.executeQuery()) {
                if (row.next()) {
                    return;
                }
            }
        }
        ChainHead empty = ChainHead.empty(tenant);
        try (PreparedStatement insert = db.prepareStatement(
                "INSERT INTO kms_audit_head (tenant_id, last_sequence, last_hash, head_mac) VALUES (?, ?, ?, ?)")) {
            insert.setLong(1, tenant);
            insert.setLong(2, empty.sequence());
            insert.setString(3, empty.hash());
            insert.setString(4, chain.headMac(empty));
            insert.executeUpdate();
        } catch (SQLException e) {
            if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw e;
            }
        }
    }

    /** Locks the tenant's head row until the commit and answers where its chain continues. */
    private static ChainHead lockHead(Connection db, long tenant, AuditChain chain) throws SQLException {
        StoredHead stored = null;
        try (PreparedStatement select = db.prepareStatement(
                "SELECT last_sequence, last_hash, head_mac FROM kms_audit_head WHERE tenant_id = ? FOR UPDATE")) {
            select.setLong(1, tenant);
            try (ResultSet row = select.executeQuery()) {
                if (row.next()) {
                    stored = new StoredHead(new ChainHead(tenant, row.getLong(1), row.getString(2)), row.getString(3));
                }
            }
        }
        if (isSealed(stored, chain)) {
            return stored.head();
        }
        ChainHead newestRecord = null;
        try (PreparedStatement newest = db.prepareStatement(
                "SELECT sequence_no, record_hash FROM kms_audit_record WHERE tenant_id = ? ORDER BY sequence_no DESC")) {
            newest.setLong(1, tenant);
            newest.setMaxRows(1);
            try (ResultSet row = newest.executeQuery()) {
                if (row.next()) {
                    newestRecord = new ChainHead(tenant, row.getLong(1), row.getString(2));
                }
            }
        }
        return continuation(tenant, newestRecord, stored, chain);
    }

    /**
     * Where a chain continues: after its sealed head row - records beyond it were not written by the KMS (they and
     * the head row move in one transaction), and verification reports them as inserted; a head row ahead of the
     * newest record leaves the gap of a cut-off tail visible. Without a sealed head row (altered: logged, and
     * reported by verification; or missing) after the newest record.
     */
    static ChainHead continuation(long tenant, ChainHead newestRecord, StoredHead stored, AuditChain chain) {
        if (isSealed(stored, chain)) {
            return stored.head();
        }
        if (stored != null) {
            LOG.severe("The audit head row of tenant " + tenant + " was altered; the chain continues after its newest "
                    + "record, and verification reports the break");
        }
        return newestRecord == null ? ChainHead.empty(tenant) : newestRecord;
    }

    private static boolean isSealed(StoredHead stored, AuditChain chain) {
        return stored != null && chain.headMac(stored.head()).equals(stored.mac());
    }

    private static void moveHead(Connection db, ChainHead head, String mac) throws SQLException {
        try (PreparedStatement update = db.prepareStatement(
                "UPDATE kms_audit_head SET last_sequence = ?, last_hash = ?, head_mac = ? WHERE tenant_id = ?")) {
            update.setLong(1, head.sequence());
            update.setString(2, head.hash());
            update.setString(3, mac);
            update.setLong(4, head.tenantId());
            if (update.executeUpdate() == 1) {
                return;
            }
        }
        try (PreparedStatement insert = db.prepareStatement(
                "INSERT INTO kms_audit_head (tenant_id, last_sequence, last_hash, head_mac) VALUES (?, ?, ?, ?)")) {
            insert.setLong(1, head.tenantId());
            insert.setLong(2, head.sequence());
            insert.setString(3, head.hash());
            insert.setString(4, mac);
            insert.executeUpdate();
        }
    }

    /** Where each tenant's chain continues, as {@link #continuation} says, for every chain in the database. */
    public Map<Long, ChainHead> loadHeads(AuditChain chain) throws SQLException {
        Map<Long, ChainHead> newest = new HashMap<>();
        Map<Long, StoredHead> stored = new HashMap<>();
        try (Connection db = dataSource.getConnection()) {
            try (PreparedStatement select = db.prepareStatement("SELECT r.tenant_id, r.sequence_no, r.record_hash "
                    + "FROM kms_audit_record r WHERE r.sequence_no = "
                    + "(SELECT MAX(m.sequence_no) FROM kms_audit_record m WHERE m.tenant_id = r.tenant_id)");
                 ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    newest.put(rows.getLong(1), new ChainHead(rows.getLong(1), rows.getLong(2), rows.getString(3)));
                }
            }
            heads(db).forEach(h -> stored.put(h.head().tenantId(), h));
        }
        Map<Long, ChainHead> heads = new HashMap<>();
        Set<Long> tenants = new TreeSet<>(newest.keySet());
        tenants.addAll(stored.keySet());
        for (long tenant : tenants) {
            heads.put(tenant, continuation(tenant, newest.get(tenant), stored.get(tenant), chain));
        }
        return heads;
    }

    private static List<StoredHead> heads(Connection db) throws SQLException {
        List<StoredHead> heads = new ArrayList<>();
        try (PreparedStatement select = db.prepareStatement(
                "SELECT tenant_id, last_sequence, last_hash, head_mac FROM kms_audit_head");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                heads.add(new StoredHead(new ChainHead(rows.getLong(1), rows.getLong(2), rows.getString(3)), rows.getString(4)));
            }
        }
        return heads;
    }

    /** The stored head row of one tenant, or null. */
    public StoredHead head(long tenantId) throws SQLException {
        try (Connection db = dataSource.getConnection();
             PreparedStatement select = db.prepareStatement(
                     "SELECT last_sequence, last_hash, head_mac FROM kms_audit_head WHERE tenant_id = ?")) {
            select.setLong(1, tenantId);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? new StoredHead(new ChainHead(tenantId, rows.getLong(1), rows.getString(2)), rows.getString(3)) : null;
            }
        }
    }

    /** Up to {@code limit} records of a chain after {@code afterSequence}, in chain order. */
    public List<ChainedRecord> chainAfter(long tenantId, long afterSequence, int limit) throws SQLException {
        try (Connection db = dataSource.getConnection();
             PreparedStatement select = db.prepareStatement("SELECT " + COLUMNS
                     + " FROM kms_audit_record WHERE tenant_id = ? AND sequence_no > ? ORDER BY sequence_no")) {
            select.setLong(1, tenantId);
            select.setLong(2, afterSequence);
            select.setMaxRows(limit);
            return read(select);
        }
    }

    /** One page of a search, newest first; {@code limit} rows at most. */
    public List<ChainedRecord> search(long tenantId, AuditQuery query, int limit) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM kms_audit_record WHERE tenant_id = ?");
        List<Object> values = new ArrayList<>();
        values.add(tenantId);
        filter(sql, values, "sequence_no < ?", query.beforeSequence());
        filter(sql, values, "recorded_at >= ?", query.from());
        filter(sql, values, "recorded_at < ?", query.to());
        filter(sql, values, "key_id = ?", blankToNull(query.keyId()));
        filter(sql, values, "action = ?", blankToNull(query.action()));
        filter(sql, values, "principal = ?", blankToNull(query.principal()));
        filter(sql, values, "outcome = ?", query.outcome() == null ? null : query.outcome().name());
        sql.append(" ORDER BY sequence_no DESC");
        try (Connection db = dataSource.getConnection();
             PreparedStatement select = db.prepareStatement(sql.toString())) {
            for (int i = 0; i < values.size(); i++) {
                select.setObject(i + 1, values.get(i));
            }
            select.setMaxRows(limit);
            return read(select);
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

    private static List<ChainedRecord> read(PreparedStatement select) throws SQLException {
        List<ChainedRecord> records = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                records.add(new ChainedRecord(rows.getLong(1), rows.getLong(2), rows.getLong(3), rows.getString(4),
                        rows.getString(5), rows.getString(6), rows.getString(7), rows.getString(8), rows.getString(9),
                        rows.getString(10), rows.getString(11), rows.getInt(12), rows.getString(13), rows.getString(14)));
            }
        }
        return records;
    }

    private static void bind(PreparedStatement insert, ChainedRecord r) throws SQLException {
        insert.setLong(1, r.tenantId());
        insert.setLong(2, r.sequence());
        insert.setLong(3, r.time());
        insert.setString(4, r.door());
        insert.setString(5, r.principal());
        insert.setString(6, r.action());
        insert.setObject(7, r.keyId(), Types.VARCHAR);
        insert.setString(8, r.requestId());
        insert.setString(9, r.sourceAddress());
        insert.setString(10, r.outcome());
        insert.setObject(11, r.errorCode(), Types.VARCHAR);
        insert.setInt(12, r.keyVersion());
        insert.setString(13, r.previousHash());
        insert.setString(14, r.recordHash());
    }
}
