package org.selfkms.cli.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Files named on the command line, where {@code -} is standard input or output. */
final class LocalFiles {

    static final String STANDARD_STREAM = "-";

    private LocalFiles() {
    }

    static boolean isStandardStream(String file) {
        return STANDARD_STREAM.equals(file);
    }

    static byte[] readAll(String file, InputStream stdin) {
        try {
            return STANDARD_STREAM.equals(file) ? stdin.readAllBytes() : Files.readAllBytes(Path.of(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }

    static void write(String file, byte[] data, OutputStream stdout) {
        try {
            if (STANDARD_STREAM.equals(file)) {
                stdout.write(data);
                stdout.flush();
            } else {
                Files.write(Path.of(file), data);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }
}
