package org.selfkms.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.selfkms.cli.session.CachedSession;
import org.selfkms.cli.session.SessionFile;

import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Parsing, usage errors and the session rules: everything kmsctl decides before a request reaches a server. */
class CommandLineTest {

    @TempDir
    Path config;

    private Map<String, String> environment() {
        return Map.of("SELFKMS_CONFIG_DIR", config.toString());
    }

    @Test
    void helpIsEverywhereAndExitsZero() {
        for (String[] args : new String[][]{{"--help"}, {"keys", "--help"}, {"keys", "rotation", "enable", "--help"},
                {"credentials", "create", "-h"}, {"audit", "verify", "--help"}}) {
            InProcess.Result help = InProcess.run(environment(), "", args);
            assertEquals(0, help.exitCode(), String.join(" ", args));
            assertTrue(help.stdout().startsWith("Usage: kmsctl"), help.stdout());
        }
        assertTrue(InProcess.run(environment(), "", "--help").stdout().contains("Exit codes"));
    }

    @Test
    void usageErrorsExitTwoWithoutTouchingAServer() {
        String[][] mistakes = {
                {},                                                       // no command
                {"keys"},                                                 // a group alone
                {"keys", "describe"},                                     // missing key
                {"keys", "frobnicate", "k"},                              // unknown command
                {"encrypt", "--key", "k", "--data", "x", "--in", "f"},    // --data and --in
                {"encrypt", "--key", "k"},                                // neither
                {"encrypt", "--key", "k", "--in", "plain.txt"},           // a file needs --out
                {"keys", "tag", "k", "team"},                             // a tag without value
                {"keys", "schedule-deletion", "k", "--days", "seven"},
                {"encrypt", "--key", "k", "--data", "x", "--context", "order"},
                {"audit", "search", "--from", "yesterday"},
                {"credentials", "create", "--user", "u", "--service", "cos"},
                {"-o", "yaml", "keys", "list"},
                {"keys", "list", "--server", "kms.example.com"},         // no scheme
                {"login"},                                                // no server
        };
        for (String[] args : mistakes) {
            InProcess.Result result = InProcess.run(environment(), "", args);
            assertEquals(2, result.exitCode(), String.join(" ", args) + "\n" + result.stderr());
            assertEquals("", result.stdout(), String.join(" ", args));
            assertFalse(result.stderr().contains("\tat "), "no stack trace: " + result.stderr());
        }
    }

    @Test
    void withoutALoginOrCredentialsTheCommandsSayHowToLogIn() {
        InProcess.Result result = InProcess.run(environment(), "", "keys", "list");
        assertEquals(3, result.exitCode());
        assertTrue(result.stderr().startsWith("kmsctl: not logged in: run kmsctl login"), result.stderr());
    }

    @Test
    void anExpiredSessionOrOneForAnotherServerIsRefusedBeforeAnyRequest() {
        SessionFile file = new SessionFile(config);
        file.write(new CachedSession(URI.create("https://kms.example.com"), "skms_x", Instant.now().minusSeconds(1), null));
        InProcess.Result expired = InProcess.run(environment(), "", "keys", "list", "-o", "json");
        assertEquals(3, expired.exitCode());
        assertEquals("kmsctl: session expired: run kmsctl login\n", expired.stderr());

        file.write(new CachedSession(URI.create("https://kms.example.com"), "skms_x", Instant.now().plusSeconds(600), null));
        InProcess.Result elsewhere = InProcess.run(environment(), "", "--server", "https://other.example.com", "keys", "list");
        assertEquals(3, elsewhere.exitCode());
        assertTrue(elsewhere.stderr().contains("logged in to https://kms.example.com, not to https://other.example.com"),
                elsewhere.stderr());
    }

    @Test
    void aServerThatDoesNotListenIsUnavailable() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Map<String, String> credentials = Map.of("SELFKMS_CONFIG_DIR", config.toString(),
                "SELFKMS_URL", "http://127.0.0.1:" + port, "SELFKMS_SECRET_ID", "AKIDx", "SELFKMS_SECRET_KEY", "secret");
        InProcess.Result result = InProcess.run(credentials, "", "keys", "list");
        assertEquals(5, result.exitCode(), result.stderr());
        assertFalse(result.stderr().contains("secret\n") || result.stderr().contains("\tat "), result.stderr());

        InProcess.Result debug = InProcess.run(credentials, "", "keys", "list", "--debug");
        assertEquals(5, debug.exitCode());
        assertTrue(debug.stderr().contains("\tat "), "--debug shows the stack trace");
    }

    @Test
    void loginTakesTheSecretKeyFromStdinOrTheEnvironmentOnly() {
        InProcess.Result noKey = InProcess.run(environment(), "", "login", "--server", "https://kms.example.com", "--secret-id", "AKIDx");
        assertEquals(2, noKey.exitCode());
        assertTrue(noKey.stderr().contains("SELFKMS_SECRET_KEY"), noKey.stderr());
        InProcess.Result emptyStdin = InProcess.run(environment(), "", "login", "--server", "https://kms.example.com",
                "--secret-id", "AKIDx", "--secret-key-stdin");
        assertEquals(2, emptyStdin.exitCode());
        assertEquals(2, InProcess.run(environment(), "", "login", "--server", "https://kms.example.com", "--secret-key", "x").exitCode(),
                "there is no option that takes the SecretKey as an argument");
    }

    @Test
    void aFileThatCannotBeReadIsALocalError() {
        InProcess.Result result = InProcess.run(environment(), "", "decrypt", "--in", config.resolve("missing.bin").toString());
        assertEquals(6, result.exitCode(), result.stderr());
        assertEquals("kmsctl: no such file: " + config.resolve("missing.bin") + "\n", result.stderr());
    }

    @Test
    void versionAndCompletionNeedNoServer() {
        InProcess.Result version = InProcess.run(environment(), "", "version");
        assertEquals(0, version.exitCode());
        assertTrue(version.stdout().matches("kmsctl \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\nserver: unknown \\(not logged in.*\\)\n"), version.stdout());
        InProcess.Result json = InProcess.run(environment(), "", "version", "-o", "json");
        assertTrue(json.stdout().startsWith("{\"client\":\""), json.stdout());

        InProcess.Result completion = InProcess.run(environment(), "", "completion");
        assertEquals(0, completion.exitCode());
        assertTrue(completion.stdout().contains("complete -F") && completion.stdout().contains("schedule-deletion"));
    }
}
