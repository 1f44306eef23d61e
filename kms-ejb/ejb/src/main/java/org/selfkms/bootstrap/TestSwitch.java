package org.selfkms.bootstrap;

import org.selfkms.settings.Setting;
import org.selfkms.settings.Settings;
/**
 * TEST ONLY. {@code -Dkms.clock.adjustable=true} at server start turns on the hooks that integration tests
 * need to prove time-dependent behaviour on a real server: a shiftable clock ({@link ShiftableClock}) and a
 * lifecycle sweep on request. Off unless given explicitly; a server with it on logs a warning at start.
 */
public final class TestSwitch {

    public static final String PROPERTY = Setting.CLOCK_ADJUSTABLE.property();

    private TestSwitch() {
    }

    public static boolean on() {
        return Settings.server().booleanValue(Setting.CLOCK_ADJUSTABLE, false);
    }
}
