package org.selfkms.key;

/** Per-tenant quotas; an operator raises them with system properties. */
final class KeyLimits {

    private KeyLimits() {
    }

    static long maxKeysPerTenant() {
        return Long.getLong("kms.keys.max-per-tenant", 100_000L);
    }
}
