package org.selfkms.bootstrap;

import org.selfkms.settings.Setting;
import org.selfkms.settings.Settings;
/**
 * BENCHMARK ONLY. A server started with the system property {@code kms.benchmark.discard-audit} set (to {@code true}
 * or {@code false}) is in benchmark mode: while the property is {@code true} - it can be changed on the running server
 * through its management interface - the audit log accepts every record without writing it, so that the load benchmark
 * (kms-ejb/bench/run-load-benchmark.sh, docs/performance.md) can show what the audit trail itself costs a request, on
 * one warm server. It breaks the durability rule of the audit trail on purpose: never on a server that serves anyone.
 * Like every setting it may also come from the environment ({@code KMS_BENCHMARK_DISCARD_AUDIT}), but only a
 * system property can be changed while the server runs. A server started without it never looks at it again; one
 * started with it says so in the log at start, at SEVERE, and no configuration file of the build sets it.
 */
public final class BenchmarkSwitch {

    public static final String DISCARD_AUDIT = Setting.BENCHMARK_DISCARD_AUDIT.property();

    private BenchmarkSwitch() {
    }

    /** Whether this server was started in benchmark mode. */
    public static boolean benchmarkMode() {
        return Settings.server().optional(Setting.BENCHMARK_DISCARD_AUDIT).isPresent();
    }

    /** In benchmark mode: whether audit records are to be discarded right now. */
    public static boolean discardAudit() {
        return Settings.server().booleanValue(Setting.BENCHMARK_DISCARD_AUDIT, false);
    }
}
