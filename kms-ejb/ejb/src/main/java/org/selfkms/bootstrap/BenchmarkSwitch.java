package org.selfkms.bootstrap;

/**
 * BENCHMARK ONLY. A server started with the system property {@code kms.benchmark.discard-audit} set (to {@code true}
 * or {@code false}) is in benchmark mode: while the property is {@code true} - it can be changed on the running server
 * through its management interface - the audit log accepts every record without writing it, so that the load benchmark
 * (kms-ejb/bench/run-load-benchmark.sh, docs/performance.md) can show what the audit trail itself costs a request, on
 * one warm server. It breaks the durability rule of the audit trail on purpose: never on a server that serves anyone.
 * A server started without the property never looks at it again; one started with it says so in the log at start, at
 * SEVERE, and neither the environment nor any configuration file of the build sets it.
 */
public final class BenchmarkSwitch {

    public static final String DISCARD_AUDIT = "kms.benchmark.discard-audit";

    private BenchmarkSwitch() {
    }

    /** Whether this server was started in benchmark mode. */
    public static boolean benchmarkMode() {
        return System.getProperty(DISCARD_AUDIT) != null;
    }

    /** In benchmark mode: whether audit records are to be discarded right now. */
    public static boolean discardAudit() {
        return Boolean.getBoolean(DISCARD_AUDIT);
    }
}
