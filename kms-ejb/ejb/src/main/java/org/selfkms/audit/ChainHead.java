package org.selfkms.audit;

/**
 * The newest record of a tenant's chain: its sequence number and hash. Kept in its own row
 * ({@code kms_audit_head}, sealed with {@link AuditChain#headMac}) so that cutting records off the end of the
 * chain is detected too.
 */
public record ChainHead(long tenantId, long sequence, String hash) {

    /** The previous hash of a chain's first record. */
    public static final String GENESIS = "0".repeat(64);

    public static ChainHead empty(long tenantId) {
        return new ChainHead(tenantId, 0, GENESIS);
    }
}
