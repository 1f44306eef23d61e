package org.selfkms.api.audit;

import java.io.Serializable;
import java.util.List;

/**
 * How busy a tenant's trail was over a recent window: requests and refusals per time bucket, per action and for the
 * busiest keys. Read from the newest records back, at most {@link #MAX_RECORDS} of them, so that it costs the same
 * however busy the server is; {@code truncated} says the window held more and the counts cover only its newest part.
 *
 * @param fromMillis   start of the window (epoch milliseconds); bucket {@code i} starts at {@code fromMillis + i * bucketMillis}
 * @param buckets      oldest first
 * @param actions      the busiest actions, most requests first
 * @param keys         the busiest keys by id, most requests first
 * @param truncated    whether older records of the window were left out
 */
public record AuditActivity(long fromMillis, long bucketMillis, List<Count> buckets, List<Named> actions, List<Named> keys,
                            boolean truncated) implements Serializable {

    public static final int MAX_RECORDS = 100_000;

    public AuditActivity {
        buckets = List.copyOf(buckets);
        actions = List.copyOf(actions);
        keys = List.copyOf(keys);
    }

    /** Answered and refused (DENIED or FAILED) requests. */
    public record Count(long allowed, long refused) implements Serializable {
        public long total() {
            return allowed + refused;
        }
    }

    public record Named(String name, Count count) implements Serializable {
    }
}
