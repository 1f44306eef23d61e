package org.selfkms.metrics.micrometer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.selfkms.api.gate.Door;
import org.selfkms.api.key.KeyState;
import org.selfkms.api.metrics.KmsMetrics;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import java.util.function.ToLongFunction;
import java.util.regex.Pattern;

/**
 * The KMS's meters in a Micrometer registry (names and labels: docs/observability.md). Every meter a request touches is
 * created once and then found by one hash lookup of the action's name, the string the door passed; nothing is built
 * per request.
 *
 * <p>Label values stay bounded. A door may pass on a client's header as the action, so an action gets series of its own
 * only once it was served on this node (then a door knew it), and at most {@value #MAX_ACTIONS} per door; every other
 * action is counted as {@value #OTHER}.
 */
final class MicrometerMetrics implements KmsMetrics {

    static final String OTHER = "other";
    static final int MAX_ACTIONS = 300;
    private static final Pattern ACTION_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9]{0,63}");

    /** Latency buckets of requests: a warm Encrypt takes well under a millisecond, a cold one or a rotation more. */
    private static final Duration[] REQUEST_BUCKETS = {
            Duration.ofNanos(250_000), Duration.ofNanos(500_000), Duration.ofMillis(1), Duration.ofMillis(2),
            Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
            Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
            Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10)};
    private static final Duration[] COMMIT_BUCKETS = {
            Duration.ofNanos(100_000), Duration.ofNanos(250_000), Duration.ofNanos(500_000), Duration.ofMillis(1),
            Duration.ofMillis(2), Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
            Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofSeconds(1),
            Duration.ofSeconds(5)};
    private static final double[] BATCH_BUCKETS = {1, 2, 5, 10, 20, 50, 100, 200, 500};

    /**
     * The meters of one action through one door, or of one token operation: a counter per outcome, in the order of the
     * outcome's enum, and one timer.
     */
    private record Meters(Counter[] byOutcome, Timer duration) {

        void record(Enum<?> outcome, long nanos) {
            byOutcome[outcome.ordinal()].increment();
            duration.record(nanos, TimeUnit.NANOSECONDS);
        }
    }

    private final MeterRegistry registry;
    private final List<Meter> registered = new CopyOnWriteArrayList<>();
    private final Map<Door, Map<String, Meters>> actions = new EnumMap<>(Door.class);
    private final Map<Door, Meters> others = new EnumMap<>(Door.class);
    /** Token meters by backend, then operation: both fixed names, a handful each. */
    private final Map<String, Map<String, Meters>> token = new ConcurrentHashMap<>();
    private final Map<Cache, Counter> hits = new EnumMap<>(Cache.class);
    private final Map<Cache, Counter> misses = new EnumMap<>(Cache.class);
    private final DistributionSummary batchSize;
    private final Timer batchCommit;

    private MicrometerMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (Door door : Door.values()) {
            actions.put(door, new ConcurrentHashMap<>());
            others.put(door, actionMeters(door, OTHER));
        }
        for (Cache cache : Cache.values()) {
            String name = cache.name().toLowerCase(Locale.ROOT);
            hits.put(cache, keep(Counter.builder("kms.cache.lookups").description("Lookups in a cache of the hot path")
                    .tag("cache", name).tag("result", "hit").register(registry)));
            misses.put(cache, keep(Counter.builder("kms.cache.lookups").description("Lookups in a cache of the hot path")
                    .tag("cache", name).tag("result", "miss").register(registry)));
        }
        batchSize = keep(DistributionSummary.builder("kms.audit.batch.size")
                .description("Audit records stored per batch").serviceLevelObjectives(BATCH_BUCKETS).register(registry));
        batchCommit = keep(Timer.builder("kms.audit.batch.commit")
                .description("Time to store one batch of audit records (database commit or journal write)")
                .serviceLevelObjectives(COMMIT_BUCKETS).register(registry));
    }

    /** @param registry a {@code MeterRegistry}, typed loosely for {@link MicrometerMetricsProvider} */
    static MicrometerMetrics on(Object registry) {
        return new MicrometerMetrics((MeterRegistry) registry);
    }

    @Override
    public void request(Door door, String action, Outcome outcome, long nanos) {
        Map<String, Meters> known = actions.get(door);
        Meters meters = action == null ? null : known.get(action);
        if (meters == null) {
            meters = outcome == Outcome.OK ? admit(door, known, action) : others.get(door);
        }
        meters.record(outcome, nanos);
    }

    /** A served action gets meters of its own while there is room; anything else counts as {@value #OTHER}. */
    private Meters admit(Door door, Map<String, Meters> known, String action) {
        if (action == null || known.size() >= MAX_ACTIONS || !ACTION_NAME.matcher(action).matches()) {
            return others.get(door);
        }
        return known.computeIfAbsent(action, name -> actionMeters(door, name));
    }

    private Meters actionMeters(Door door, String action) {
        String doorName = door.auditName();
        Counter[] byOutcome = new Counter[Outcome.values().length];
        for (Outcome outcome : Outcome.values()) {
            byOutcome[outcome.ordinal()] = requestCounter(doorName, action, outcome.name().toLowerCase(Locale.ROOT));
        }
        return new Meters(byOutcome, keep(Timer.builder("kms.request.duration")
                .description("Time the request gate took to serve a request")
                .tag("door", doorName).tag("action", action).serviceLevelObjectives(REQUEST_BUCKETS).register(registry)));
    }

    private Counter requestCounter(String door, String action, String outcome) {
        return keep(Counter.builder("kms.requests").description("Requests through the request gate")
                .tag("door", door).tag("action", action).tag("outcome", outcome).register(registry));
    }

    @Override
    public void auditBatch(int records, long nanos) {
        batchSize.record(records);
        batchCommit.record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void auditQueue(IntSupplier depth) {
        keep(Gauge.builder("kms.audit.queue.depth", depth, IntSupplier::getAsInt)
                .description("Audit records waiting for the writer").strongReference(true).register(registry));
    }

    @Override
    public void tokenOperation(String backend, String operation, TokenOutcome outcome, long nanos) {
        token.computeIfAbsent(backend, b -> new ConcurrentHashMap<>())
                .computeIfAbsent(operation, op -> tokenMeters(backend, op))
                .record(outcome, nanos);
    }

    private Meters tokenMeters(String backend, String operation) {
        Counter[] byOutcome = new Counter[TokenOutcome.values().length];
        for (TokenOutcome outcome : TokenOutcome.values()) {
            byOutcome[outcome.ordinal()] = tokenCounter(backend, operation, outcome.name().toLowerCase(Locale.ROOT));
        }
        return new Meters(byOutcome, keep(Timer.builder("kms.token.operation.duration")
                .description("Time of one operation on the token")
                .tag("backend", backend).tag("operation", operation).register(registry)));
    }

    private Counter tokenCounter(String backend, String operation, String outcome) {
        return keep(Counter.builder("kms.token.operations").description("Operations on the token")
                .tag("backend", backend).tag("operation", operation).tag("outcome", outcome).register(registry));
    }

    @Override
    public void cacheLookup(Cache cache, boolean hit) {
        (hit ? hits : misses).get(cache).increment();
    }

    @Override
    public void keyStates(ToLongFunction<KeyState> count) {
        for (KeyState state : KeyState.values()) {
            keep(Gauge.builder("kms.keys", state, count::applyAsLong).description("Keys by state, in the whole database")
                    .tag("state", state.name()).strongReference(true).register(registry));
        }
    }

    @Override
    public void close() {
        for (Meter meter : registered) {
            registry.remove(meter);
        }
        registered.clear();
    }

    private <M extends Meter> M keep(M meter) {
        registered.add(meter);
        return meter;
    }
}
