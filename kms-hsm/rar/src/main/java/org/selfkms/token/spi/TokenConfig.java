package org.selfkms.token.spi;

import java.nio.file.Path;

/**
 * Token settings, read from system properties that wildfly-config sets (each of which may in turn come
 * from an environment variable there). Resolved when the resource adapter starts.
 *
 * @param backend       {@code software} (default) or {@code pkcs11}
 * @param directory     where the software token keeps its keystore and, by default, its PIN file
 * @param pinFile       file holding the token PIN (the environment variable {@code KMS_TOKEN_PIN} wins);
 *                      the software token creates one with a random PIN if absent
 * @param pkcs11Library path of the PKCS#11 module, e.g. {@code /usr/lib/softhsm/libsofthsm2.so}
 * @param pkcs11Slot    the token's slot: {@code index:<n>} (position in the list of slots with a token,
 *                      default {@code index:0}) or {@code id:<n>} (the library's slot id)
 */
public record TokenConfig(String backend, Path directory, Path pinFile, String pkcs11Library, String pkcs11Slot) {

    public static final String BACKEND_PROPERTY = "kms.token.backend";
    public static final String DIRECTORY_PROPERTY = "kms.token.dir";
    public static final String PIN_FILE_PROPERTY = "kms.token.pin-file";
    public static final String PKCS11_LIBRARY_PROPERTY = "kms.token.pkcs11.library";
    public static final String PKCS11_SLOT_PROPERTY = "kms.token.pkcs11.slot";

    public static TokenConfig fromSystemProperties() {
        String backend = System.getProperty(BACKEND_PROPERTY, "software").trim();
        String dataDir = System.getProperty("jboss.server.data.dir", System.getProperty("java.io.tmpdir"));
        Path directory = Path.of(System.getProperty(DIRECTORY_PROPERTY, Path.of(dataDir, "kms", "token").toString()));
        String pin = System.getProperty(PIN_FILE_PROPERTY, "");
        Path pinFile = pin.isBlank() ? directory.resolve("token.pin") : Path.of(pin);
        String slot = System.getProperty(PKCS11_SLOT_PROPERTY, "");
        return new TokenConfig(backend, directory, pinFile, System.getProperty(PKCS11_LIBRARY_PROPERTY, "").trim(),
                slot.isBlank() ? "index:0" : slot.trim());
    }

    /** The PIN from {@code KMS_TOKEN_PIN}, else from the PIN file; empty if neither gives one. */
    public char[] readPin() throws java.io.IOException {
        String env = System.getenv("KMS_TOKEN_PIN");
        if (env != null && !env.isBlank()) {
            return env.trim().toCharArray();
        }
        if (!java.nio.file.Files.exists(pinFile)) {
            return new char[0];
        }
        return java.nio.file.Files.readString(pinFile, java.nio.charset.StandardCharsets.UTF_8).trim().toCharArray();
    }
}
