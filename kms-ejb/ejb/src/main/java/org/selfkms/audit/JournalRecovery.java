package org.selfkms.audit;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * At start, before the writer takes a record: moves into the database what earlier runs journalled but did not
 * get there (the server stopped or was killed in between), then deletes the files. A record is missing if its
 * sequence number is beyond its segment's head row; records already there are skipped, so a file replayed twice
 * does no harm.
 */
final class JournalRecovery {

    private static final Logger LOG = Logger.getLogger(JournalRecovery.class.getName());

    private JournalRecovery() {
    }

    /** @return how many records were moved into the database */
    static int recover(Path directory, DataSource dataSource, AuditChain chain) throws IOException, SQLException {
        int moved = 0;
        for (Path file : AuditJournal.leftovers(directory)) {
            List<ChainedRecord> records = AuditJournal.read(file);
            moved += insertMissing(dataSource, chain, records);
            Files.delete(file);
        }
        if (moved > 0) {
            LOG.info("Moved " + moved + " audit records from the journal of an earlier run into the database");
        }
        return moved;
    }

    private static int insertMissing(DataSource dataSource, AuditChain chain, List<ChainedRecord> records) throws SQLException {
        Map<Long, Long> stored = new HashMap<>();
        Map<Long, SegmentHead> heads = new LinkedHashMap<>();
        List<ChainedRecord> missing = new ArrayList<>();
        try (Connection db = dataSource.getConnection()) {
            for (ChainedRecord record : records) {
                Long have = stored.get(record.segmentId());
                if (have == null) {
                    have = AuditTable.segment(db, record.segmentId()).map(s -> s.head().sequence()).orElse(0L);
                }
                if (record.sequence() <= have) {
                    continue;
                }
                if (record.sequence() != have + 1) {
                    LOG.severe("The audit journal lacks records " + (have + 1) + " to " + (record.sequence() - 1)
                            + " of segment " + record.segmentId() + "; verification will report the gap");
                }
                stored.put(record.segmentId(), record.sequence());
                heads.put(record.segmentId(), new SegmentHead(record.segmentId(), record.tenantId(), record.sequence(), record.recordHash()));
                missing.add(record);
            }
        }
        // the segments of an earlier run: no writer appends to them any more, so reading and writing apart is safe
        try (AuditAppender appender = new AuditAppender(dataSource, chain)) {
            appender.append(missing, heads.values());
        }
        return missing.size();
    }
}
