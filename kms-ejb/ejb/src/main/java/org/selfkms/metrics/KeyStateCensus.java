package org.selfkms.metrics;

import org.selfkms.api.key.KeyState;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keys by state in the whole database, for the {@code kms_keys} gauge. Counted only when the metrics are read, and at
 * most every {@value #MAX_AGE_SECONDS} seconds, on the container's executor: a scrape never waits for the database and
 * scrapes at any rate cost at most one {@code GROUP BY} per interval. A scrape therefore sees counts up to that old.
 *
 * <p>A plain object, not a CDI bean: scrapes call it on the management interface's threads, where WildFly's CDI cannot
 * find the deployment (its client proxies would create a second instance, without the deployment's resources).
 */
public final class KeyStateCensus {

    static final long MAX_AGE_SECONDS = 10;
    private static final Logger LOG = Logger.getLogger(KeyStateCensus.class.getName());
    private static final String COUNT = "SELECT key_state, COUNT(*) FROM kms_cmk GROUP BY key_state";

    private final DataSource dataSource;
    private final Executor executor;

    private volatile Map<KeyState, Long> counts = Map.of();
    private volatile long countedAt = System.nanoTime() - TimeUnit.SECONDS.toNanos(MAX_AGE_SECONDS + 1);
    private final AtomicBoolean counting = new AtomicBoolean();

    KeyStateCensus(DataSource dataSource, Executor executor) {
        this.dataSource = dataSource;
        this.executor = executor;
    }

    /** The last count of keys in this state; starts a new count if that one is too old. */
    public long count(KeyState state) {
        if (System.nanoTime() - countedAt > TimeUnit.SECONDS.toNanos(MAX_AGE_SECONDS) && counting.compareAndSet(false, true)) {
            try {
                executor.execute(this::recount);
            } catch (RuntimeException notNow) {
                // rejected, or the deployment is stopping: the gauge keeps its last counts
                counting.set(false);
            }
        }
        return counts.getOrDefault(state, 0L);
    }

    private void recount() {
        try (Connection db = dataSource.getConnection(); Statement query = db.createStatement();
             ResultSet rows = query.executeQuery(COUNT)) {
            Map<KeyState, Long> counted = new EnumMap<>(KeyState.class);
            while (rows.next()) {
                try {
                    counted.put(KeyState.valueOf(rows.getString(1)), rows.getLong(2));
                } catch (IllegalArgumentException unknown) {
                    // a state a newer node wrote: not this node's to report
                }
            }
            counts = counted;
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.FINE, "Key census failed; the gauge keeps its last counts", e);
        } finally {
            countedAt = System.nanoTime();
            counting.set(false);
        }
    }
}
