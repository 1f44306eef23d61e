package org.selfkms.audit;

import org.selfkms.api.audit.AuditEvent;
import org.selfkms.api.error.KmsErrorCode;
import org.selfkms.api.error.KmsException;

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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The bounded, batched, durable path of the audit trail. Requests put their record into a bounded queue and wait;
 * one writer thread takes whatever has queued up (up to {@code maxBatch}), chains each record into its tenant's
 * segment of this writer, hands the batch to the {@link RecordSink} in one piece, and only once that returns lets
 * the waiting requests answer. Under load the batches grow, so one commit (or journal write) serves many requests.
 *
 * <p>The writer appends only to segments it opened itself ({@link Segment}): nothing is read or locked per batch,
 * and a writer on another node never waits for this one. A segment is opened - its row and the checkpoint that
 * registers it stored - the first time a tenant's record arrives after the start, and again after a batch failed
 * (whether a failed commit stored anything is then unknown, so the writer does not continue a chain whose end it
 * does not know).
 *
 * <p>Nothing is dropped silently: a full queue, a failed batch or a wait longer than {@code timeout} makes
 * {@link #record} throw, and the door fails the request.
 */
public final class GroupCommitWriter {

    private static final Logger LOG = Logger.getLogger(GroupCommitWriter.class.getName());
    private static final long POLL_MILLIS = 50;
    private static final int OPEN_ATTEMPTS = 5;

    private record Pending(AuditEvent event, long time, CompletableFuture<Void> written) {
    }

    /** This writer's current segment of a tenant and its head, as stored. Writer thread only. */
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
    private final Map<Long, OpenSegment> open = new HashMap<>();
    private final SecureRandom random = new SecureRandom();
    /** Every segment this writer opened since its start, with its tenant: what verification may expect to find. */
    private final Map<Long, Long> opened = new ConcurrentHashMap<>();
    private volatile boolean running;
    private Thread thread;

    GroupCommitWriter(AuditAppender opener, RecordSink sink, AuditChain chain, Checkpoints checkpoints, Clock clock,
                      int capacity, int maxBatch, Duration timeout) {
        this.opener = opener;
        this.sink = sink;
        this.chain = chain;
        this.checkpoints = checkpoints;
        this.clock = clock;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.maxBatch = maxBatch;
        this.timeout = timeout;
    }

    public void start(ThreadFactory threads) {
        running = true;
        thread = threads.newThread(this::run);
        thread.setName("kms-audit-writer");
        thread.start();
    }

    /** Stops taking records, writes what is queued, and closes the sink (which hands everything to the database). */
    public void stop() throws InterruptedException {
        running = false;
        if (thread != null) {
            thread.join(timeout.toMillis());
        }
        for (Pending left = queue.poll(); left != null; left = queue.poll()) {
            left.written().completeExceptionally(new IllegalStateException("audit writer stopped"));
        }
        sink.close();
        opener.close();
    }

    /** Blocks until the record is durable; throws (INTERNAL) if it cannot be. */
    public void record(AuditEvent event) {
        if (!running) {
            throw unavailable("the audit writer is not running");
        }
        Pending pending = new Pending(event, clock.millis(), new CompletableFuture<>());
        if (!queue.offer(pending)) {
            throw unavailable("the audit queue is full");
        }
        try {
            pending.written().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw unavailable("the audit record was not stored within " + timeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            throw unavailable("the audit record could not be written");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable("interrupted while waiting for the audit record");
        }
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

    private void run() {
        List<Pending> batch = new ArrayList<>(maxBatch);
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
                if (first != null) {
                    batch.add(first);
                    queue.drainTo(batch, maxBatch - 1);
                    write(batch);
                }
                sink.tick();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            } catch (RuntimeException e) {
                // Never let the one writer thread die: fail this batch and carry on.
                LOG.log(Level.SEVERE, "Audit writer failed a batch unexpectedly", e);
                batch.forEach(p -> p.written().completeExceptionally(e));
                open.clear();
            } finally {
                batch.clear();
            }
        }
    }

    private void write(List<Pending> batch) {
        List<ChainedRecord> records = new ArrayList<>(batch.size());
        List<Pending> chained = new ArrayList<>(batch.size());
        Map<Long, SegmentHead> moved = new LinkedHashMap<>();
        for (Pending p : batch) {
            OpenSegment segment = open.get(p.event().tenantId());
            if (segment == null) {
                try {
                    segment = openSegment(p.event().tenantId());
                } catch (SQLException | RuntimeException e) {
                    LOG.log(Level.SEVERE, "Cannot open an audit segment for tenant " + p.event().tenantId()
                            + "; its request fails", e);
                    p.written().completeExceptionally(e);
                    continue;
                }
            }
            SegmentHead head = moved.getOrDefault(segment.segment.id(), segment.head);
            ChainedRecord record = chain.append(head, p.event(), p.time());
            moved.put(segment.segment.id(), head.after(record));
            records.add(record);
            chained.add(p);
        }
        if (records.isEmpty()) {
            return;
        }
        try {
            sink.store(records, moved.values());
        } catch (Exception e) {
            LOG.log(Level.SEVERE, "Could not store " + records.size() + " audit records; their requests fail", e);
            // Whether anything was stored is unknown: continue these tenants in new segments.
            records.forEach(r -> open.remove(r.tenantId()));
            chained.forEach(p -> p.written().completeExceptionally(e));
            return;
        }
        for (SegmentHead head : moved.values()) {
            open.get(head.tenantId()).head = head;
        }
        chained.forEach(p -> p.written().complete(null));
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
