package org.selfkms.audit;

import org.selfkms.api.audit.AuditOutcome;
import org.selfkms.api.audit.AuditRecord;

/**
 * An audit record as stored: the request's facts plus its place in its segment's chain. {@code recordHash}
 * is the HMAC over the canonical encoding of every other field ({@link AuditChain}). {@code previousHash} is the
 * hash of the record before it in the segment; format-1 rows store it, format-2 rows do not (null when read),
 * since it is the previous row's own hash.
 */
public record ChainedRecord(long segmentId, long tenantId, long sequence, long time, String door, String principal,
                            String action, String keyId, String requestId, String sourceAddress, String outcome,
                            String errorCode, int keyVersion, String previousHash, String recordHash) {

    /** What callers of the trail see; the chain fields are the verifier's business. */
    public AuditRecord toRecord() {
        AuditOutcome parsed;
        try {
            parsed = AuditOutcome.valueOf(outcome);
        } catch (IllegalArgumentException tampered) {
            // A row altered to an unknown outcome still shows; verification reports the alteration.
            parsed = AuditOutcome.FAILED;
        }
        return new AuditRecord(segmentId, sequence, time, tenantId, door, principal, action, keyId, requestId,
                sourceAddress, parsed, errorCode);
    }

    ChainedRecord withHash(String hash) {
        return new ChainedRecord(segmentId, tenantId, sequence, time, door, principal, action, keyId, requestId,
                sourceAddress, outcome, errorCode, keyVersion, previousHash, hash);
    }

    ChainedRecord withPrevious(String previous) {
        return new ChainedRecord(segmentId, tenantId, sequence, time, door, principal, action, keyId, requestId,
                sourceAddress, outcome, errorCode, keyVersion, previous, recordHash);
    }
}
