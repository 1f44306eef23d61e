package org.selfkms.datakey;

/** The per-tenant quota of hosted data keys; an operator sets it with a system property (0 switches hosting off). */
final class DataKeyLimits {

    private DataKeyLimits() {
    }

    /** {@code kms.data-keys.max-per-tenant} (docs/operations.md). */
    static long maxPerTenant() {
        return Long.getLong("kms.data-keys.max-per-tenant", 10_000L);
    }
}
