package org.selfkms.api.audit;

import java.io.Serializable;

/**
 * A record's place in the newest-first order of a tenant's trail: by time, then segment, then sequence number.
 * Records of several segments (several nodes, several starts) interleave by time; the other two make the order
 * total, so key-set paging neither skips nor repeats a record.
 */
public record AuditPosition(long time, long segment, long sequence) implements Serializable {
}
