package org.selfkms.key;

import org.selfkms.api.key.ProtectionLevel;

/** Per-tenant quotas and defaults for new keys; an operator sets them with system properties. */
final class KeyLimits {

    private KeyLimits() {
    }

    /** {@code kms.default-protection-level}: SOFTWARE unless the operator chose HSM (wildfly-config maps KMS_DEFAULT_PROTECTION_LEVEL). */
    static ProtectionLevel defaultProtectionLevel() {
        String configured = System.getProperty("kms.default-protection-level", "SOFTWARE").trim();
        return "HSM".equalsIgnoreCase(configured) ? ProtectionLevel.HSM : ProtectionLevel.SOFTWARE;
    }

    static long maxKeysPerTenant() {
        return Long.getLong("kms.keys.max-per-tenant", 100_000L);
    }
}
