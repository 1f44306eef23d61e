package org.selfkms.audit;

/**
 * The newest record of a segment: its sequence number and hash. Each segment keeps it in its row of
 * {@code kms_audit_segment}, sealed with {@link AuditChain#headMac}, so that cutting records off the end of a
 * segment is detected too.
 */
public record SegmentHead(long segmentId, long tenantId, long sequence, String hash) {

    /** The previous hash of a segment's first record. */
    public static final String GENESIS = "0".repeat(64);

    public static SegmentHead empty(long segmentId, long tenantId) {
        return new SegmentHead(segmentId, tenantId, 0, GENESIS);
    }

    /** The head after {@code record}. */
    public SegmentHead after(ChainedRecord record) {
        return new SegmentHead(segmentId, tenantId, record.sequence(), record.recordHash());
    }
}
