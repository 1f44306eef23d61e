package org.selfkms.api.health;

import java.util.Map;

/** One of the KMS's readiness checks as kms-ejb implements it; {@link KmsProbes} holds them by name. */
@FunctionalInterface
public interface KmsProbe {

    /**
     * What a probe found.
     *
     * @param up   whether what it checks works
     * @param data what an operator may want to see (a backend, a reason); never material or secrets
     */
    record Result(boolean up, Map<String, Object> data) {

        public static Result up(Map<String, Object> data) {
            return new Result(true, data);
        }

        public static Result down(String failure) {
            return new Result(false, Map.of("failure", failure));
        }
    }

    Result check();
}
