package org.selfkms.it;

import com.tencentcloudapi.kms.v20190118.KmsClient;
import com.tencentcloudapi.kms.v20190118.models.CreateKeyRequest;
import com.tencentcloudapi.kms.v20190118.models.DecryptRequest;
import com.tencentcloudapi.kms.v20190118.models.EncryptRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
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

        long logSizeBefore = ServerProcess.logSize();
        openTokenView();
        int before = number("active-domain-key-version");
        String started = "Domain-key rotation to version " + (before + 1) + " started";

        browser.click(By.id("rotate-domain-key-button"));
        browser.waitUntil("the confirmation dialog", () -> browser.isPresent(By.id("rotate-domain-key-confirm")));
        browser.click(By.id("rotate-domain-key-confirm"));
        ServerProcess.waitForLog(logSizeBefore, started, Duration.ofSeconds(30));
        ServerProcess.kill();

        long logSizeAtRestart = ServerProcess.logSize();
        ServerProcess.start("crash-restart", Map.of());
        assertTrue(ServerProcess.logSince(logSizeAtRestart).contains("Resuming the domain-key rotation to version " + (before + 1)),
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
