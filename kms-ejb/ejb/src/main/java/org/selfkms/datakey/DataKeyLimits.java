package org.selfkms.datakey;

import org.selfkms.settings.Setting;
import org.selfkms.settings.Settings;
/** The per-tenant quota of hosted data keys; an operator sets it as a setting (0 switches hosting off). */
final class DataKeyLimits {

    private DataKeyLimits() {
    }

    /** {@code kms.data-keys.max-per-tenant} (docs/operations.md). */
    static long maxPerTenant() {
        return Settings.server().longValue(Setting.DATA_KEYS_MAX_PER_TENANT, 10_000L);
    }
}
