package org.selfkms.audit;

import org.selfkms.api.audit.AuditEvent;
import org.selfkms.api.error.KmsErrorCode;
import org.selfkms.api.error.KmsException;
import org.selfkms.api.metrics.KmsMetrics;

import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The bounded, batched, durable path of the audit trail. A request puts its record into a bounded queue; then
 * whichever request finds the writer free becomes its leader (group commit by leader and followers): it takes whatever
 * has queued up (up to {@code maxBatch}), chains each record into its tenant's segment of this writer, hands the batch
 * to the {@link RecordSink} in one piece, and lets the requests of the batch answer once that returned; meanwhile the
 * records that arrive wait for the next batch. Under load the batches grow, so one commit (or journal write) serves
 * many requests. No thread of its own: on a busy machine, waking a dedicated writer thread for every batch cost about a
 * millisecond of scheduling per request (docs/performance.md); the leader is a request thread that is running already.
 *
 * <p>A leader writes at most {@value #LEADER_BATCHES} batches beyond its own record, then hands the lead to the
 * oldest waiting request, so no request pays for more than a few batches of others.
 *
 * <p>The writer appends only to segments it opened itself ({@link Segment}): nothing is read or locked in the database
 * per batch, and a writer on another node never waits for this one. A segment is opened - its row and the checkpoint
 * that registers it stored - the first time a tenant's record arrives after the start, and again after a batch failed
 * (whether a failed commit stored anything is then unknown, so the writer does not continue a chain whose end it does
 * not know).
 *
 * <p>Nothing is dropped silently: a full queue, a failed batch or a wait longer than {@code timeout} makes
 * {@link #record} throw, and the door fails the request.
 */
public final class GroupCommitWriter {

    private static final Logger LOG = Logger.getLogger(GroupCommitWriter.class.getName());
    private static final int OPEN_ATTEMPTS = 5;
    static final int LEADER_BATCHES = 4;
    /** A waiting request looks at the writer at least this often, whatever it was told (a safety net only). */
    private static final long RECHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

    /** One request's record, and how its wait ends. */
    private static final class Pending {
        final AuditEvent event;
        final long time;
        final Thread waiter = Thread.currentThread();
        volatile boolean written;
        volatile Throwable failure;

        Pending(AuditEvent event, long time) {
            this.event = event;
            this.time = time;
        }

        boolean done() {
            return written || failure != null;
        }

        void written() {
            written = true;
            LockSupport.unpark(waiter);
        }

        void failed(Throwable why) {
            failure = why;
            LockSupport.unpark(waiter);
        }

        /** Wakes the waiting request to take the lead. */
        void wake() {
            LockSupport.unpark(waiter);
        }
    }

    /** This writer's current segment of a tenant and its head, as stored. Under the lock only. */
    private static final class OpenSegment {
        final Segment segment;
        SegmentHead head;

        OpenSegment(Segment segment) {
            this.segment = segment;
            this.head = SegmentHead.empty(segment.id(), segment.tenantId());
        }
    }

    private final AuditAppender opener;
    private final RecordSink sink;
    private final AuditChain chain;
    private final Checkpoints checkpoints;
    private final Clock clock;
    private final BlockingQueue<Pending> queue;
    private final int maxBatch;
    private final Duration timeout;
    private final ReentrantLock leader = new ReentrantLock();
    private final Map<Long, OpenSegment> open = new HashMap<>();
    private final SecureRandom random = new SecureRandom();
    /** Every segment this writer opened since its start, with its tenant: what verification may expect to find. */
    private final Map<Long, Long> opened = new ConcurrentHashMap<>();
    private volatile boolean running = true;
    private final KmsMetrics metrics;
    /** When a batch was last stored (System.nanoTime()), for the health check's "not stuck". */
    private volatile long lastStored = System.nanoTime();

    GroupCommitWriter(AuditAppender opener, RecordSink sink, AuditChain chain, Checkpoints checkpoints, Clock clock,
                      int capacity, int maxBatch, Duration timeout) {
        this(opener, sink, chain, checkpoints, clock, capacity, maxBatch, timeout, KmsMetrics.NONE);
    }

    GroupCommitWriter(AuditAppender opener, RecordSink sink, AuditChain chain, Checkpoints checkpoints, Clock clock,
                      int capacity, int maxBatch, Duration timeout, KmsMetrics metrics) {
        this.metrics = metrics;
        this.opener = opener;
        this.sink = sink;
        this.chain = chain;
        this.checkpoints = checkpoints;
        this.clock = clock;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.maxBatch = maxBatch;
        this.timeout = timeout;
    }

    /** Stops taking records, writes what is queued, and closes the sink (which hands everything to the database). */
    public void stop() {
        running = false;
        leader.lock();
        try {
            for (List<Pending> batch = drain(); !batch.isEmpty(); batch = drain()) {
                write(batch);
            }
        } finally {
            leader.unlock();
        }
        sink.close();
        opener.close();
    }

    /** Blocks until the record is durable; throws (INTERNAL) if it cannot be. */
    public void record(AuditEvent event) {
        if (!running) {
            throw unavailable("the audit writer is not running");
        }
        Pending pending = new Pending(event, clock.millis());
        if (!queue.offer(pending)) {
            throw unavailable("the audit queue is full");
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!pending.done()) {
            if (leader.tryLock()) {
                try {
                    lead(pending);
                } finally {
                    leader.unlock();
                }
                handOn();
                continue;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw unavailable("the audit record was not stored within " + timeout.toMillis() + " ms");
            }
            LockSupport.parkNanos(this, Math.min(left, RECHECK_NANOS));
            if (Thread.interrupted()) {
                Thread.currentThread().interrupt();
                throw unavailable("interrupted while waiting for the audit record");
            }
        }
        if (pending.failure != null) {
            throw unavailable("the audit record could not be written");
        }
    }

    /** Writes batches until the leader's own record is written, and at most {@value #LEADER_BATCHES} more. */
    private void lead(Pending own) {
        int extra = 0;
        while (extra < LEADER_BATCHES) {
            List<Pending> batch = drain();
            if (batch.isEmpty()) {
                return;
            }
            try {
                write(batch);
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "Audit writer failed a batch unexpectedly", e);
                batch.forEach(p -> p.failed(e));
                open.clear();
            }
            if (own.done()) {
                extra++;
            }
        }
    }

    /**
     * After a leader let go: if records wait, wake the oldest's request to lead. A request that queued while the lock
     * was held and found it taken is in the queue by now (it queued before it tried the lock), so none is stranded.
     */
    private void handOn() {
        Pending next = queue.peek();
        if (next != null) {
            next.wake();
        }
    }

    private List<Pending> drain() {
        List<Pending> batch = new ArrayList<>(Math.min(maxBatch, queue.size() + 1));
        queue.drainTo(batch, maxBatch);
        return batch;
    }

    /** Records waiting for a batch; a number that only grows means the writer is stuck. */
    public int queueDepth() {
        return queue.size();
    }

    /** Whether records wait and no batch was stored for this long: the writer makes no progress. */
    public boolean stuckFor(Duration patience) {
        return !queue.isEmpty() && System.nanoTime() - lastStored > patience.toNanos();
    }

    /** Whether records are still taken (false once the deployment stops the writer). */
    public boolean running() {
        return running;
    }

    /** Waits until every record acknowledged so far is in the database (searches and verifications read it there). */
    public boolean flushed(Duration wait) {
        return sink.flushed(wait);
    }

    /** Heads of this writer's segments as committed to the database. */
    public Map<Long, SegmentHead> committedHeads() {
        return sink.committedHeads();
    }

    /** The segments this writer opened since it started, by id, with their tenants. */
    public Map<Long, Long> openedSegments() {
        return Map.copyOf(opened);
    }

    private void write(List<Pending> batch) {
        List<ChainedRecord> records = new ArrayList<>(batch.size());
        List<Pending> chained = new ArrayList<>(batch.size());
        Map<Long, SegmentHead> moved = new LinkedHashMap<>();
        for (Pending p : batch) {
            OpenSegment segment = open.get(p.event.tenantId());
            if (segment == null) {
                try {
                    segment = openSegment(p.event.tenantId());
                } catch (SQLException | RuntimeException e) {
                    LOG.log(Level.SEVERE, "Cannot open an audit segment for tenant " + p.event.tenantId()
                            + "; its request fails", e);
                    p.failed(e);
                    continue;
                }
            }
            SegmentHead head = moved.getOrDefault(segment.segment.id(), segment.head);
            ChainedRecord record = chain.append(head, p.event, p.time);
            moved.put(segment.segment.id(), head.after(record));
            records.add(record);
            chained.add(p);
        }
        if (records.isEmpty()) {
            return;
        }
        long started = System.nanoTime();
        try {
            sink.store(records, moved.values());
            long stored = System.nanoTime();
            lastStored = stored;
            metrics.auditBatch(records.size(), stored - started);
        } catch (Exception e) {
            LOG.log(Level.SEVERE, "Could not store " + records.size() + " audit records; their requests fail", e);
            // Whether anything was stored is unknown: continue these tenants in new segments.
            records.forEach(r -> open.remove(r.tenantId()));
            chained.forEach(p -> p.failed(e));
            return;
        }
        for (SegmentHead head : moved.values()) {
            open.get(head.tenantId()).head = head;
        }
        chained.forEach(Pending::written);
    }

    private OpenSegment openSegment(long tenantId) throws SQLException {
        SQLException last = null;
        for (int attempt = 0; attempt < OPEN_ATTEMPTS; attempt++) {
            Segment segment = new Segment(newId(), tenantId, Segment.FORMAT_SEGMENT);
            AuditTable.StoredCheckpoint registration;
            try {
                registration = opener.openSegment(segment, checkpoints.writer(), clock.millis(), checkpoints.signer());
            } catch (SQLException e) {
                if (!AuditTable.UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    throw e;
                }
                last = e; // the id was taken, or another writer appended a checkpoint of the tenant: again
                continue;
            }
            OpenSegment opened = new OpenSegment(segment);
            open.put(tenantId, opened);
            this.opened.put(segment.id(), tenantId);
            checkpoints.registered(opened.head, registration.number());
            return opened;
        }
        throw last;
    }

    private long newId() {
        long id;
        do {
            id = random.nextLong() & Long.MAX_VALUE;
        } while (id == 0);
        return id;
    }

    private static KmsException unavailable(String why) {
        LOG.severe("Audit record not written: " + why + "; the request fails");
        return new KmsException(KmsErrorCode.INTERNAL, "The request could not be recorded in the audit trail; its result is withheld");
    }
}
