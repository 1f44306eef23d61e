package org.selfkms.audit;

import org.selfkms.api.audit.ChainVerification;

/**
 * Walks one tenant's chain in sequence order and stops at the first record that does not hold:
 * <ul>
 *   <li>a gap or a jump in the sequence numbers: records deleted, or a record inserted beyond them;</li>
 *   <li>a previous hash that is not the hash of the record before: a record before it removed or replaced;</li>
 *   <li>a hash that is not the HMAC of the record's fields: the record altered or forged;</li>
 *   <li>at the end, a head row that is not sealed, or names a later record than the last one found: the tail
 *       was cut off.</li>
 * </ul>
 * Pure logic: the caller feeds the stored rows, so it is unit-tested without a database.
 */
public final class ChainVerifier {

    private final AuditChain chain;
    private final long tenantId;
    private long expectedSequence = 1;
    private String expectedPrevious = ChainHead.GENESIS;
    private long checked;
    private Long brokenAt;
    private String problem;

    public ChainVerifier(AuditChain chain, long tenantId) {
        this.chain = chain;
        this.tenantId = tenantId;
    }

    /** @return false once the chain is broken; further records are not looked at */
    public boolean accept(ChainedRecord record) {
        if (brokenAt != null) {
            return false;
        }
        if (record.tenantId() != tenantId) {
            return broken(record.sequence(), "record " + record.sequence() + " belongs to another tenant's chain");
        }
        if (record.sequence() < expectedSequence) {
            return broken(record.sequence(), "record " + record.sequence() + " appears twice");
        }
        if (record.sequence() > expectedSequence) {
            return broken(expectedSequence, "record " + expectedSequence + " is missing (deleted, or a record was inserted at "
                    + record.sequence() + ")");
        }
        if (!expectedPrevious.equals(record.previousHash())) {
            return broken(record.sequence(), "record " + record.sequence()
                    + " does not follow the record before it (a record was removed or replaced)");
        }
        if (!chain.isAuthentic(record)) {
            return broken(record.sequence(), "record " + record.sequence() + " was altered or forged (its hash does not match)");
        }
        checked++;
        expectedSequence++;
        expectedPrevious = record.recordHash();
        return true;
    }

    /** The sequence number of the last record accepted, 0 if none. */
    public long lastSequence() {
        return expectedSequence - 1;
    }

    /**
     * @param head           the stored head row with its seal, null if there is none
     * @param headMac        the stored seal of the head row
     * @param writerHead     what the running writer knows it committed last, null if nothing since start;
     *                       catches a head row rolled back together with the tail while the server runs
     */
    public ChainVerification finish(ChainHead head, String headMac, ChainHead writerHead) {
        if (brokenAt == null) {
            checkTail(head, headMac, writerHead);
        }
        long claimed = head == null ? lastSequence() : head.sequence();
        return new ChainVerification(brokenAt == null, checked, claimed, brokenAt, problem);
    }

    private void checkTail(ChainHead head, String headMac, ChainHead writerHead) {
        long last = lastSequence();
        if (head == null) {
            if (last > 0) {
                broken(last, "the head row of the chain is missing, so a cut-off tail cannot be ruled out");
            }
            return;
        }
        if (headMac == null || !headMac.equals(chain.headMac(head))) {
            broken(Math.min(last, head.sequence()) + 1, "the head row of the chain was altered");
        } else if (head.sequence() > last) {
            broken(last + 1, "records " + (last + 1) + " to " + head.sequence() + " are missing (the tail was cut off)");
        } else if (head.sequence() < last) {
            broken(head.sequence() + 1, "records after " + head.sequence() + " are not covered by the head row");
        } else if (!head.hash().equals(expectedPrevious)) {
            broken(last, "record " + last + " is not the one the head row names");
        } else if (writerHead != null && writerHead.sequence() > head.sequence()) {
            broken(head.sequence() + 1, "the head row was set back to an earlier record; records "
                    + (head.sequence() + 1) + " to " + writerHead.sequence() + " are missing");
        }
    }

    private boolean broken(long sequence, String why) {
        brokenAt = sequence;
        problem = why;
        return false;
    }
}
