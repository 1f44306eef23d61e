package org.selfkms.cli.session;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import org.selfkms.cli.Invocation;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.DateTimeException;
import java.util.Optional;

/**
 * The file that keeps the login between runs: {@code session.json} in kmsctl's configuration directory -
 * {@code $SELFKMS_CONFIG_DIR}, else {@code $XDG_CONFIG_HOME/selfkms}, else {@code ~/.config/selfkms}. It holds a
 * bearer token, so it is made readable by its owner only from the moment it exists (mode 0600 given at creation, in
 * a directory of mode 0700), never created first and restricted after.
 */
public final class SessionFile {

    static final String FILE_NAME = "session.json";

    private final Path directory;

    public SessionFile(Path directory) {
        this.directory = directory;
    }

    public static SessionFile of(Invocation invocation) {
        return new SessionFile(configDirectory(invocation));
    }

    static Path configDirectory(Invocation invocation) {
        String explicit = invocation.env("SELFKMS_CONFIG_DIR");
        if (explicit != null) {
            return Path.of(explicit);
        }
        String xdg = invocation.env("XDG_CONFIG_HOME");
        Path config = xdg != null ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        return config.resolve("selfkms");
    }

    public Path path() {
        return directory.resolve(FILE_NAME);
    }

    /** The session kept by the last login; empty when there is none (never logged in, or logged out). */
    public Optional<CachedSession> read() {
        String text;
        try {
            text = Files.readString(path(), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the session file " + path() + ": " + e.getMessage(), e);
        }
        try (Reader reader = new StringReader(text); var json = Json.createReader(reader)) {
            return Optional.of(CachedSession.fromJson(json.readObject()));
        } catch (IOException | JsonException | ClassCastException | NullPointerException | DateTimeException
                 | IllegalArgumentException e) {
            throw new UncheckedIOException(new IOException("The session file " + path()
                    + " is damaged; run kmsctl logout, then kmsctl login"));
        }
    }

    /** Replaces the kept session: written to a new owner-only file beside it, then moved over it. */
    public void write(CachedSession session) {
        try {
            createPrivateDirectory();
            Path temporary = directory.resolve(FILE_NAME + ".new");
            Files.deleteIfExists(temporary);
            Files.createFile(temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(temporary, session.toJson().toString() + "\n", StandardCharsets.UTF_8);
            try {
                Files.move(temporary, path(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, path(), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the session file " + path() + ": " + e.getMessage(), e);
        }
    }

    /** Forgets the session; true when there was one. */
    public boolean delete() {
        try {
            return Files.deleteIfExists(path());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete the session file " + path() + ": " + e.getMessage(), e);
        }
    }

    private void createPrivateDirectory() throws IOException {
        if (Files.isDirectory(directory)) {
            return;
        }
        Files.createDirectories(directory.toAbsolutePath().getParent());
        try {
            Files.createDirectory(directory, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (FileAlreadyExistsException e) {
            // made meanwhile by a concurrent login: it is a directory or the write below says otherwise
        }
    }
}
