package org.selfkms.client;

import java.util.Objects;

/**
 * An API credential of the server (console: Access > API credentials): the SecretId names it, the SecretKey
 * proves it. The same pair works through both doors. {@link #toString()} never shows the SecretKey.
 */
public final class Credential {

    private final String secretId;
    private final String secretKey;

    public Credential(String secretId, String secretKey) {
        if (secretId == null || secretId.isBlank() || secretKey == null || secretKey.isEmpty()) {
            throw new IllegalArgumentException("A credential needs a SecretId and a SecretKey");
        }
        this.secretId = secretId;
        this.secretKey = secretKey;
    }

    /** From the environment variables SELFKMS_SECRET_ID and SELFKMS_SECRET_KEY. */
    public static Credential fromEnvironment() {
        String id = System.getenv("SELFKMS_SECRET_ID");
        String key = System.getenv("SELFKMS_SECRET_KEY");
        if (id == null || key == null) {
            throw new IllegalStateException("SELFKMS_SECRET_ID and SELFKMS_SECRET_KEY are not both set");
        }
        return new Credential(id, key);
    }

    public String secretId() {
        return secretId;
    }

    public String secretKey() {
        return secretKey;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Credential credential && secretId.equals(credential.secretId)
                && secretKey.equals(credential.secretKey);
    }

    @Override
    public int hashCode() {
        return Objects.hash(secretId, secretKey);
    }

    @Override
    public String toString() {
        return "Credential[" + secretId + "]";
    }
}
