package org.selfkms.audit;

import java.util.Map;

/**
 * Walks one segment in sequence order and stops at the first record that does not hold:
 * <ul>
 *   <li>a gap or a jump in the sequence numbers: records deleted, or a record inserted beyond them;</li>
 *   <li>a hash that is not the HMAC of the record's fields and its predecessor's hash: the record altered, forged,
 *       or a record before it removed or replaced;</li>
 *   <li>a record that differs from what a checkpoint attested at its sequence number;</li>
 *   <li>at the end, a head row that is not sealed, or names another record than the last one found (the tail was cut
 *       off), or is behind what this server's writer or a checkpoint knows was stored (rolled back).</li>
 * </ul>
 * Pure logic: the caller feeds the stored rows, so it is unit-tested without a database.
 */
final class SegmentVerifier {

    private final AuditChain chain;
    private final Segment segment;
    private final Map<Long, String> attested;
    private long expectedSequence = 1;
    private String expectedPrevious = SegmentHead.GENESIS;
    private long checked;
    private String problem;

    /** @param attested hashes that checkpoints attest, by sequence number */
    SegmentVerifier(AuditChain chain, Segment segment, Map<Long, String> attested) {
        this.chain = chain;
        this.segment = segment;
        this.attested = attested;
    }

    /** @return false once the segment is broken; further records are not looked at */
    boolean accept(ChainedRecord record) {
        if (problem != null) {
            return false;
        }
        if (record.tenantId() != segment.tenantId() || record.segmentId() != segment.id()) {
            return broken(record.sequence(), "belongs to another tenant's trail");
        }
        if (record.sequence() < expectedSequence) {
            return broken(record.sequence(), "appears twice");
        }
        if (record.sequence() > expectedSequence) {
            return broken(expectedSequence, "is missing (deleted, or a record was inserted at " + record.sequence() + ")");
        }
        if (!chain.isAuthentic(segment.format(), record, expectedPrevious)) {
            return broken(record.sequence(), "was altered or forged, or the record before it was removed or replaced "
                    + "(its hash does not match)");
        }
        String attestedHash = attested.get(record.sequence());
        if (attestedHash != null && !attestedHash.equals(record.recordHash())) {
            return broken(record.sequence(), "is not the record a signed checkpoint attests there");
        }
        checked++;
        expectedSequence++;
        expectedPrevious = record.recordHash();
        return true;
    }

    long lastSequence() {
        return expectedSequence - 1;
    }

    long checked() {
        return checked;
    }

    /**
     * @param head       the stored head row, null if the segment has none
     * @param headMac    its stored seal
     * @param knownAtLeast the highest sequence number this server's writer or a checkpoint knows was stored
     * @return the problem, or null if the segment holds
     */
    String finish(SegmentHead head, String headMac, long knownAtLeast) {
        if (problem != null) {
            return problem;
        }
        long last = lastSequence();
        if (head == null) {
            return last > 0 ? where(last, "has no head row, so a cut-off tail cannot be ruled out") : null;
        }
        if (!chain.isSealed(segment.format(), head, headMac)) {
            return where(Math.min(last, head.sequence()) + 1, "- the segment's head row was altered");
        }
        if (head.sequence() > last) {
            return where(last + 1, "to " + head.sequence() + " are missing (the tail was cut off)");
        }
        if (head.sequence() < last) {
            return where(head.sequence() + 1, "and after are not covered by the segment's head row");
        }
        if (!head.hash().equals(expectedPrevious)) {
            return where(last, "is not the one the segment's head row names");
        }
        if (knownAtLeast > head.sequence()) {
            return where(head.sequence() + 1, "to " + knownAtLeast + " are missing: the segment was set back to an earlier "
                    + "record (rolled back), though they were stored");
        }
        return null;
    }

    private boolean broken(long sequence, String why) {
        problem = where(sequence, why);
        return false;
    }

    private String where(long sequence, String why) {
        return "segment " + segment.id() + ", record " + sequence + " " + why;
    }
}
