package org.selfkms.settings;

import java.util.Optional;

/**
 * Every setting the server reads, by its property name (docs/operations.md, "Settings", is the same list with
 * defaults and meanings). MicroProfile Config finds a property as a system property or as the environment variable
 * its name maps to ({@code kms.token.backend} -> {@code KMS_TOKEN_BACKEND}) on any application server. Two settings
 * had environment variables of other names before they were read this way; those names still work, as
 * {@link #legacyVariable()}.
 */
public enum Setting {

    /** Where the KMS keeps its files (token, audit journal, generated credentials). */
    DATA_DIR("kms.data-dir"),
    /** This node's name in the audit trail's segments; unique per node of a cluster. */
    NODE_NAME("kms.node-name"),

    TOKEN_BACKEND("kms.token.backend"),
    TOKEN_DIR("kms.token.dir"),
    TOKEN_PIN_FILE("kms.token.pin-file"),
    TOKEN_PKCS11_LIBRARY("kms.token.pkcs11.library", "KMS_PKCS11_LIBRARY"),
    TOKEN_PKCS11_SLOT("kms.token.pkcs11.slot", "KMS_PKCS11_SLOT"),
    DEFAULT_PROTECTION_LEVEL("kms.default-protection-level"),

    REGIONS("kms.regions"),
    TC3_REQUIRE_SIGNED_ACTION("kms.tc3.require-signed-action"),

    CONSOLE_MAX_FAILED_LOGINS("kms.console.max-failed-logins"),
    CONSOLE_LOCKOUT_SECONDS("kms.console.lockout-seconds"),
    CONSOLE_SESSION_TIMEOUT_SECONDS("kms.console.session-timeout-seconds"),

    KEYS_MAX_PER_TENANT("kms.keys.max-per-tenant"),
    DATA_KEYS_MAX_PER_TENANT("kms.data-keys.max-per-tenant"),
    BYOK_MAX_OPEN_IMPORT_TOKENS_PER_TENANT("kms.byok.max-open-import-tokens-per-tenant"),
    ROTATION_MIN_INTERVAL_SECONDS("kms.rotation.min-interval-seconds"),
    TIMERS_SWEEP_INTERVAL_SECONDS("kms.timers.sweep-interval-seconds"),

    AUDIT_JOURNAL("kms.audit.journal"),
    AUDIT_JOURNAL_DIR("kms.audit.journal-dir"),
    AUDIT_JOURNAL_FLUSH_MILLIS("kms.audit.journal-flush-millis"),
    AUDIT_CHECKPOINT_INTERVAL_SECONDS("kms.audit.checkpoint-interval-seconds"),

    BOOTSTRAP_SERVICES("kms.bootstrap.services"),

    /** TEST ONLY: turns on the shiftable clock and sweeps on request. */
    CLOCK_ADJUSTABLE("kms.clock.adjustable"),
    /** TEST ONLY: read on every clock call, changed at run time through the server's system properties. */
    CLOCK_OFFSET_SECONDS("kms.clock.offset-seconds"),
    /** TEST ONLY: a new value asks for a lifecycle sweep. */
    TIMERS_SWEEP_REQUEST("kms.timers.sweep-request"),
    /** BENCHMARK ONLY: audit records are discarded while it is true. */
    BENCHMARK_DISCARD_AUDIT("kms.benchmark.discard-audit");

    private final String property;
    private final String legacyVariable;

    Setting(String property) {
        this(property, null);
    }

    Setting(String property, String legacyVariable) {
        this.property = property;
        this.legacyVariable = legacyVariable;
    }

    /** The property name, e.g. {@code kms.token.backend}. */
    public String property() {
        return property;
    }

    /** The environment variable MicroProfile Config maps the property name to: {@code KMS_TOKEN_BACKEND}. */
    public String variable() {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(java.util.Locale.ROOT);
    }

    /** An older environment variable that is read when MicroProfile Config has no value. */
    public Optional<String> legacyVariable() {
        return Optional.ofNullable(legacyVariable);
    }

    @Override
    public String toString() {
        return property;
    }
}
