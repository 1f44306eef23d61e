package org.selfkms.audit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The embedded H2's way: a batch is durable once it is in the local {@link AuditJournal}, and reaches the database
 * later, in large batches - when {@code maxPending} records are waiting, {@code interval} after the oldest of them,
 * or whenever someone needs the database to be complete (a search, a verification, a checkpoint, the stop).
 *
 * <p>Why: H2 rewrites, at every commit, the pages each index changed, and keeps the old ones for 45 s; a commit
 * per request made the file grow by about 20 KB per request and cost more CPU than the request itself. Large
 * batches cost a few hundred bytes and a fraction of the CPU per record (docs/performance.md).
 *
 * <p>The records of a journal file are kept in memory until the database has them; a thread of its own inserts them,
 * so a request never waits for the database. If the database stays unavailable, files pile up (durable) and
 * the writer refuses new records once {@code maxBacklog} are waiting: bounded, never silently dropped.
 */
final class JournalSink implements RecordSink {

    private static final Logger LOG = Logger.getLogger(JournalSink.class.getName());
    private static final long RETRY_MILLIS = 1000;
    /** How often the flusher looks whether pending records are due. */
    private static final long TICK_MILLIS = 50;

    private record Handed(Path file, List<ChainedRecord> records, long upTo) {
    }

    private final AuditJournal journal;
    private final AuditAppender appender;
    private final Clock clock;
    private final int maxPending;
    private final int maxBacklog;
    private final Duration interval;
    private final BlockingQueue<Handed> handed = new LinkedBlockingQueue<>();
    private final Map<Long, SegmentHead> committed = new ConcurrentHashMap<>();
    /** Records stored (journalled) and records in the database, counted since start; the flush waits compare them. */
    private final AtomicLong stored = new AtomicLong();
    private final AtomicLong inDatabase = new AtomicLong();
    private final AtomicLong backlog = new AtomicLong();
    private final Object progress = new Object();
    private volatile boolean flushWanted;
    private volatile boolean running = true;
    private List<ChainedRecord> pending = new ArrayList<>();
    private long oldestPendingMillis;
    private Thread flusher;

    JournalSink(AuditJournal journal, AuditAppender appender, Clock clock, int maxPending, int maxBacklog, Duration interval) {
        this.journal = journal;
        this.appender = appender;
        this.clock = clock;
        this.maxPending = maxPending;
        this.maxBacklog = maxBacklog;
        this.interval = interval;
    }

    void start(ThreadFactory threads) {
        flusher = threads.newThread(this::flushLoop);
        flusher.setName("kms-audit-flusher");
        flusher.start();
    }

    @Override
    public synchronized void store(List<ChainedRecord> records, Collection<SegmentHead> heads) throws IOException {
        if (backlog.get() + pending.size() >= maxBacklog) {
            throw new IOException("the database has not taken the audit journal's last " + backlog.get() + " records");
        }
        journal.append(records);
        if (pending.isEmpty()) {
            oldestPendingMillis = clock.millis();
        }
        pending.addAll(records);
        stored.addAndGet(records.size());
        if (pending.size() >= maxPending) {
            handOn();
        }
    }

    /** Hands the pending records on if it is time: {@code interval} after the oldest, or someone waits for them. */
    private synchronized void tick() {
        if (!pending.isEmpty() && (flushWanted || clock.millis() - oldestPendingMillis >= interval.toMillis())) {
            handOn();
        }
    }

    /** Moves to a new journal file and gives the records of the closed one to the flusher. */
    private void handOn() {
        flushWanted = false;
        try {
            Path file = journal.rotate();
            backlog.addAndGet(pending.size());
            handed.add(new Handed(file, pending, stored.get()));
            pending = new ArrayList<>();
        } catch (IOException e) {
            // stays pending in the current file; the next tick tries again
            LOG.log(Level.SEVERE, "Cannot start a new audit journal file", e);
        }
    }

    @Override
    public boolean flushed(Duration timeout) {
        long target = stored.get();
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (progress) {
            while (inDatabase.get() < target) {
                flushWanted = true;
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    progress.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return true;
    }

    @Override
    public Map<Long, SegmentHead> committedHeads() {
        return Map.copyOf(committed);
    }

    private void flushLoop() {
        while (running || !handed.isEmpty()) {
            tick();
            Handed next;
            try {
                next = handed.poll(TICK_MILLIS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (next == null) {
                continue;
            }
            while (!insert(next)) {
                if (!running && handed.isEmpty()) {
                    return;
                }
                try {
                    Thread.sleep(RETRY_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private boolean insert(Handed next) {
        Map<Long, SegmentHead> heads = new LinkedHashMap<>();
        for (ChainedRecord record : next.records()) {
            heads.put(record.segmentId(), new SegmentHead(record.segmentId(), record.tenantId(), record.sequence(), record.recordHash()));
        }
        try {
            appender.append(next.records(), heads.values());
        } catch (Exception e) {
            LOG.log(Level.SEVERE, "Could not move " + next.records().size() + " audit records from the journal into the "
                    + "database; they stay in " + next.file() + " and are tried again", e);
            return false;
        }
        committed.putAll(heads);
        backlog.addAndGet(-next.records().size());
        try {
            Files.deleteIfExists(next.file());
        } catch (IOException e) {
            // replayed at the next start: records already in the database are skipped there
            LOG.log(Level.WARNING, "Could not delete the audit journal file " + next.file(), e);
        }
        synchronized (progress) {
            inDatabase.set(next.upTo());
            progress.notifyAll();
        }
        return true;
    }

    /** Hands on what is pending and waits (bounded) for the database to take it. */
    @Override
    public void close() {
        flushWanted = true;
        tick();
        running = false;
        if (flusher != null) {
            try {
                flusher.join(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        journal.close();
        appender.close();
    }
}
