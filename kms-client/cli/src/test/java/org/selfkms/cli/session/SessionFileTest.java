package org.selfkms.cli.session;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SessionFileTest {

    @TempDir
    Path home;

    private final CachedSession session = new CachedSession(URI.create("https://kms.example.com"), "skms_token",
            Instant.parse("2026-12-05T01:00:00Z"), Path.of("/etc/selfkms/ca.pem"));

    @Test
    void theSessionIsWrittenOwnerOnlyInAnOwnerOnlyDirectoryAndReadBack() throws Exception {
        Path directory = home.resolve("config/selfkms");
        SessionFile file = new SessionFile(directory);
        file.write(session);

        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.path())));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(directory)));
        assertEquals(session, file.read().orElseThrow());
        assertFalse(Files.exists(directory.resolve("session.json.new")), "no temporary file left");

        CachedSession next = new CachedSession(session.server(), "skms_next", session.expiry().plusSeconds(900), null);
        file.write(next);
        assertEquals(next, file.read().orElseThrow(), "a new login replaces the old session");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.path())));
    }

    @Test
    void noFileIsNoSessionAndLogoutDeletesIt() {
        SessionFile file = new SessionFile(home);
        assertTrue(file.read().isEmpty());
        file.write(session);
        assertTrue(file.delete());
        assertTrue(file.read().isEmpty());
        assertFalse(file.delete());
    }

    @Test
    void aDamagedFileIsALocalErrorThatSaysWhatToDo() throws Exception {
        Files.writeString(home.resolve("session.json"), "{\"server\":");
        UncheckedIOException damaged = assertThrows(UncheckedIOException.class, () -> new SessionFile(home).read());
        assertTrue(damaged.getMessage().contains("kmsctl logout"), damaged.getMessage());
    }

    @Test
    void theTokenNeverAppearsInToStringAndExpiryIsExclusive() {
        assertFalse(session.toString().contains("skms_token"));
        assertTrue(session.hasExpired(session.expiry()));
        assertFalse(session.hasExpired(session.expiry().minus(1, ChronoUnit.SECONDS)));
    }
}
