package org.selfkms.key.lifecycle;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LifecycleTimerTest {

    @Test
    void theSweepIntervalDefaultsToAMinute() {
        assertEquals(60, LifecycleTimer.intervalSeconds(null));
        assertEquals(60, LifecycleTimer.intervalSeconds(" "));
        assertEquals(1, LifecycleTimer.intervalSeconds("1"));
        assertEquals(86_400, LifecycleTimer.intervalSeconds(" 86400 "));
    }

    @Test
    void aBadSweepIntervalIsRefusedWithTheRule() {
        for (String bad : new String[]{"0", "-5", "86401", "1m", "ten"}) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> LifecycleTimer.intervalSeconds(bad), bad);
            assertTrue(e.getMessage().contains("kms.timers.sweep-interval-seconds") && e.getMessage().contains(bad), e.getMessage());
        }
    }
}
