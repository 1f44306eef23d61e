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

    /** Tencent allows one on-demand rotation per 24 hours; tests lower it. */
    static long minRotationIntervalSeconds() {
        return Long.getLong("kms.rotation.min-interval-seconds", 86_400L);
    }

    static long maxKeysPerTenant() {
        return Long.getLong("kms.keys.max-per-tenant", 100_000L);
    }
}
