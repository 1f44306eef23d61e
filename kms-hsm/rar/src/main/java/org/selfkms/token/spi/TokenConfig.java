package org.selfkms.token.spi;

import java.nio.file.Path;
import java.util.Optional;

import org.selfkms.settings.Secret;
import org.selfkms.settings.Setting;
import org.selfkms.settings.Settings;

/**
 * Token settings ({@link Settings}: a system property or an environment variable, docs/operations.md,
 * "Settings"). Resolved when the resource adapter starts.
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

    public static final String BACKEND_PROPERTY = Setting.TOKEN_BACKEND.property();
    public static final String DIRECTORY_PROPERTY = Setting.TOKEN_DIR.property();
    public static final String PIN_FILE_PROPERTY = Setting.TOKEN_PIN_FILE.property();

    public static TokenConfig fromSettings() {
        Settings settings = Settings.server();
        Path directory = settings.optional(Setting.TOKEN_DIR).map(Path::of)
                .orElseGet(() -> settings.dataDirectory().resolve("token"));
        Path pinFile = settings.optional(Setting.TOKEN_PIN_FILE).map(Path::of).orElseGet(() -> directory.resolve("token.pin"));
        return new TokenConfig(settings.string(Setting.TOKEN_BACKEND, "software"), directory, pinFile,
                settings.string(Setting.TOKEN_PKCS11_LIBRARY, ""), settings.string(Setting.TOKEN_PKCS11_SLOT, "index:0"));
    }

    /** Whether the PIN comes from {@code KMS_TOKEN_PIN} rather than the PIN file. */
    public static boolean pinFromEnvironment() {
        return Settings.server().secret(Secret.TOKEN_PIN).isPresent();
    }

    /** The PIN from {@code KMS_TOKEN_PIN}, else from the PIN file; empty if neither gives one. */
    public char[] readPin() throws java.io.IOException {
        Optional<String> env = Settings.server().secret(Secret.TOKEN_PIN);
        if (env.isPresent()) {
            return env.get().toCharArray();
        }
        if (!java.nio.file.Files.exists(pinFile)) {
            return new char[0];
        }
        return java.nio.file.Files.readString(pinFile, java.nio.charset.StandardCharsets.UTF_8).trim().toCharArray();
    }
}
