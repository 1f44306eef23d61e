package org.selfkms.audit;

import org.selfkms.api.audit.AuditCheckpoint;
import org.selfkms.api.audit.ChainVerification;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Verifies one tenant's trail from the database: the checkpoint chain, the set of segments against it, every
 * segment's records and head, what this server's writer knows it stored, and optionally an exported checkpoint.
 * Stops at the first problem and says where it is.
 *
 * <p>Read in this order, so that records and checkpoints written while it runs never look like tampering: the
 * segment rows first, then the checkpoints (the registration of every segment read is committed with it, so it is
 * found); each segment is walked to its end, and its head row read after the walk.
 */
final class TrailVerifier {

    private static final int PAGE = 1000;

    private final AuditTable table;
    private final AuditChain chain;
    private final CheckpointSigner signer;
    private final long tenantId;

    TrailVerifier(AuditTable table, AuditChain chain, CheckpointSigner signer, long tenantId) {
        this.table = table;
        this.chain = chain;
        this.signer = signer;
        this.tenantId = tenantId;
    }

    /**
     * @param writerHeads    heads this server's writer committed (all tenants), read before anything else
     * @param writerOpened   segments this server's writer opened since its start, with their tenants
     * @param writerNewest   the newest checkpoint number this server's writer wrote for the tenant, 0 if none
     * @param anchor         an exported checkpoint to hold the database against, or null
     */
    ChainVerification verify(Map<Long, SegmentHead> writerHeads, Map<Long, Long> writerOpened, long writerNewest,
                             AuditCheckpoint anchor) throws SQLException {
        List<AuditTable.StoredSegment> segments = table.segments(tenantId);
        CheckpointChain checkpoints = new CheckpointChain(signer, tenantId);
        long after = 0;
        while (true) {
            List<AuditTable.StoredCheckpoint> page = table.checkpointsAfter(tenantId, after, PAGE);
            for (AuditTable.StoredCheckpoint checkpoint : page) {
                if (!checkpoints.accept(checkpoint)) {
                    return result(false, 0, 0, checkpoints, checkpoints.problem());
                }
                after = checkpoint.number();
            }
            if (page.size() < PAGE) {
                break;
            }
        }
        if (writerNewest > checkpoints.latestNumber()) {
            return result(false, 0, 0, checkpoints, "checkpoints " + (checkpoints.latestNumber() + 1) + " to " + writerNewest
                    + " are missing, though this server wrote them (the checkpoints were cut off or rolled back)");
        }
        String anchorProblem = anchor == null ? null : checkAnchor(anchor, checkpoints);
        if (anchorProblem != null) {
            return result(false, 0, 0, checkpoints, anchorProblem);
        }
        Map<Long, AuditTable.StoredSegment> byId = new java.util.HashMap<>();
        segments.forEach(s -> byId.put(s.segment().id(), s));
        for (long named : checkpoints.registered()) {
            // a segment opened after the segment rows were read is registered, but not in byId: it exists now
            if (!byId.containsKey(named) && table.segment(named).isEmpty()) {
                return result(false, 0, 0, checkpoints, "segment " + named + ", registered by checkpoint "
                        + checkpoints.registeredBy(named) + ", is missing (deleted with its records)");
            }
        }
        for (Map.Entry<Long, Long> own : writerOpened.entrySet()) {
            SegmentHead committed = writerHeads.get(own.getKey());
            if (own.getValue() == tenantId && committed != null && !byId.containsKey(own.getKey())) {
                return result(false, 0, 0, checkpoints, "segment " + own.getKey() + ", written by this server, is missing (deleted)");
            }
        }
        List<Long> unknown = table.segmentsWithoutRow(tenantId, 1);
        if (!unknown.isEmpty()) {
            return result(false, 0, 0, checkpoints, "records of segment " + unknown.get(0)
                    + " exist, but no such segment was opened (records inserted)");
        }
        long records = 0;
        int checkedSegments = 0;
        for (AuditTable.StoredSegment stored : segments) {
            Segment segment = stored.segment();
            if (!checkpoints.isRegistered(segment.id())) {
                return result(false, records, checkedSegments, checkpoints, "segment " + segment.id()
                        + " is not registered by any checkpoint (inserted)");
            }
            SegmentVerifier verifier = new SegmentVerifier(chain, segment, checkpoints.attested(segment.id()));
            walk(verifier, segment.id(), Long.MAX_VALUE);
            // the head row after the walk covers every record found; records stored since are checked up to it
            Optional<AuditTable.StoredSegment> now = table.segment(segment.id());
            SegmentHead head = now.map(AuditTable.StoredSegment::head).orElse(null);
            if (head != null && head.sequence() > verifier.lastSequence()) {
                walk(verifier, segment.id(), head.sequence());
            }
            SegmentHead known = writerHeads.get(segment.id());
            long knownAtLeast = Math.max(checkpoints.highestAttested(segment.id()), known == null ? 0 : known.sequence());
            String problem = verifier.finish(head, now.map(AuditTable.StoredSegment::headMac).orElse(null), knownAtLeast);
            records += verifier.checked();
            checkedSegments++;
            if (problem != null) {
                return result(false, records, checkedSegments, checkpoints, problem);
            }
        }
        return result(true, records, checkedSegments, checkpoints, null);
    }

    private String checkAnchor(AuditCheckpoint anchor, CheckpointChain checkpoints) throws SQLException {
        Optional<Checkpoint> parsed = Checkpoint.parse(anchor.statement());
        if (parsed.isEmpty() || !signer.verify(anchor.statement(), anchor.signature())) {
            return "the checkpoint given is not one this installation signed (altered, or of another installation)";
        }
        if (parsed.get().tenantId() != tenantId) {
            return "the checkpoint given belongs to another trail";
        }
        long number = parsed.get().number();
        if (number > checkpoints.latestNumber()) {
            return "the database holds checkpoints up to " + checkpoints.latestNumber() + " only, but checkpoint " + number
                    + " was exported earlier: the database was rolled back to an older copy, or checkpoints were deleted";
        }
        Optional<AuditTable.StoredCheckpoint> stored = table.checkpoint(tenantId, number);
        if (stored.isEmpty() || !stored.get().statement().equals(anchor.statement())) {
            return "checkpoint " + number + " in the database is not the one exported earlier: the trail was replaced";
        }
        return null;
    }

    private void walk(SegmentVerifier verifier, long segmentId, long upTo) throws SQLException {
        while (verifier.lastSequence() < upTo) {
            List<ChainedRecord> page = table.segmentAfter(segmentId, verifier.lastSequence(), PAGE);
            for (ChainedRecord record : page) {
                if (record.sequence() > upTo || !verifier.accept(record)) {
                    return;
                }
            }
            if (page.size() < PAGE) {
                return;
            }
        }
    }

    private static ChainVerification result(boolean intact, long records, int segments, CheckpointChain checkpoints, String problem) {
        return new ChainVerification(intact, records, segments, checkpoints.checked(), checkpoints.latestNumber(), problem);
    }
}
