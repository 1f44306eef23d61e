package org.selfkms.audit;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Every batch committed to the database before its requests are answered: the PostgreSQL way. */
final class DatabaseSink implements RecordSink {

    private final AuditAppender appender;
    private final Map<Long, SegmentHead> committed = new ConcurrentHashMap<>();

    DatabaseSink(AuditAppender appender) {
        this.appender = appender;
    }

    @Override
    public void store(List<ChainedRecord> records, Collection<SegmentHead> heads) throws Exception {
        appender.append(records, heads);
        heads.forEach(head -> committed.put(head.segmentId(), head));
    }

    @Override
    public boolean flushed(Duration timeout) {
        return true;
    }

    @Override
    public Map<Long, SegmentHead> committedHeads() {
        return Map.copyOf(committed);
    }

    @Override
    public void close() {
        appender.close();
    }
}
