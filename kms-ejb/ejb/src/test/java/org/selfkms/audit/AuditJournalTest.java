package org.selfkms.audit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The journal's frames: what a crash or damage leaves, and what is read back. */
class AuditJournalTest {

    private final AuditChain chain = new AuditChain(AuditDatabase.key(4), 1);

    @Test
    void framesReadBackInOrderAndFilesSortAsWritten(@TempDir Path dir) throws Exception {
        AuditJournal journal = new AuditJournal(dir, 1000);
        List<ChainedRecord> first = records(0, 3);
        List<ChainedRecord> second = records(3, 2);
        journal.append(first);
        Path closed = journal.rotate();
        journal.append(second);
        journal.close();
        assertEquals(List.of(closed, journal.currentFile()), AuditJournal.leftovers(dir));
        assertEquals(first, AuditJournal.read(closed));
        assertEquals(second, AuditJournal.read(journal.currentFile()));
    }

    @Test
    void aTornOrDamagedFrameEndsTheFile(@TempDir Path dir) throws Exception {
        AuditJournal journal = new AuditJournal(dir, 1000);
        journal.append(records(0, 2));
        journal.append(records(2, 2));
        journal.close();
        Path file = journal.currentFile();
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, new byte[] {0, 0, 0, 50, 1, 2, 3}, StandardOpenOption.APPEND);
        assertEquals(4, AuditJournal.read(file).size(), "a frame cut short is ignored");
        bytes[bytes.length - 5] ^= 1;
        Files.write(file, bytes);
        assertEquals(2, AuditJournal.read(file).size(), "a damaged frame and what follows are ignored");
    }

    private List<ChainedRecord> records(int from, int count) {
        List<ChainedRecord> records = new ArrayList<>();
        SegmentHead head = new SegmentHead(9, 1, from, SegmentHead.GENESIS);
        for (int i = 0; i < count; i++) {
            ChainedRecord record = chain.append(head, AuditDatabase.event(1, "Encrypt", "r" + (from + i)), 1000 + i);
            records.add(record);
            head = head.after(record);
        }
        return records;
    }
}
