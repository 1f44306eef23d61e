package org.selfkms.it;

import com.tencentcloudapi.kms.v20190118.KmsClient;
import com.tencentcloudapi.kms.v20190118.models.CreateKeyRequest;
import com.tencentcloudapi.kms.v20190118.models.DecryptRequest;
import com.tencentcloudapi.kms.v20190118.models.EncryptRequest;
import com.tencentcloudapi.kms.v20190118.models.ListKeysRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 3's crash test: the server is killed (SIGKILL) in the middle of a domain-key rotation - after the
 * new domain-key version exists, before the re-wrap job has run - and started again. The rotation must
 * resume by itself and finish, and every ciphertext made before it must still decrypt.
 *
 * <p>The kill is timed off the server log line that {@code rotateDomainKey} writes once the new version is in
 * the token; the re-wrap job starts half a second later, so the kill lands before it. The server is then
 * started again the way Arquillian started it (same folder, same port offset, same environment), and the
 * remaining tests run against that process.
 */
class DomainKeyRotationCrashIT extends DeployedKms {

    private static final Duration RESTART_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration REWRAP_TIMEOUT = Duration.ofSeconds(60);

    private ConsoleBrowser browser;

    @BeforeEach
    void startBrowser() throws IOException {
        browser = ConsoleBrowser.start(baseUrl());
    }

    @AfterEach
    void stopBrowser() throws IOException {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void rotationInterruptedByACrashResumesAndLosesNothing() throws Exception {
        KmsClient kms = kms();
        List<String[]> blobs = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            CreateKeyRequest create = new CreateKeyRequest();
            create.setAlias(uniqueAlias("crash"));
            String keyId = kms.CreateKey(create).getKeyId();
            String plaintext = "before the crash #" + i;
            blobs.add(new String[]{encrypt(kms, keyId, plaintext), plaintext});
        }

        Path log = serverDir().resolve("standalone/log/server.log");
        long logSizeBefore = Files.size(log);
        openTokenView();
        int before = number("active-domain-key-version");
        String started = "Domain-key rotation to version " + (before + 1) + " started";

        browser.click(By.id("rotate-domain-key-button"));
        browser.waitUntil("the confirmation dialog", () -> browser.isPresent(By.id("rotate-domain-key-confirm")));
        browser.click(By.id("rotate-domain-key-confirm"));
        waitForLog(log, logSizeBefore, started, Duration.ofSeconds(30));
        killServer();

        long logSizeAtRestart = Files.exists(log) ? Files.size(log) : 0;
        startServerAgain();
        assertTrue(logSince(log, logSizeAtRestart).contains("Resuming the domain-key rotation to version " + (before + 1)),
                "after the crash the server must pick the rotation up by itself");

        browser.close();
        browser = ConsoleBrowser.start(baseUrl());
        openTokenView();
        browser.waitUntil("the resumed re-wrap to finish and the old version to go", REWRAP_TIMEOUT, () -> {
            browser.click(By.id("refresh-token-button"));
            return number("awaiting-rewrap") == 0 && !versions().contains(before);
        });
        assertEquals(before + 1, number("active-domain-key-version"));

        KmsClient afterRestart = kms();
        for (String[] blob : blobs) {
            assertArrayEquals(blob[1].getBytes(StandardCharsets.UTF_8), decrypt(afterRestart, blob[0]), "lost: " + blob[1]);
        }
    }

    private void openTokenView() {
        browser.openTokenView(adminUsername(), adminPassword());
    }

    private static Path serverDir() {
        return Path.of(System.getProperty("kms.it.server.dir")).toAbsolutePath();
    }

    /** SIGKILL for the server JVM: no shutdown hooks, no orderly undeploy - a crash. */
    private static void killServer() throws Exception {
        String home = "-Djboss.home.dir=" + serverDir();
        List<ProcessHandle> servers = ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().orElse("").contains(home)).toList();
        assertFalse(servers.isEmpty(), "no server process found for " + serverDir());
        for (ProcessHandle server : servers) {
            server.destroyForcibly();
            server.onExit().get();
        }
    }

    /** Starts the same server folder as Arquillian did: same port offset, same extra arguments, same environment. */
    private static void startServerAgain() throws Exception {
        List<String> command = new ArrayList<>(List.of(serverDir().resolve("bin/standalone.sh").toString(),
                "-Djboss.socket.binding.port-offset=" + System.getProperty("kms.it.port.offset", "100")));
        String extra = System.getProperty("kms.it.server.args", "").trim();
        if (!extra.isEmpty()) {
            command.addAll(Arrays.asList(extra.split("\\s+")));
        }
        Path output = Path.of(System.getProperty("kms.it.build.dir", "target"), "crash-restart.log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        Map<String, String> env = builder.environment();
        env.put("JAVA_OPTS", "-Xmx1g");
        builder.start();

        Instant deadline = Instant.now().plus(RESTART_TIMEOUT);
        while (true) {
            try {
                kms().ListKeys(new ListKeysRequest());
                return;
            } catch (Exception notYet) {
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError("the server did not come back within " + RESTART_TIMEOUT + "; see " + output, notYet);
                }
                Thread.sleep(500);
            }
        }
    }

    private static void waitForLog(Path log, long from, String line, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (!logSince(log, from).contains(line)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("the server never logged: " + line);
            }
            Thread.sleep(5);
        }
    }

    private static String logSince(Path log, long from) throws IOException {
        byte[] all = Files.readAllBytes(log);
        return from >= all.length ? "" : new String(all, (int) from, all.length - (int) from, StandardCharsets.UTF_8);
    }

    private int number(String id) {
        return browser.number(id);
    }

    private List<Integer> versions() {
        return browser.domainKeyVersions();
    }

    private static String encrypt(KmsClient kms, String keyId, String plaintext) throws Exception {
        EncryptRequest request = new EncryptRequest();
        request.setKeyId(keyId);
        request.setPlaintext(Base64.getEncoder().encodeToString(plaintext.getBytes(StandardCharsets.UTF_8)));
        return kms.Encrypt(request).getCiphertextBlob();
    }

    private static byte[] decrypt(KmsClient kms, String blob) throws Exception {
        DecryptRequest request = new DecryptRequest();
        request.setCiphertextBlob(blob);
        return Base64.getDecoder().decode(kms.Decrypt(request).getPlaintext());
    }
}
