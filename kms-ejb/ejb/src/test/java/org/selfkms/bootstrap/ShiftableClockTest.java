package org.selfkms.bootstrap;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ShiftableClockTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    @AfterEach
    void noShift() {
        System.clearProperty(ShiftableClock.OFFSET);
    }

    @Test
    void followsTheOffsetPropertyOnEveryCall() {
        Clock clock = new ShiftableClock(Clock.fixed(NOW, ZoneOffset.UTC));
        assertEquals(NOW, clock.instant(), "no property, no shift");
        System.setProperty(ShiftableClock.OFFSET, "691200");
        assertEquals(NOW.plusSeconds(691_200), clock.instant());
        System.setProperty(ShiftableClock.OFFSET, "-60");
        assertEquals(NOW.minusSeconds(60), clock.instant());
        System.clearProperty(ShiftableClock.OFFSET);
        assertEquals(NOW, clock.instant(), "removing the property resets the clock");
    }

    @Test
    void aBadOffsetIsAClearError() {
        Clock clock = new ShiftableClock(Clock.fixed(NOW, ZoneOffset.UTC));
        System.setProperty(ShiftableClock.OFFSET, "8 days");
        IllegalStateException e = assertThrows(IllegalStateException.class, clock::instant);
        assertTrue(e.getMessage().contains("kms.clock.offset-seconds"), e.getMessage());
    }

    @Test
    void theProductionClockIsNotShiftable() {
        System.clearProperty(TestSwitch.PROPERTY);
        System.setProperty(ShiftableClock.OFFSET, "691200");
        Instant before = Instant.now();
        Instant now = new ClockProducer().clock().instant();
        assertTrue(!now.isBefore(before) && now.isBefore(before.plusSeconds(60)), "the offset is ignored without the switch");
    }
}
