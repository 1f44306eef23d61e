package org.selfkms.audit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.selfkms.api.audit.AuditEvent;
import org.selfkms.api.audit.AuditOutcome;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A segment's hash chain as pure logic: what a database writer can change, and what verification then reports. */
class SegmentVerifierTest {

    private static final long TENANT = 1;
    private static final Segment SEGMENT = new Segment(77, TENANT, Segment.FORMAT_SEGMENT);
    private final AuditChain chain = new AuditChain(AuditDatabase.key(7), 1);
    private final List<ChainedRecord> records = new ArrayList<>();
    private SegmentHead head;

    @BeforeEach
    void tenRecords() {
        head = SegmentHead.empty(SEGMENT.id(), TENANT);
        for (int i = 1; i <= 10; i++) {
            ChainedRecord record = chain.append(head, event(i), 1_700_000_000_000L + i);
            records.add(record);
            head = head.after(record);
        }
    }

    @Test
    void untouchedSegmentHolds() {
        assertNull(verify(SEGMENT, records, head, chain.headMac(2, head), Map.of(), 0));
    }

    @Test
    void sequenceAndLinksAreAssignedInOrder() {
        assertEquals(SegmentHead.GENESIS, records.get(0).previousHash());
        for (int i = 1; i < records.size(); i++) {
            assertEquals(i + 1, records.get(i).sequence());
            assertEquals(records.get(i - 1).recordHash(), records.get(i).previousHash());
        }
    }

    @Test
    void aModifiedFieldIsReportedAtThatRecord() {
        ChainedRecord r = records.get(4);
        records.set(4, new ChainedRecord(r.segmentId(), r.tenantId(), r.sequence(), r.time(), r.door(), r.principal(),
                "DisableKey", r.keyId(), r.requestId(), r.sourceAddress(), r.outcome(), r.errorCode(), r.keyVersion(),
                null, r.recordHash()));
        assertTrue(verify(SEGMENT, records, head, chain.headMac(2, head), Map.of(), 0).startsWith("segment 77, record 5 was altered"));
    }

    @Test
    void aRecordMovedToAnotherSegmentDoesNotVerifyThere() {
        Segment other = new Segment(78, TENANT, Segment.FORMAT_SEGMENT);
        List<ChainedRecord> moved = records.stream().map(r -> new ChainedRecord(78, r.tenantId(), r.sequence(), r.time(),
                r.door(), r.principal(), r.action(), r.keyId(), r.requestId(), r.sourceAddress(), r.outcome(), r.errorCode(),
                r.keyVersion(), null, r.recordHash())).toList();
        assertTrue(verify(other, moved, null, null, Map.of(), 0).contains("record 1 was altered"));
    }

    @Test
    void aDeletedRecordIsReportedAsMissing() {
        records.remove(2);
        assertTrue(verify(SEGMENT, records, head, chain.headMac(2, head), Map.of(), 0).contains("record 3 is missing"));
    }

    @Test
    void aCutOffTailIsReportedByTheHeadRow() {
        List<ChainedRecord> cut = records.subList(0, 7);
        assertTrue(verify(SEGMENT, cut, head, chain.headMac(2, head), Map.of(), 0).contains("record 8 to 10 are missing"));
    }

    @Test
    void anAlteredHeadRowIsReported() {
        SegmentHead back = new SegmentHead(SEGMENT.id(), TENANT, 7, records.get(6).recordHash());
        assertTrue(verify(SEGMENT, records.subList(0, 7), back, chain.headMac(2, head), Map.of(), 0).contains("head row was altered"));
    }

    @Test
    void aRollbackBelowWhatACheckpointAttestedIsReported() {
        SegmentHead back = new SegmentHead(SEGMENT.id(), TENANT, 7, records.get(6).recordHash());
        String consistent = verify(SEGMENT, records.subList(0, 7), back, chain.headMac(2, back), Map.of(), 0);
        assertNull(consistent, "a sealed head from before, with the records after it gone, is a valid segment by itself");
        assertTrue(verify(SEGMENT, records.subList(0, 7), back, chain.headMac(2, back), Map.of(9L, records.get(8).recordHash()), 9)
                .contains("rolled back"));
    }

    @Test
    void aRecordOtherThanTheAttestedOneIsReported() {
        assertTrue(verify(SEGMENT, records, head, chain.headMac(2, head), Map.of(4L, "ab".repeat(32)), 4)
                .contains("record 4 is not the record a signed checkpoint attests"));
    }

    @Test
    void recordsOfTheChainsFromBeforeSegmentsKeepVerifying() {
        // format 1: one chain per tenant, previous hash stored, no segment in the hash
        Segment legacy = new Segment(Segment.legacyId(TENANT), TENANT, Segment.FORMAT_TENANT_CHAIN);
        List<ChainedRecord> old = new ArrayList<>();
        String previous = SegmentHead.GENESIS;
        for (int i = 1; i <= 5; i++) {
            AuditEvent e = event(i);
            ChainedRecord r = new ChainedRecord(legacy.id(), TENANT, i, 1_600_000_000_000L + i, e.door(), e.principal(),
                    e.action(), e.keyId(), e.requestId(), e.sourceAddress(), e.outcome().name(), e.errorCode(), 1, previous, null);
            r = r.withHash(chain.recordHash(Segment.FORMAT_TENANT_CHAIN, r));
            old.add(r);
            previous = r.recordHash();
        }
        SegmentHead oldHead = new SegmentHead(legacy.id(), TENANT, 5, previous);
        assertNull(verify(legacy, old, oldHead, chain.headMac(1, oldHead), Map.of(), 0));
        assertNotEquals(chain.headMac(1, oldHead), chain.headMac(2, oldHead), "the formats' seals differ");
        ChainedRecord r = old.get(1);
        old.set(1, new ChainedRecord(r.segmentId(), r.tenantId(), r.sequence(), r.time(), r.door(), r.principal(), r.action(),
                r.keyId(), r.requestId(), r.sourceAddress(), r.outcome(), r.errorCode(), r.keyVersion(), "ff".repeat(32), r.recordHash()));
        assertTrue(verify(legacy, old, oldHead, chain.headMac(1, oldHead), Map.of(), 0).contains("record 2 was altered"));
    }

    @Test
    void aRecordUnderAnotherAuditKeyDoesNotVerify() {
        AuditChain other = new AuditChain(AuditDatabase.key(8), 1);
        assertTrue(new SegmentVerifier(other, SEGMENT, Map.of()).accept(records.get(0)) == false);
    }

    private String verify(Segment segment, List<ChainedRecord> stored, SegmentHead headRow, String mac,
                          Map<Long, String> attested, long knownAtLeast) {
        SegmentVerifier verifier = new SegmentVerifier(chain, segment, attested);
        for (ChainedRecord record : stored) {
            if (!verifier.accept(record)) {
                break;
            }
        }
        return verifier.finish(headRow, mac, knownAtLeast);
    }

    private static AuditEvent event(int i) {
        return new AuditEvent(TENANT, "tencent", "AKIDtest", i % 2 == 0 ? "Encrypt" : "Decrypt", "key-" + i,
                "request-" + i, "127.0.0.1", AuditOutcome.ALLOWED, null);
    }
}
