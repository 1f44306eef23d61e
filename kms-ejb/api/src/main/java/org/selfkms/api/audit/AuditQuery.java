package org.selfkms.api.audit;

import java.io.Serializable;

/**
 * A search of the caller's audit trail, newest first. Null filters match everything. Paging is by key set:
 * pass the {@link AuditPage#nextBefore()} of one page as {@code before} of the next, so a page costs the same
 * however deep it is and records written meanwhile do not shift it.
 *
 * @param from     inclusive, epoch milliseconds
 * @param to       exclusive, epoch milliseconds
 * @param before   only records older than this position; null for the newest
 * @param limit    1-{@value #MAX_LIMIT}
 * @param platform search the platform chain (requests of unknown identities) instead of the caller's tenant;
 *                 only for administrators of the operator tenant
 */
public record AuditQuery(Long from, Long to, String keyId, String action, String principal, AuditOutcome outcome,
                         AuditPosition before, int limit, boolean platform) implements Serializable {

    public static final int MAX_LIMIT = 500;

    /** The newest {@code limit} records of the caller's tenant, unfiltered. */
    public static AuditQuery newest(int limit) {
        return new AuditQuery(null, null, null, null, null, null, null, limit, false);
    }
}
