package org.selfkms.api.audit;

import java.io.Serializable;

/**
 * One stored audit record as the trail shows it.
 *
 * @param segment   the writer's chain the record belongs to (each server process writes its own segments)
 * @param sequence  position in its segment, from 1 without gaps
 * @param time      when the request was recorded, epoch milliseconds
 */
public record AuditRecord(long segment, long sequence, long time, long tenantId, String door, String principal,
                          String action, String keyId, String requestId, String sourceAddress, AuditOutcome outcome,
                          String errorCode) implements Serializable {

    /** Where this record stands in the newest-first order of searches. */
    public AuditPosition position() {
        return new AuditPosition(time, segment, sequence);
    }
}
