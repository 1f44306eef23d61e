package org.selfkms.audit;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;

/**
 * One writer thread's way into the audit tables: a connection held between batches with its two statements
 * prepared once (insert a record, move a segment's head), so that a batch costs one statement batch, one head update
 * per segment and one commit - nothing prepared, nothing read. Confined to one thread. On any failure the connection
 * is given up (closed) and the next call takes a new one from the pool.
 */
final class AuditAppender implements AutoCloseable {

    private final DataSource dataSource;
    private final AuditChain chain;
    private Connection db;
    private PreparedStatement insertRecord;
    private PreparedStatement moveHead;

    AuditAppender(DataSource dataSource, AuditChain chain) {
        this.dataSource = dataSource;
        this.chain = chain;
    }

    /**
     * Stores a new, empty segment and the checkpoint that registers it, in one transaction, before the segment's
     * first record: a segment no checkpoint names is one verification reports as inserted.
     *
     * @throws SQLException with {@link AuditTable#UNIQUE_VIOLATION} if the id was taken or another writer appended
     *                      a checkpoint of the tenant meanwhile; the caller tries again (with a new id)
     */
    AuditTable.StoredCheckpoint openSegment(Segment segment, String writer, long time, CheckpointSigner signer) throws SQLException {
        Connection connection = connection();
        try {
            SegmentHead empty = SegmentHead.empty(segment.id(), segment.tenantId());
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO kms_audit_segment (segment_id, tenant_id, "
                    + "writer, opened_at, format, last_sequence, last_hash, head_mac) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setLong(1, segment.id());
                insert.setLong(2, segment.tenantId());
                insert.setString(3, writer);
                insert.setLong(4, time);
                insert.setInt(5, segment.format());
                insert.setLong(6, empty.sequence());
                insert.setString(7, empty.hash());
                insert.setString(8, chain.headMac(segment.format(), empty));
                insert.executeUpdate();
            }
            AuditTable.StoredCheckpoint registration = AuditTable.appendCheckpoint(connection, segment.tenantId(), time,
                    writer, List.of(empty), signer);
            connection.commit();
            return registration;
        } catch (SQLException | RuntimeException e) {
            giveUp();
            throw e;
        }
    }

    /** Inserts the records and moves the segments' heads, in one transaction. */
    void append(List<ChainedRecord> records, Collection<SegmentHead> heads) throws SQLException {
        Connection connection = connection();
        try {
            for (ChainedRecord record : records) {
                AuditTable.bind(insertRecord, record);
                insertRecord.addBatch();
            }
            insertRecord.executeBatch();
            for (SegmentHead head : heads) {
                moveHead.setLong(1, head.sequence());
                moveHead.setString(2, head.hash());
                moveHead.setString(3, chain.headMac(Segment.FORMAT_SEGMENT, head));
                moveHead.setLong(4, head.segmentId());
                moveHead.addBatch();
            }
            moveHead.executeBatch();
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            giveUp();
            throw e;
        }
    }

    /** Runs {@code work} in a transaction of this appender's connection (journal recovery, checkpoints). */
    <T> T inTransaction(SqlWork<T> work) throws SQLException {
        Connection connection = connection();
        try {
            T result = work.run(connection);
            connection.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            giveUp();
            throw e;
        }
    }

    @FunctionalInterface
    interface SqlWork<T> {
        T run(Connection db) throws SQLException;
    }

    private Connection connection() throws SQLException {
        if (db == null) {
            Connection connection = dataSource.getConnection();
            try {
                connection.setAutoCommit(false);
                insertRecord = connection.prepareStatement(AuditTable.INSERT_RECORD);
                moveHead = connection.prepareStatement(AuditTable.MOVE_HEAD);
            } catch (SQLException e) {
                connection.close();
                throw e;
            }
            db = connection;
        }
        return db;
    }

    private void giveUp() {
        if (db != null) {
            try {
                db.rollback();
            } catch (SQLException ignored) {
                // the connection is closed next; nothing was committed
            }
            close();
        }
    }

    @Override
    public void close() {
        if (db != null) {
            try {
                db.close();
            } catch (SQLException ignored) {
                // returned to the pool or already broken: either way no longer ours
            }
            db = null;
            insertRecord = null;
            moveHead = null;
        }
    }
}
