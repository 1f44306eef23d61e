package org.selfkms.api.metrics;

import org.selfkms.api.gate.Door;
import org.selfkms.api.key.KeyState;

import java.util.function.IntSupplier;
import java.util.function.ToLongFunction;

/**
 * What the services tell the server's metrics: requests, the audit writer, the token, the caches and a census of keys.
 * On WildFly an implementation over its Micrometer registry (module kms-metrics-micrometer in the EAR's lib/, found by
 * {@link KmsMetricsProvider}); elsewhere {@link #NONE}, which records nothing (docs/observability.md).
 *
 * <p>Called on the hot path: implementations keep their meters ready and look them up without building strings, and no
 * call may throw. Labels stay bounded: no key, tenant or request id is ever passed here.
 */
public interface KmsMetrics {

    /** How a request ended, as its record in the trail says. */
    enum Outcome {
        /** Served. */
        OK,
        /** Refused with an error the client can act on (authentication, permission, input, key state). */
        REFUSED,
        /** Failed with an internal error (including an audit record that could not be written). */
        FAILED
    }

    /** The in-memory caches of the hot path. */
    enum Cache {
        /** {@code KeyDirectory}: CMK metadata by id or alias. */
        KEYS,
        /** {@code VersionMaterialCache}: unwrapped SOFTWARE-level version material. */
        VERSION_MATERIAL
    }

    /** How a token operation ended. */
    enum TokenOutcome {
        OK,
        /** The token could not be reached (pulled out, session lost). */
        UNAVAILABLE,
        /** The token refused the operation (material that does not unwrap, a bad parameter). */
        ERROR
    }

    /**
     * One request through the request gate.
     *
     * @param action the action as the door named it; implementations must bound what they make of it, since a
     *               door may pass on a client's header
     */
    void request(Door door, String action, Outcome outcome, long nanos);

    /** One batch of audit records handed to the store: how many, and how long storing them took. */
    void auditBatch(int records, long nanos);

    /** The audit writer's queue (records waiting for a batch), read when the metrics are read. */
    void auditQueue(IntSupplier depth);

    /**
     * One operation on the token.
     *
     * @param backend   the token backend ({@code software}, {@code pkcs11})
     * @param operation a fixed name of the operation ({@code unwrap}, {@code derive_key} ...), never a label or purpose
     */
    void tokenOperation(String backend, String operation, TokenOutcome outcome, long nanos);

    /** One lookup in a cache of the hot path. */
    void cacheLookup(Cache cache, boolean hit);

    /** Keys by state across the whole database, read when the metrics are read (the function caches its counts). */
    void keyStates(ToLongFunction<KeyState> count);

    /** Unregisters everything this instance registered (the deployment is going away). */
    default void close() {
    }

    /** Records nothing: the servers without a metrics registry the KMS knows. */
    KmsMetrics NONE = new KmsMetrics() {
        @Override
        public void request(Door door, String action, Outcome outcome, long nanos) {
        }

        @Override
        public void auditBatch(int records, long nanos) {
        }

        @Override
        public void auditQueue(IntSupplier depth) {
        }

        @Override
        public void tokenOperation(String backend, String operation, TokenOutcome outcome, long nanos) {
        }

        @Override
        public void cacheLookup(Cache cache, boolean hit) {
        }

        @Override
        public void keyStates(ToLongFunction<KeyState> count) {
        }
    };
}
