package org.selfkms.settings;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Reads the server's {@link Setting}s through MicroProfile Config, which WildFly and Payara both ship: a system
 * property or the environment variable its name maps to, on any server, with no server configuration. Values are
 * read anew on every call (test and benchmark switches change at run time); blank counts as unset, and a value that
 * does not parse stops the caller with the setting's name rather than falling back to the default unseen.
 * {@link Secret}s come from the environment only.
 */
public final class Settings {

    private static final Settings SERVER = new Settings(
            () -> ConfigProvider.getConfig(Settings.class.getClassLoader()), System::getenv);

    private final Supplier<Config> config;
    private final UnaryOperator<String> environment;

    /** @param environment looks up an environment variable: the legacy names and the secrets */
    Settings(Supplier<Config> config, UnaryOperator<String> environment) {
        this.config = config;
        this.environment = environment;
    }

    /** The settings of the application this class was deployed with. */
    public static Settings server() {
        return SERVER;
    }

    /** The trimmed value, if MicroProfile Config or the setting's legacy environment variable has one. */
    public Optional<String> optional(Setting setting) {
        Optional<String> value = nonBlank(config.get().getOptionalValue(setting.property(), String.class).orElse(null));
        if (value.isEmpty() && setting.legacyVariable().isPresent()) {
            return nonBlank(environment.apply(setting.legacyVariable().get()));
        }
        return value;
    }

    public String string(Setting setting, String defaultValue) {
        return optional(setting).orElse(defaultValue);
    }

    public long longValue(Setting setting, long defaultValue) {
        Optional<String> value = optional(setting);
        if (value.isEmpty()) {
            return defaultValue;
        }
        try {
            return Long.parseLong(value.get());
        } catch (NumberFormatException e) {
            throw unreadable(setting, value.get(), "a whole number");
        }
    }

    public int intValue(Setting setting, int defaultValue) {
        long value = longValue(setting, defaultValue);
        if (value != (int) value) {
            throw unreadable(setting, Long.toString(value), "a whole number up to " + Integer.MAX_VALUE);
        }
        return (int) value;
    }

    /** {@code true} or {@code false} in any case; nothing else, so that a typo is not read as off. */
    public boolean booleanValue(Setting setting, boolean defaultValue) {
        Optional<String> value = optional(setting);
        if (value.isEmpty()) {
            return defaultValue;
        }
        return switch (value.get().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw unreadable(setting, value.get(), "true or false");
        };
    }

    /**
     * {@link Setting#DATA_DIR}; without it {@code <java.io.tmpdir>/kms}, so that a server nobody configured still
     * finds its files again after a restart (wildfly-config sets it to the server's data directory).
     */
    public java.nio.file.Path dataDirectory() {
        return optional(Setting.DATA_DIR).map(java.nio.file.Path::of)
                .orElseGet(() -> java.nio.file.Path.of(System.getProperty("java.io.tmpdir"), "kms"));
    }

    /** The secret's trimmed value from the environment, if set and not blank. */
    public Optional<String> secret(Secret secret) {
        return nonBlank(environment.apply(secret.variable()));
    }

    private static Optional<String> nonBlank(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    private static IllegalStateException unreadable(Setting setting, String value, String expected) {
        return new IllegalStateException("Setting " + setting.property() + " (environment " + setting.variable()
                + ") must be " + expected + ", not '" + value + "'");
    }
}
