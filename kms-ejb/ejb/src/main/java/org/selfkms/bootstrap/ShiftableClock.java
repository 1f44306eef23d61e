package org.selfkms.bootstrap;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.selfkms.settings.Setting;
import org.selfkms.settings.Settings;

/**
 * TEST ONLY: the system clock moved by {@code kms.clock.offset-seconds}, a system property read on every
 * call so that an integration test can move a running server days ahead (through the management API) and
 * watch deletions and rotations fall due without waiting for them. It exists only when the server was
 * started with the {@link TestSwitch}; see {@link ClockProducer}.
 */
final class ShiftableClock extends Clock {

    static final String OFFSET = Setting.CLOCK_OFFSET_SECONDS.property();

    private final Clock base;

    ShiftableClock(Clock base) {
        this.base = base;
    }

    /** Seconds to add to the real time; unset is no shift, an unreadable value an error that names the setting. */
    static long offsetSeconds() {
        return Settings.server().longValue(Setting.CLOCK_OFFSET_SECONDS, 0);
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
