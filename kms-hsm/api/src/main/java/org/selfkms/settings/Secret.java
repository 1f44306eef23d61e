package org.selfkms.settings;

/**
 * Secrets the server takes from its environment only. They are never read as system properties (through
 * MicroProfile Config they would be): a system property shows in the process list, in the management model and in
 * diagnostics dumps, an environment variable only to the server's user.
 */
public enum Secret {

    /** The token's PIN; without it the PIN file ({@link Setting#TOKEN_PIN_FILE}) is read. */
    TOKEN_PIN("KMS_TOKEN_PIN"),
    /** The first tenant's console administrator, at the first start. */
    ADMIN_PASSWORD("KMS_ADMIN_PASSWORD"),
    /** The platform operator, at the first start that finds none. */
    OPERATOR_PASSWORD("KMS_OPERATOR_PASSWORD"),
    /** The first tenant's API credential, at the first start. */
    BOOTSTRAP_SECRET_ID("KMS_BOOTSTRAP_SECRET_ID"),
    BOOTSTRAP_SECRET_KEY("KMS_BOOTSTRAP_SECRET_KEY");

    private final String variable;

    Secret(String variable) {
        this.variable = variable;
    }

    public String variable() {
        return variable;
    }

    @Override
    public String toString() {
        return variable;
    }
}
