package org.selfkms.audit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.selfkms.api.audit.AuditEvent;
import org.selfkms.api.audit.AuditOutcome;
import org.selfkms.api.audit.ChainVerification;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The hash chain as pure logic: what a database writer can change, and what verification then reports. */
class ChainVerifierTest {

    private static final long TENANT = 1;
    private final AuditChain chain = new AuditChain(key(7), 1);
    private final List<ChainedRecord> records = new ArrayList<>();
    private ChainHead head;

    @BeforeEach
    void tenRecords() {
        head = ChainHead.empty(TENANT);
        for (int i = 1; i <= 10; i++) {
            AuditEvent event = new AuditEvent(TENANT, "tencent", "AKIDtest", i % 2 == 0 ? "Encrypt" : "Decrypt",
                    "key-" + i, "request-" + i, "127.0.0.1", AuditOutcome.ALLOWED, null);
            ChainedRecord record = chain.append(head, event, 1_700_000_000_000L + i);
            records.add(record);
            head = new ChainHead(TENANT, record.sequence(), record.recordHash());
        }
    }

    @Test
    void untouchedChainIsIntact() {
        ChainVerification result = verify(records, head, chain.headMac(head));
        assertTrue(result.intact(), String.valueOf(result.problem()));
        assertEquals(10, result.recordsChecked());
        assertEquals(10, result.lastSequence());
        assertNull(result.firstBrokenSequence());
    }

    @Test
    void sequenceAndLinksAreAssignedInOrder() {
        assertEquals(ChainHead.GENESIS, records.get(0).previousHash());
        for (int i = 1; i < records.size(); i++) {
            assertEquals(i + 1, records.get(i).sequence());
            assertEquals(records.get(i - 1).recordHash(), records.get(i).previousHash());
        }
    }

    @Test
    void modifiedFieldIsDetectedAtThatRecord() {
        ChainedRecord r = records.get(4);
        records.set(4, new ChainedRecord(r.tenantId(), r.sequence(), r.time(), r.door(), r.principal(), "DisableKey",
                r.keyId(), r.requestId(), r.sourceAddress(), r.outcome(), r.errorCode(), r.keyVersion(),
                r.previousHash(), r.recordHash()));
        ChainVerification result = verify(records, head, chain.headMac(head));
        assertFalse(result.intact());
        assertEquals(5L, result.firstBrokenSequence());
        assertEquals(4, result.recordsChecked());
    }

    @Test
    void everyFieldIsCovered() {
        ChainedRecord r = records.get(2);
        List<ChainedRecord> variants = List.of(
                new ChainedRecord(r.tenantId(), r.sequence(), r.time() + 1, r.door(), r.principal(), r.action(), r.keyId(), r.requestId(), r.sourceAddress(), r.outcome(), r.errorCode(), r.keyVersion(), r.previousHash(), r.recordHash()),
                new ChainedRecord(r.tenantId(), r.sequence(), r.time(), "console", r.principal(), r.action(), r.keyId(), r.requestId(), r.sourceAddress(), r.outcome(), r.errorCode(), r.keyVersion(), r.previousHash(), r.recordHash()),
                new ChainedRecord(r.tenantId(), r.sequence(), r.time(), r.door(), "someone-else", r.action(), r.keyId(), r.requestId(), r.sourceAddress(), r.outcome(), r.errorCode(), r.keyVersion(), r.previousHash(), r.recordHash()),
                new ChainedRecord(r.tenantId(), r.sequence(), r.time(), r.door(), r.principal(), r.action(), null, r.requestId(), r.sourceAddress(), r.outcome(), r.errorCode(), r.keyVersion(), r.previousHash(), r.recordHash()),
                new ChainedRecord(r.tenantId(), r.sequence(), r.time(), r.door(), r.principal(), r.action(), r.keyId(), "other", r.sourceAddress(), r.outcome(), r.errorCode(), r.keyVersion(), r.previousHash(), r.recordHash()),
                new ChainedRecord(r.tenantId(), r.sequence(), r.time(), r.door(), r.principal(), r.action(), r.keyId(), r.requestId(), "10.0.0.1", r.outcome(), r.errorCode(), r.keyVersion(), r.previousHash(), r.recordHash()),
                new ChainedRecord(r.tenantId(), r.sequence(), r.time(), r.door(), r.principal(), r.action(), r.keyId(), r.requestId(), r.sourceAddress(), "DENIED", r.errorCode(), r.keyVersion(), r.previousHash(), r.recordHash()),
                new ChainedRecord(r.tenantId(), r.sequence(), r.time(), r.door(), r.principal(), r.action(), r.keyId(), r.requestId(), r.sourceAddress(), r.outcome(), "KEY_DISABLED", r.keyVersion(), r.previousHash(), r.recordHash()),
                new ChainedRecord(r.tenantId(), r.sequence(), r.time(), r.door(), r.principal(), r.action(), r.keyId(), r.requestId(), r.sourceAddress(), r.outcome(), r.errorCode(), 2, r.previousHash(), r.recordHash()));
        assertTrue(chain.isAuthentic(r));
        for (ChainedRecord variant : variants) {
            assertFalse(chain.isAuthentic(variant), "a changed field must change the hash: " + variant);
        }
    }

    @Test
    void canonicalEncodingSeparatesFields() {
        ChainedRecord a = sample("ab", "c");
        ChainedRecord b = sample("a", "bc");
        assertFalse(Arrays.equals(AuditChain.canonical(a), AuditChain.canonical(b)), "field boundaries are encoded");
        assertNotEquals(chain.recordHash(a), chain.recordHash(b));
        assertNotEquals(chain.recordHash(sample("x", null)), chain.recordHash(sample("x", "")), "null is not empty");
    }

    @Test
    void deletedMiddleRecordIsDetected() {
        records.remove(6);
        ChainVerification result = verify(records, head, chain.headMac(head));
        assertFalse(result.intact());
        assertEquals(7L, result.firstBrokenSequence());
    }

    @Test
    void deletedRecordRenumberedIsDetectedByItsLink() {
        // The attacker closes the gap by renumbering, but cannot recompute the later records' hashes.
        records.remove(6);
        List<ChainedRecord> renumbered = new ArrayList<>(records.subList(0, 6));
        for (ChainedRecord r : records.subList(6, records.size())) {
            renumbered.add(new ChainedRecord(r.tenantId(), r.sequence() - 1, r.time(), r.door(), r.principal(), r.action(), r.keyId(),
                    r.requestId(), r.sourceAddress(), r.outcome(), r.errorCode(), r.keyVersion(), r.previousHash(), r.recordHash()));
        }
        ChainVerification result = verify(renumbered, head, chain.headMac(head));
        assertFalse(result.intact());
        assertEquals(7L, result.firstBrokenSequence());
    }

    @Test
    void forgedRecordWithoutTheKeyIsDetected() {
        // Forged with a chain of the attacker's own key, linked correctly to its predecessor.
        AuditChain attacker = new AuditChain(key(9), 1);
        ChainHead afterFour = new ChainHead(TENANT, 4, records.get(3).recordHash());
        ChainedRecord forged = attacker.append(afterFour, new AuditEvent(TENANT, "tencent", "AKIDtest", "Encrypt", "key-x",
                "forged", "127.0.0.1", AuditOutcome.ALLOWED, null), 1_700_000_000_000L);
        records.set(4, forged);
        ChainVerification result = verify(records, head, chain.headMac(head));
        assertFalse(result.intact());
        assertEquals(5L, result.firstBrokenSequence());
    }

    @Test
    void recordInsertedBeyondTheChainIsDetected() {
        ChainedRecord last = records.get(9);
        records.add(new ChainedRecord(TENANT, 1000, last.time(), last.door(), last.principal(), last.action(), last.keyId(),
                "inserted", last.sourceAddress(), last.outcome(), last.errorCode(), 1, last.recordHash(), last.recordHash()));
        ChainVerification result = verify(records, head, chain.headMac(head));
        assertFalse(result.intact());
        assertEquals(11L, result.firstBrokenSequence());
    }

    @Test
    void cutOffTailIsDetectedByTheHeadRow() {
        records.subList(8, 10).clear();
        ChainVerification result = verify(records, head, chain.headMac(head));
        assertFalse(result.intact());
        assertEquals(9L, result.firstBrokenSequence());
    }

    @Test
    void headRowMovedBackWithoutTheKeyIsDetected() {
        records.subList(8, 10).clear();
        ChainHead movedBack = new ChainHead(TENANT, 8, records.get(7).recordHash());
        ChainVerification result = verify(records, movedBack, chain.headMac(head));
        assertFalse(result.intact(), "the old seal does not fit the moved head");
    }

    @Test
    void headRowReplayedFromABackupIsCaughtByTheRunningWriter() {
        records.subList(8, 10).clear();
        ChainHead old = new ChainHead(TENANT, 8, records.get(7).recordHash());
        ChainVerifier verifier = new ChainVerifier(chain, TENANT);
        records.forEach(verifier::accept);
        ChainVerification result = verifier.finish(old, chain.headMac(old), head);
        assertFalse(result.intact());
        assertEquals(9L, result.firstBrokenSequence());
    }

    @Test
    void anotherTenantsRecordDoesNotVerifyInThisChain() {
        ChainedRecord r = records.get(0);
        records.set(0, new ChainedRecord(2, r.sequence(), r.time(), r.door(), r.principal(), r.action(), r.keyId(), r.requestId(),
                r.sourceAddress(), r.outcome(), r.errorCode(), r.keyVersion(), r.previousHash(), r.recordHash()));
        assertEquals(1L, verify(records, head, chain.headMac(head)).firstBrokenSequence());
    }

    @Test
    void emptyChainWithoutHeadIsIntact() {
        assertTrue(verify(List.of(), null, null).intact());
    }

    private ChainVerification verify(List<ChainedRecord> stored, ChainHead storedHead, String mac) {
        ChainVerifier verifier = new ChainVerifier(chain, TENANT);
        for (ChainedRecord record : stored) {
            if (!verifier.accept(record)) {
                break;
            }
        }
        return verifier.finish(storedHead, mac, null);
    }

    private static ChainedRecord sample(String principal, String keyId) {
        return new ChainedRecord(TENANT, 1, 0, "tencent", principal, "Encrypt", keyId, "r", "127.0.0.1", "ALLOWED", null, 1,
                ChainHead.GENESIS, null);
    }

    private static byte[] key(int seed) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) seed);
        return key;
    }
}
