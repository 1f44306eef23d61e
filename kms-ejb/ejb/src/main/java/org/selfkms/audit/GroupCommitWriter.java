package org.selfkms.audit;

import org.selfkms.api.audit.AuditEvent;
import org.selfkms.api.error.KmsErrorCode;
import org.selfkms.api.error.KmsException;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
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
 * The bounded, batched, durable path of design section 6. Requests put their record into a bounded queue and
 * wait; one writer thread takes whatever has queued up (up to {@code maxBatch}), chains it, inserts it as one
 * JDBC batch in one transaction, and only after the commit lets the waiting requests answer. Under load the
 * batches grow, so one commit serves many requests (group commit).
 *
 * <p>Nothing is dropped silently: a full queue, a failed commit or a wait longer than {@code timeout} makes
 * {@link #record} throw, and the door fails the request. Sequence numbers and previous hashes are assigned
 * inside the batch's transaction, from the chain's head row locked in the database ({@link AuditTable#append}):
 * writers on several nodes share one tenant's chain, each batch continuing where the last commit - of whichever
 * node - left it.
 */
public final class GroupCommitWriter {

    private static final Logger LOG = Logger.getLogger(GroupCommitWriter.class.getName());
    private static final long POLL_MILLIS = 200;

    private record Pending(AuditEvent event, long time, CompletableFuture<Void> written) {
    }

    private final AuditTable table;
    private final AuditChain chain;
    private final Clock clock;
    private final BlockingQueue<Pending> queue;
    private final int maxBatch;
    private final Duration timeout;
    /**
     * The last record of each chain this writer knows committed (loaded at start, then its own batches); read by
     * verifications as a lower bound of the head row. Not where the next record goes: that is read per batch.
     */
    private final Map<Long, ChainHead> heads = new ConcurrentHashMap<>();
    private volatile boolean running;
    private Thread thread;

    public GroupCommitWriter(AuditTable table, AuditChain chain, Clock clock, int capacity, int maxBatch, Duration timeout) {
        this.table = table;
        this.chain = chain;
        this.clock = clock;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.maxBatch = maxBatch;
        this.timeout = timeout;
    }

    /** Loads where every chain continues, then starts the writer thread from {@code threads}. */
    public void start(ThreadFactory threads) throws SQLException {
        heads.putAll(table.loadHeads(chain));
        running = true;
        thread = threads.newThread(this::run);
        thread.start();
    }

    /** Stops taking records, writes what is queued, and waits (bounded) for the thread to end. */
    public void stop() throws InterruptedException {
        running = false;
        if (thread != null) {
            thread.join(timeout.toMillis());
        }
        for (Pending left = queue.poll(); left != null; left = queue.poll()) {
            left.written().completeExceptionally(new IllegalStateException("audit writer stopped"));
        }
    }

    /** Blocks until the record is committed; throws (INTERNAL) if it cannot be. */
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
            throw unavailable("the audit record was not committed within " + timeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            throw unavailable("the audit record could not be written");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable("interrupted while waiting for the audit record");
        }
    }

    /** The last record this writer committed to a tenant's chain, or null if none since start. */
    public ChainHead committedHead(long tenantId) {
        return heads.get(tenantId);
    }

    private void run() {
        List<Pending> batch = new ArrayList<>(maxBatch);
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, maxBatch - 1);
                write(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            } catch (RuntimeException e) {
                // Never let the one writer thread die: fail this batch and carry on.
                LOG.log(Level.SEVERE, "Audit writer failed a batch unexpectedly", e);
                batch.forEach(p -> p.written().completeExceptionally(e));
            } finally {
                batch.clear();
            }
        }
    }

    private void write(List<Pending> batch) {
        List<AuditTable.TimedEvent> events = new ArrayList<>(batch.size());
        batch.forEach(p -> events.add(new AuditTable.TimedEvent(p.event(), p.time())));
        Map<Long, ChainHead> moved;
        try {
            moved = table.append(events, chain);
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.SEVERE, "Could not write " + batch.size() + " audit records; their requests fail", e);
            batch.forEach(p -> p.written().completeExceptionally(e));
            return;
        }
        heads.putAll(moved);
        batch.forEach(p -> p.written().complete(null));
    }

    private static KmsException unavailable(String why) {
        LOG.severe("Audit record not written: " + why + "; the request fails");
        return new KmsException(KmsErrorCode.INTERNAL, "The request could not be recorded in the audit trail; its result is withheld");
    }
}
