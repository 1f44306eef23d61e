package org.selfkms.audit;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.selfkms.api.audit.AuditActivity;
import org.selfkms.api.audit.AuditActivity.Count;
import org.selfkms.api.audit.AuditActivity.Named;

/** Counts recent audit rows into time buckets, per action and per key. */
final class ActivityCounts {

    static final int TOP = 8;

    private ActivityCounts() {
    }

    static AuditActivity of(List<AuditTable.ActivityRow> rows, long from, long to, int bucketCount, boolean truncated) {
        long bucketMillis = Math.max(1, (to - from + bucketCount - 1) / bucketCount);
        long[] allowed = new long[bucketCount];
        long[] refused = new long[bucketCount];
        Map<String, long[]> actions = new HashMap<>();
        Map<String, long[]> keys = new HashMap<>();
        for (AuditTable.ActivityRow row : rows) {
            int bucket = (int) Math.min(bucketCount - 1, Math.max(0, (row.time() - from) / bucketMillis));
            int outcome = row.allowed() ? 0 : 1;
            (row.allowed() ? allowed : refused)[bucket]++;
            actions.computeIfAbsent(row.action(), a -> new long[2])[outcome]++;
            if (row.keyId() != null) {
                keys.computeIfAbsent(row.keyId(), k -> new long[2])[outcome]++;
            }
        }
        List<Count> buckets = new java.util.ArrayList<>(bucketCount);
        for (int i = 0; i < bucketCount; i++) {
            buckets.add(new Count(allowed[i], refused[i]));
        }
        return new AuditActivity(from, bucketMillis, buckets, top(actions), top(keys), truncated);
    }

    private static List<Named> top(Map<String, long[]> counts) {
        return counts.entrySet().stream()
                .map(entry -> new Named(entry.getKey(), new Count(entry.getValue()[0], entry.getValue()[1])))
                .sorted(Comparator.comparingLong((Named named) -> named.count().total()).reversed().thenComparing(Named::name))
                .limit(TOP).toList();
    }
}
