package org.selfkms.audit;

/**
 * One writer's hash chain of one tenant's records. Every server process opens a new segment for each tenant it
 * records for, the first time it does after its start (or after a write failed), and only that process appends
 * to it: nodes never wait for each other, and a restart needs to read nothing. Signed checkpoints bind a
 * tenant's segments together ({@link Checkpoint}).
 *
 * @param format {@link #FORMAT_TENANT_CHAIN} for the single chain per tenant that installations kept before
 *               segments existed (id {@code -1 - tenant}); {@link #FORMAT_SEGMENT} for every segment since
 */
public record Segment(long id, long tenantId, int format) {

    public static final int FORMAT_TENANT_CHAIN = 1;
    public static final int FORMAT_SEGMENT = 2;

    /** The id the migration gave a tenant's chain from before segments. */
    public static long legacyId(long tenantId) {
        return -1 - tenantId;
    }
}
