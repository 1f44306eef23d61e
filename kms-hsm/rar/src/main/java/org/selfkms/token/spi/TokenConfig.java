package org.selfkms.token.spi;

import java.nio.file.Path;

/**
 * Token settings, read from system properties that wildfly-config sets (each of which may in turn come
 * from an environment variable there). Resolved when the resource adapter starts.
 *
 * @param backend   {@code software} (default) or {@code pkcs11}
 * @param directory where the software token keeps its keystore and, by default, its PIN file
 * @param pinFile   file holding the token PIN; created with a random PIN for the software token if absent
 */
public record TokenConfig(String backend, Path directory, Path pinFile) {

    public static final String BACKEND_PROPERTY = "kms.token.backend";
    public static final String DIRECTORY_PROPERTY = "kms.token.dir";
    public static final String PIN_FILE_PROPERTY = "kms.token.pin-file";

    public static TokenConfig fromSystemProperties() {
        String backend = System.getProperty(BACKEND_PROPERTY, "software").trim();
        String dataDir = System.getProperty("jboss.server.data.dir", System.getProperty("java.io.tmpdir"));
        Path directory = Path.of(System.getProperty(DIRECTORY_PROPERTY, Path.of(dataDir, "kms", "token").toString()));
        String pin = System.getProperty(PIN_FILE_PROPERTY, "");
        Path pinFile = pin.isBlank() ? directory.resolve("token.pin") : Path.of(pin);
        return new TokenConfig(backend, directory, pinFile);
    }
}
