package org.selfkms.bootstrap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import java.time.Clock;
import java.util.logging.Logger;

/**
 * One clock for all services, so tests of time-dependent rules can replace it in one place. The default
 * clock is the KMS's business time (creation, deletion and rotation dates, the lifecycle timers); the
 * {@link WallClock} is always the machine's real time.
 */
@ApplicationScoped
public class ClockProducer {

    private static final Logger LOG = Logger.getLogger(ClockProducer.class.getName());

    private final Clock clock;

    public ClockProducer() {
        if (TestSwitch.on()) {
            LOG.warning("*** TEST-ONLY SWITCH " + TestSwitch.PROPERTY + "=true: the KMS clock follows the system property "
                    + ShiftableClock.OFFSET + " and key deletions and rotations can be forced at will. "
                    + "Never run a production server with this switch. ***");
            clock = new ShiftableClock(Clock.systemUTC());
        } else {
            clock = Clock.systemUTC();
        }
    }

    @Produces
    Clock clock() {
        return clock;
    }

    @Produces
    @WallClock
    Clock wallClock() {
        return Clock.systemUTC();
    }
}
