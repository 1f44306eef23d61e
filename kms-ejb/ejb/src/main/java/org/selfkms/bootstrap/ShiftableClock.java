package org.selfkms.bootstrap;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * TEST ONLY: the system clock moved by {@code kms.clock.offset-seconds}, a system property read on every
 * call so that an integration test can move a running server days ahead (through the management API) and
 * watch deletions and rotations fall due without waiting for them. It exists only when the server was
 * started with the {@link TestSwitch}; see {@link ClockProducer}.
 */
final class ShiftableClock extends Clock {

    static final String OFFSET = "kms.clock.offset-seconds";

    private final Clock base;

    ShiftableClock(Clock base) {
        this.base = base;
    }

    /** Seconds to add to the real time; an unset or unreadable value is no shift (and said so). */
    static long offsetSeconds() {
        String value = System.getProperty(OFFSET);
        if (value == null || value.isBlank()) {
            return 0;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalStateException(OFFSET + " must be a whole number of seconds, not '" + value + "'", e);
        }
    }

    @Override
    public Instant instant() {
        return base.instant().plusSeconds(offsetSeconds());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the KMS clock is UTC");
    }
}
