package org.selfkms.key;

import org.selfkms.api.key.ProtectionLevel;
import org.selfkms.settings.Setting;
import org.selfkms.settings.Settings;

/** Per-tenant quotas and defaults for new keys; an operator sets them as settings (docs/operations.md, "Settings"). */
final class KeyLimits {

    private KeyLimits() {
    }

    /** {@code kms.default-protection-level}: SOFTWARE unless the operator chose HSM. */
    static ProtectionLevel defaultProtectionLevel() {
        String configured = Settings.server().string(Setting.DEFAULT_PROTECTION_LEVEL, "SOFTWARE");
        return "HSM".equalsIgnoreCase(configured) ? ProtectionLevel.HSM : ProtectionLevel.SOFTWARE;
    }

    /** Tencent allows one on-demand rotation per 24 hours; tests lower it. */
    static long minRotationIntervalSeconds() {
        return Settings.server().longValue(Setting.ROTATION_MIN_INTERVAL_SECONDS, 86_400L);
    }

    static long maxKeysPerTenant() {
        return Settings.server().longValue(Setting.KEYS_MAX_PER_TENANT, 100_000L);
    }
}
