package org.selfkms.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

class SettingsTest {

    private static Settings settings(Map<String, String> properties, Map<String, String> environment) {
        Config config = new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(properties, "test", 400)).build();
        return new Settings(() -> config, environment::get);
    }

    @Test
    void typedValuesAndDefaults() {
        Settings settings = settings(Map.of("kms.keys.max-per-tenant", " 42 ", "kms.tc3.require-signed-action", "TRUE",
                "kms.regions", "ap-a,ap-b", "kms.console.session-timeout-seconds", "60"), Map.of());
        assertEquals(42, settings.longValue(Setting.KEYS_MAX_PER_TENANT, 1));
        assertEquals(7, settings.longValue(Setting.DATA_KEYS_MAX_PER_TENANT, 7));
        assertEquals(60, settings.intValue(Setting.CONSOLE_SESSION_TIMEOUT_SECONDS, 900));
        assertTrue(settings.booleanValue(Setting.TC3_REQUIRE_SIGNED_ACTION, false));
        assertFalse(settings.booleanValue(Setting.CLOCK_ADJUSTABLE, false));
        assertEquals("ap-a,ap-b", settings.string(Setting.REGIONS, "ap-guangzhou"));
        assertEquals(Optional.empty(), settings.optional(Setting.TOKEN_DIR));
    }

    @Test
    void blankIsUnset() {
        Settings settings = settings(Map.of("kms.token.pin-file", "  "), Map.of());
        assertEquals("default", settings.string(Setting.TOKEN_PIN_FILE, "default"));
    }

    @Test
    void anUnreadableValueNamesTheSettingInsteadOfFallingBack() {
        Settings settings = settings(Map.of("kms.keys.max-per-tenant", "lots", "kms.clock.adjustable", "yes",
                "kms.console.session-timeout-seconds", "99999999999"), Map.of());
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> settings.longValue(Setting.KEYS_MAX_PER_TENANT, 1));
        assertTrue(e.getMessage().contains("kms.keys.max-per-tenant"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> settings.booleanValue(Setting.CLOCK_ADJUSTABLE, false));
        assertThrows(IllegalStateException.class, () -> settings.intValue(Setting.CONSOLE_SESSION_TIMEOUT_SECONDS, 1));
    }

    @Test
    void aLegacyVariableCountsOnlyWhenConfigHasNoValue() {
        Map<String, String> environment = Map.of("KMS_PKCS11_LIBRARY", "/old/lib.so", "KMS_PKCS11_SLOT", "id:3");
        Settings settings = settings(Map.of("kms.token.pkcs11.slot", "index:1"), environment);
        assertEquals("/old/lib.so", settings.string(Setting.TOKEN_PKCS11_LIBRARY, ""));
        assertEquals("index:1", settings.string(Setting.TOKEN_PKCS11_SLOT, "index:0"));
        // only the two settings that had other names read one
        assertEquals(Optional.empty(), settings(Map.of(), Map.of("KMS_REGIONS", "x")).optional(Setting.REGIONS));
    }

    @Test
    void theMappedVariableIsWhatMicroProfileConfigLooksUp() {
        assertEquals("KMS_TOKEN_BACKEND", Setting.TOKEN_BACKEND.variable());
        assertEquals("KMS_DATA_DIR", Setting.DATA_DIR.variable());
        assertEquals("KMS_BYOK_MAX_OPEN_IMPORT_TOKENS_PER_TENANT", Setting.BYOK_MAX_OPEN_IMPORT_TOKENS_PER_TENANT.variable());
    }

    @Test
    void secretsComeFromTheEnvironmentOnly() {
        Settings settings = settings(Map.of("KMS_TOKEN_PIN", "from-config"), Map.of("KMS_ADMIN_PASSWORD", " pw "));
        assertEquals(Optional.of("pw"), settings.secret(Secret.ADMIN_PASSWORD));
        assertEquals(Optional.empty(), settings.secret(Secret.TOKEN_PIN));
    }

    @Test
    void dataDirectoryDefaultsUnderTheTemporaryDirectory() {
        assertEquals(Path.of(System.getProperty("java.io.tmpdir"), "kms"), settings(Map.of(), Map.of()).dataDirectory());
        assertEquals(Path.of("/srv/kms"), settings(Map.of("kms.data-dir", "/srv/kms"), Map.of()).dataDirectory());
    }

    @Test
    void theServerSettingsSeeSystemPropertiesThroughMicroProfileConfig() {
        System.setProperty("kms.regions", "ap-settings-test");
        try {
            assertEquals("ap-settings-test", Settings.server().string(Setting.REGIONS, "ap-guangzhou"));
            System.setProperty("kms.regions", "ap-changed");
            assertEquals("ap-changed", Settings.server().string(Setting.REGIONS, "ap-guangzhou"), "read anew on every call");
        } finally {
            System.clearProperty("kms.regions");
        }
    }
}
