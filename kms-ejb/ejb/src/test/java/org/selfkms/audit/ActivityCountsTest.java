package org.selfkms.audit;

import org.junit.jupiter.api.Test;
import org.selfkms.api.audit.AuditActivity;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class ActivityCountsTest {

    @Test
    void rowsFallIntoTheirBucketsAndTheBusiestComeFirst() {
        List<AuditTable.ActivityRow> rows = List.of(
                new AuditTable.ActivityRow(1_000, "Encrypt", "k1", true),
                new AuditTable.ActivityRow(1_500, "Encrypt", "k1", false),
                new AuditTable.ActivityRow(5_999, "Decrypt", "k2", true),
                new AuditTable.ActivityRow(9_999, "Encrypt", null, true),
                new AuditTable.ActivityRow(12_000, "ListKeys", null, true)); // written after "now": the last bucket
        AuditActivity activity = ActivityCounts.of(rows, 0, 10_000, 5, false);

        assertEquals(2_000, activity.bucketMillis());
        assertEquals(List.of(new AuditActivity.Count(1, 1), new AuditActivity.Count(0, 0), new AuditActivity.Count(1, 0),
                new AuditActivity.Count(0, 0), new AuditActivity.Count(2, 0)), activity.buckets());
        assertEquals("Encrypt", activity.actions().get(0).name());
        assertEquals(new AuditActivity.Count(2, 1), activity.actions().get(0).count());
        assertEquals(List.of("k1", "k2"), activity.keys().stream().map(AuditActivity.Named::name).toList(),
                "records without a key are not a key");
        assertFalse(activity.truncated());
    }
}
