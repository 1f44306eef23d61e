package org.selfkms.key.lifecycle;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import org.selfkms.bootstrap.TestSwitch;
import org.selfkms.settings.Setting;
import org.selfkms.settings.Settings;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs the {@link LifecycleSweep} on every node at a fixed interval ({@code kms.timers.sweep-interval-seconds},
 * default 60). The timer itself is deliberately not persistent: what must survive restarts and happen once
 * per cluster is the work, and that is state in the database (due times, row locks), not timer state.
 *
 * <p>TEST ONLY, with the {@link TestSwitch} on: a second timer checks every second whether an integration
 * test asked for a sweep (setting {@code kms.timers.sweep-request}, a system property set through the management API) and, when
 * the pass has finished, echoes the request in {@value #SWEEP_DONE}. It reads a property, nothing else.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrator")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class LifecycleTimer {

    static final String INTERVAL_PROPERTY = Setting.TIMERS_SWEEP_INTERVAL_SECONDS.property();
    static final long DEFAULT_INTERVAL_SECONDS = 60;
    static final long MAX_INTERVAL_SECONDS = 86_400;
    static final String SWEEP_REQUEST = Setting.TIMERS_SWEEP_REQUEST.property();
    static final String SWEEP_DONE = "kms.timers.sweep-done";
    private static final String PERIODIC = "lifecycle-sweep";
    private static final String ON_REQUEST = "lifecycle-sweep-on-request";
    private static final Logger LOG = Logger.getLogger(LifecycleTimer.class.getName());

    @Resource
    private TimerService timers;

    @EJB
    private LifecycleSweep sweep;

    private final AtomicBoolean running = new AtomicBoolean();
    private volatile String lastRequest;

    @PostConstruct
    void schedule() {
        long millis = intervalSeconds(Settings.server().optional(Setting.TIMERS_SWEEP_INTERVAL_SECONDS).orElse(null)) * 1000;
        timers.createIntervalTimer(millis, millis, new TimerConfig(PERIODIC, false));
        if (TestSwitch.on()) {
            LOG.warning("TEST-ONLY: lifecycle sweeps run on request (" + SWEEP_REQUEST + ")");
            lastRequest = Settings.server().optional(Setting.TIMERS_SWEEP_REQUEST).orElse(null);
            timers.createIntervalTimer(1000, 1000, new TimerConfig(ON_REQUEST, false));
        }
    }

    /** The configured interval; a value that is not a number of seconds from 1 to a day stops the deployment. */
    static long intervalSeconds(String configured) {
        if (configured == null || configured.isBlank()) {
            return DEFAULT_INTERVAL_SECONDS;
        }
        try {
            long seconds = Long.parseLong(configured.strip());
            if (seconds >= 1 && seconds <= MAX_INTERVAL_SECONDS) {
                return seconds;
            }
        } catch (NumberFormatException e) {
            // reported below, with the rule
        }
        throw new IllegalStateException(INTERVAL_PROPERTY + " must be a whole number of seconds from 1 to "
                + MAX_INTERVAL_SECONDS + ", not '" + configured + "'");
    }

    @Timeout
    void onTimeout(Timer timer) {
        if (ON_REQUEST.equals(timer.getInfo())) {
            sweepIfRequested();
        } else {
            sweepOnce();
        }
    }

    private void sweepIfRequested() {
        String request = Settings.server().optional(Setting.TIMERS_SWEEP_REQUEST).orElse(null);
        if (request != null && !request.equals(lastRequest) && sweepOnce()) {
            lastRequest = request;
            System.setProperty(SWEEP_DONE, request);
        }
    }

    /** @return false if a pass was already running (it covers this tick) or failed as a whole */
    private boolean sweepOnce() {
        if (!running.compareAndSet(false, true)) {
            return false;
        }
        try {
            sweep.sweep();
            return true;
        } catch (RuntimeException e) {
            // e.g. the database unreachable: nothing changed, the next tick tries again.
            LOG.log(Level.WARNING, "Lifecycle sweep failed; the next one retries", e);
            return false;
        } finally {
            running.set(false);
        }
    }
}
