package org.selfkms.bootstrap;

/**
 * BENCHMARK ONLY. {@code -Dkms.benchmark.discard-audit=true} at server start makes the audit log accept every
 * record without writing it, so that the load benchmark (kms-ejb/bench/run-load-benchmark.sh, docs/performance.md)
 * can show what the audit trail itself costs a request. It breaks the durability rule of the audit trail on
 * purpose: never on a server that serves anyone. Off unless given explicitly; a server with it on says so in the
 * log at start, at SEVERE, and it cannot be set through the environment or any configuration file of the build.
 */
public final class BenchmarkSwitch {

    public static final String DISCARD_AUDIT = "kms.benchmark.discard-audit";

    private BenchmarkSwitch() {
    }

    public static boolean discardAudit() {
        return Boolean.getBoolean(DISCARD_AUDIT);
    }
}
