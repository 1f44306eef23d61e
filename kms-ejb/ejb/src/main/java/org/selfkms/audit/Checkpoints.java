package org.selfkms.audit;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * This writer's part of the checkpoint chains: the registration of each segment it opens, and - periodically, and
 * when it stops - a checkpoint per tenant of the heads its segments reached since its last one. What it wrote last
 * it remembers, so a verification on this node also notices checkpoints removed from the database while it runs.
 */
public final class Checkpoints {

    private static final Logger LOG = Logger.getLogger(Checkpoints.class.getName());
    private static final int ATTEMPTS = 5;

    private final DataSource dataSource;
    private final CheckpointSigner signer;
    private final String writer;
    private final Clock clock;
    /** By segment: the head the last checkpoint of this writer attested. */
    private final Map<Long, SegmentHead> attested = new ConcurrentHashMap<>();
    /** By tenant: the number of the newest checkpoint this writer wrote. */
    private final Map<Long, Long> newest = new ConcurrentHashMap<>();

    Checkpoints(DataSource dataSource, CheckpointSigner signer, String writer, Clock clock) {
        this.dataSource = dataSource;
        this.signer = signer;
        this.writer = writer;
        this.clock = clock;
    }

    CheckpointSigner signer() {
        return signer;
    }

    String writer() {
        return writer;
    }

    /** A segment opened, with the checkpoint that registered it. */
    void registered(SegmentHead empty, long number) {
        attested.put(empty.segmentId(), empty);
        newest.merge(empty.tenantId(), number, Math::max);
    }

    /** The newest checkpoint number this writer wrote for a tenant, 0 if none since start. */
    public long newestWritten(long tenantId) {
        return newest.getOrDefault(tenantId, 0L);
    }

    /**
     * Writes one checkpoint per tenant whose segments of this writer moved since the last one, attesting their heads
     * as committed to the database.
     */
    public void writeMoved(Map<Long, SegmentHead> committed) {
        Map<Long, List<SegmentHead>> byTenant = new TreeMap<>();
        for (SegmentHead head : committed.values()) {
            SegmentHead last = attested.get(head.segmentId());
            if (last == null || last.sequence() < head.sequence()) {
                byTenant.computeIfAbsent(head.tenantId(), t -> new ArrayList<>()).add(head);
            }
        }
        byTenant.forEach((tenant, heads) -> {
            for (int from = 0; from < heads.size(); from += Checkpoint.MAX_HEADS) {
                List<SegmentHead> part = heads.subList(from, Math.min(heads.size(), from + Checkpoint.MAX_HEADS));
                try {
                    long number = append(tenant, part, db -> null);
                    part.forEach(h -> attested.put(h.segmentId(), h));
                    newest.merge(tenant, number, Math::max);
                } catch (SQLException | RuntimeException e) {
                    LOG.log(Level.WARNING, "Could not write an audit checkpoint of tenant " + tenant + "; the next one covers it", e);
                }
            }
        });
    }

    /**
     * Registers an existing segment at its current head, and in the same transaction does {@code alongside} (the
     * legacy adoption marks the segment adopted).
     */
    void register(SegmentHead head, AuditAppender.SqlWork<?> alongside) throws SQLException {
        long number = append(head.tenantId(), List.of(head), alongside);
        attested.put(head.segmentId(), head);
        newest.merge(head.tenantId(), number, Math::max);
    }

    private long append(long tenant, List<SegmentHead> heads, AuditAppender.SqlWork<?> alongside) throws SQLException {
        SQLException last = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            try (Connection db = dataSource.getConnection()) {
                db.setAutoCommit(false);
                try {
                    long number = AuditTable.appendCheckpoint(db, tenant, clock.millis(), writer, heads, signer).number();
                    alongside.run(db);
                    db.commit();
                    return number;
                } catch (SQLException e) {
                    db.rollback();
                    if (!AuditTable.UNIQUE_VIOLATION.equals(e.getSQLState())) {
                        throw e;
                    }
                    last = e; // another writer appended a checkpoint of this tenant meanwhile: after it, then
                } finally {
                    db.setAutoCommit(true);
                }
            }
        }
        throw last;
    }
}
