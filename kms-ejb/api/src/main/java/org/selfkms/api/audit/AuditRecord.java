package org.selfkms.api.audit;

import java.io.Serializable;

/**
 * One stored audit record as the trail shows it.
 *
 * @param sequence  position in its tenant's chain, from 1 without gaps
 * @param time      when the request was recorded, epoch milliseconds
 */
public record AuditRecord(long sequence, long time, long tenantId, String door, String principal, String action,
                          String keyId, String requestId, String sourceAddress, AuditOutcome outcome,
                          String errorCode) implements Serializable {
}
