package org.selfkms.bench.load;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a server's CPU goes, from the execution samples of a JFR recording (run-load-benchmark.sh with
 * {@code KMS_BENCH_JFR=1}): each sample is charged to the first frame, from the innermost outwards, that belongs
 * to one of the layers below - so a HMAC computed for the signature check counts as cryptography, the JSON
 * parser called by the door as JSON - except that everything below the audit trail's code (the leader's chaining,
 * journal write or JDBC commit) and the journal flusher's thread count as the audit's. Also
 * prints the innermost methods that take the most samples.
 */
public final class JfrBreakdown {

    /** A layer and the frame prefixes (package or class names) that belong to it, checked in this order. */
    record Layer(String name, List<String> prefixes) {
    }

    static final List<Layer> LAYERS = List.of(
            new Layer("H2 database engine", List.of("org.h2.")),
            new Layer("PostgreSQL JDBC driver", List.of("org.postgresql.")),
            new Layer("JDBC pool (IronJacamar)", List.of("org.jboss.jca.", "org.jboss.as.connector.")),
            new Layer("class loading, ServiceLoader, reflection", List.of("java.util.ServiceLoader", "jdk.internal.loader.",
                    "java.lang.ClassLoader", "org.jboss.modules.", "java.lang.Class.", "jdk.internal.reflect.",
                    "java.lang.reflect.")),
            new Layer("cryptography (JCE, Bouncy Castle)", List.of("javax.crypto.", "com.sun.crypto.", "sun.security.",
                    "java.security.", "org.bouncycastle.")),
            new Layer("JSON-P (Parsson)", List.of("org.eclipse.parsson.", "jakarta.json.")),
            new Layer("RESTEasy (JAX-RS)", List.of("org.jboss.resteasy.")),
            new Layer("Weld (CDI proxies, contexts)", List.of("org.jboss.weld.")),
            new Layer("EJB container (proxies, interceptors, transactions)", List.of("org.jboss.as.ejb3.", "org.jboss.invocation.",
                    "org.jboss.as.ee.", "com.arjuna.", "org.wildfly.transaction.", "org.jboss.as.txn.", "org.jboss.ejb.")),
            new Layer("Undertow, servlet, XNIO (HTTP)", List.of("io.undertow.", "org.xnio.", "org.wildfly.extension.undertow.",
                    "org.wildfly.security.")),
            new Layer("KMS code", List.of("org.selfkms.")),
            new Layer("network and file I/O (JDK)", List.of("sun.nio.", "java.nio.", "sun.net.", "java.io.")),
            new Layer("logging", List.of("org.jboss.logmanager.", "org.jboss.logging.", "java.util.logging.")));

    private JfrBreakdown() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, Integer> byLayer = new HashMap<>();
        Map<String, Integer> byMethod = new HashMap<>();
        int total = 0;
        List<Duration> pauses = new ArrayList<>();
        try (RecordingFile recording = new RecordingFile(Path.of(args[0]))) {
            while (recording.hasMoreEvents()) {
                RecordedEvent event = recording.readEvent();
                if (event.getEventType().getName().equals("jdk.GarbageCollection")) {
                    pauses.add(event.getDuration("sumOfPauses"));
                    continue;
                }
                if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
                    continue;
                }
                total++;
                RecordedStackTrace stack = event.getStackTrace();
                String thread = event.getThread("sampledThread") == null ? "" : event.getThread("sampledThread").getJavaName();
                byLayer.merge(layerOf(thread, stack.getFrames()), 1, Integer::sum);
                if (!stack.getFrames().isEmpty()) {
                    byMethod.merge(name(stack.getFrames().get(0)), 1, Integer::sum);
                }
            }
        }
        System.out.printf("%d execution samples%n%-55s %7s%n", total, "layer", "share");
        int all = Math.max(total, 1);
        byLayer.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(e -> System.out.printf("%-55s %6.1f%%%n", e.getKey(), 100.0 * e.getValue() / all));
        System.out.printf("%nhottest innermost methods%n");
        byMethod.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(25)
                .forEach(e -> System.out.printf("%6.1f%%  %s%n", 100.0 * e.getValue() / all, e.getKey()));
        // Pauses stop every request thread at once: they set the tail latency of a loaded server.
        long pausedMillis = pauses.stream().mapToLong(Duration::toMillis).sum();
        long longest = pauses.stream().mapToLong(Duration::toMillis).max().orElse(0);
        System.out.printf("%ngarbage collections: %d, paused %d ms in all, longest pause %d ms%n", pauses.size(), pausedMillis,
                longest);
    }

    static String layerOf(String thread, List<RecordedFrame> frames) {
        if (thread.startsWith("kms-audit-")) {
            return "audit journal flusher (H2 inserts and commits)";
        }
        for (RecordedFrame frame : frames) {
            if (name(frame).startsWith("org.selfkms.audit.")) {
                return "audit trail on request threads (chaining, journal or JDBC, commit)";
            }
        }
        for (RecordedFrame frame : frames) {
            String name = name(frame);
            for (Layer layer : LAYERS) {
                for (String prefix : layer.prefixes()) {
                    if (name.startsWith(prefix)) {
                        return layer.name();
                    }
                }
            }
        }
        return "other (JDK, JVM)";
    }

    private static String name(RecordedFrame frame) {
        return frame.getMethod() == null ? "?" : frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }
}
