package org.selfkms.audit;

import org.selfkms.api.audit.AuditOutcome;
import org.selfkms.api.audit.AuditRecord;

/**
 * An audit record as stored: the request's facts plus its place in the tenant's chain. {@code recordHash}
 * is the HMAC over the canonical encoding of every other field ({@link AuditChain}).
 */
public record ChainedRecord(long tenantId, long sequence, long time, String door, String principal, String action,
                            String keyId, String requestId, String sourceAddress, String outcome, String errorCode,
                            int keyVersion, String previousHash, String recordHash) {

    /** What callers of the trail see; the chain fields are the verifier's business. */
    public AuditRecord toRecord() {
        AuditOutcome parsed;
        try {
            parsed = AuditOutcome.valueOf(outcome);
        } catch (IllegalArgumentException tampered) {
            // A row altered to an unknown outcome still shows; verification reports the alteration.
            parsed = AuditOutcome.FAILED;
        }
        return new AuditRecord(sequence, time, tenantId, door, principal, action, keyId, requestId, sourceAddress,
                parsed, errorCode);
    }
}
