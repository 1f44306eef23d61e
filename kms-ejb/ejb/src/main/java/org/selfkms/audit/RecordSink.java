package org.selfkms.audit;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Where the writer's batches go and what counts as durable: straight into the database, one commit per batch
 * ({@link DatabaseSink}), or into a local journal first and into the database in large batches later
 * ({@link JournalSink}, for the embedded H2, where every commit costs a page rewrite of every index).
 */
interface RecordSink extends AutoCloseable {

    /**
     * Makes the batch durable, or throws; once it returns, the batch's requests may be answered. Called by the
     * writer's current leader only, one batch at a time.
     *
     * @param heads the batch's segments' new heads
     */
    void store(List<ChainedRecord> records, Collection<SegmentHead> heads) throws Exception;

    /** Waits until every record stored before the call is in the database; false if that took longer than the timeout. */
    boolean flushed(Duration timeout);

    /** The head of each segment as the database holds it, as far as this writer committed it. */
    Map<Long, SegmentHead> committedHeads();

    @Override
    void close();
}
