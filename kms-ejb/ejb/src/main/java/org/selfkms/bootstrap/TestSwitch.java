package org.selfkms.bootstrap;

/**
 * TEST ONLY. {@code -Dkms.clock.adjustable=true} at server start turns on the hooks that integration tests
 * need to prove time-dependent behaviour on a real server: a shiftable clock ({@link ShiftableClock}) and a
 * lifecycle sweep on request. Off unless given explicitly; a server with it on logs a warning at start.
 */
public final class TestSwitch {

    public static final String PROPERTY = "kms.clock.adjustable";

    private TestSwitch() {
    }

    public static boolean on() {
        return Boolean.getBoolean(PROPERTY);
    }
}
