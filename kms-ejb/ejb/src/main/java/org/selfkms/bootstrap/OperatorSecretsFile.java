package org.selfkms.bootstrap;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import org.selfkms.settings.Settings;

/**
 * Hands generated secrets to the operator: a file in the data directory ({@code kms.data-dir}) that only the server's
 * user can read (0600 from its creation: written to a private temporary file, then moved into place).
 * The log only ever names the file.
 */
final class OperatorSecretsFile {

    private OperatorSecretsFile() {
    }

    static Path directory() {
        return Settings.server().dataDirectory();
    }

    static Path write(String fileName, String content) {
        Path dir = directory();
        Path file = dir.resolve(fileName);
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".secrets", ".tmp");
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            Files.writeString(tmp, content, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return file;
        } catch (IOException | UnsupportedOperationException e) {
            throw new IllegalStateException("Cannot write the secrets file " + file, e);
        }
    }
}
