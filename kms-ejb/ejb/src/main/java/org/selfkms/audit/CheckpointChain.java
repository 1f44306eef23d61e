package org.selfkms.audit;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a tenant's checkpoints in number order: numbered from 1 without gaps, each naming the digest of the one
 * before, each signed, each about this tenant; and collects what they say - which segments exist (every segment is
 * registered by a checkpoint before its first record) and which heads they had. Pure logic.
 */
final class CheckpointChain {

    private final CheckpointSigner signer;
    private final long tenantId;
    private final Set<Long> registered = new HashSet<>();
    private final Map<Long, Map<Long, String>> attested = new HashMap<>();
    private final Map<Long, Long> registeredBy = new HashMap<>();
    private long expectedNumber = 1;
    private String expectedPrevious = Checkpoint.FIRST;
    private long checked;
    private String problem;

    CheckpointChain(CheckpointSigner signer, long tenantId) {
        this.signer = signer;
        this.tenantId = tenantId;
    }

    /** @return false once the chain is broken */
    boolean accept(AuditTable.StoredCheckpoint stored) {
        if (problem != null) {
            return false;
        }
        if (stored.number() != expectedNumber) {
            return broken("checkpoint " + expectedNumber + " is missing (deleted, or one was inserted at " + stored.number() + ")");
        }
        if (!signer.verify(stored.statement(), stored.signature())) {
            return broken("checkpoint " + stored.number() + " was altered or forged (its signature does not match)");
        }
        Optional<Checkpoint> parsed = Checkpoint.parse(stored.statement());
        if (parsed.isEmpty() || parsed.get().tenantId() != tenantId || parsed.get().number() != stored.number()) {
            return broken("checkpoint " + stored.number() + " is not a checkpoint of this trail at this place");
        }
        Checkpoint checkpoint = parsed.get();
        if (!checkpoint.previous().equals(expectedPrevious)) {
            return broken("checkpoint " + stored.number() + " does not follow the checkpoint before it "
                    + "(one was removed or replaced)");
        }
        for (SegmentHead head : checkpoint.heads()) {
            registered.add(head.segmentId());
            registeredBy.putIfAbsent(head.segmentId(), checkpoint.number());
            if (head.sequence() > 0) {
                attested.computeIfAbsent(head.segmentId(), s -> new HashMap<>()).put(head.sequence(), head.hash());
            }
        }
        checked++;
        expectedNumber++;
        expectedPrevious = Checkpoint.digest(stored.statement());
        return true;
    }

    private boolean broken(String why) {
        problem = why;
        return false;
    }

    String problem() {
        return problem;
    }

    long checked() {
        return checked;
    }

    long latestNumber() {
        return expectedNumber - 1;
    }

    boolean isRegistered(long segmentId) {
        return registered.contains(segmentId);
    }

    Set<Long> registered() {
        return registered;
    }

    long registeredBy(long segmentId) {
        return registeredBy.getOrDefault(segmentId, 0L);
    }

    /** Hashes the checkpoints attest for a segment, by sequence number. */
    Map<Long, String> attested(long segmentId) {
        return attested.getOrDefault(segmentId, Map.of());
    }

    long highestAttested(long segmentId) {
        return attested(segmentId).keySet().stream().mapToLong(Long::longValue).max().orElse(0);
    }
}
