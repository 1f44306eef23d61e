package org.selfkms.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tencentcloudapi.kms.v20190118.KmsClient;
import com.tencentcloudapi.kms.v20190118.models.CreateKeyRequest;
import com.tencentcloudapi.kms.v20190118.models.DecryptRequest;
import com.tencentcloudapi.kms.v20190118.models.EncryptRequest;
import com.tencentcloudapi.kms.v20190118.models.GenerateDataKeyRequest;
import com.tencentcloudapi.kms.v20190118.models.GenerateDataKeyResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Domain-key rotation end to end: ciphertexts made with the official SDK before a rotation that an admin
 * starts in the console's Token view still decrypt after the background re-wrap, and the old domain-key
 * version is gone from the token by then. Rotation has no HTTP API action, so there is nothing an SDK
 * credential could try; the console is its only door.
 *
 * <p>Failsafe runs the test classes alphabetically against one server, so the tests after this one run
 * on the rotated domain key.
 */
@RunAsClient
class DomainKeyRotationIT extends SdkBrowserTest {

    /** How long the background re-wrap may take: the server holds only what the tests created. */
    private static final Duration REWRAP_TIMEOUT = Duration.ofSeconds(60);
    private static final String CONTEXT = "{\"app\":\"billing\",\"test\":\"domain-key-rotation\"}";


    @Test
    void oldCiphertextsSurviveRotationAndTheOldVersionIsDestroyed() throws Exception {
        // (a) Material wrapped under the current domain-key version.
        KmsClient kms = kms();
        CreateKeyRequest create = new CreateKeyRequest();
        create.setAlias(uniqueAlias("rotation"));
        create.setDescription("created by " + DomainKeyRotationIT.class.getSimpleName());
        String keyId = kms.CreateKey(create).getKeyId();

        byte[] secret = "encrypted before the rotation".getBytes(StandardCharsets.UTF_8);
        String encryptedBefore = encrypt(kms, keyId, secret);
        GenerateDataKeyRequest generate = new GenerateDataKeyRequest();
        generate.setKeyId(keyId);
        generate.setKeySpec("AES_256");
        generate.setEncryptionContext(CONTEXT);
        GenerateDataKeyResponse dataKey = kms.GenerateDataKey(generate);
        byte[] dataKeyBefore = Base64.getDecoder().decode(dataKey.getPlaintext());

        // (b) The admin rotates in the console and watches the re-wrap finish.
        browser.openTokenView(adminUsername(), adminPassword());
        assertTrue(browser.driver().getCurrentUrl().endsWith("/console/token"), browser.driver().getCurrentUrl());

        int before = number("active-domain-key-version");
        assertTrue(versions().contains(before), "the token holds the active version: " + versions());
        // A re-wrap still running would make the service refuse the rotation; nothing else rotates here.
        assertEquals(0, number("awaiting-rewrap"), "no rotation in progress before the test");

        browser.click(By.id("rotate-domain-key-button"));
        browser.waitUntil("the confirmation dialog", () -> browser.isPresent(By.id("rotate-domain-key-confirm")));
        browser.click(By.id("rotate-domain-key-confirm"));
        browser.waitUntil("a success notification", () -> browser.notificationShown("success"));
        assertFalse(browser.notificationShown("error"), "no error notification after the rotation");
        browser.waitUntil("the confirmation dialog to close", () -> browser.driver()
                .findElements(By.id("rotate-domain-key-confirm")).stream().noneMatch(WebElement::isDisplayed));
        // The view shows the overview that rotateDomainKey returned, without a refresh.
        assertEquals(before + 1, number("active-domain-key-version"), "active version right after the rotation");

        // The job re-wraps first and destroys the old version right after: wait for both.
        browser.waitUntil("the re-wrap to finish and the old version to go (pressing Refresh)", REWRAP_TIMEOUT, () -> {
            browser.click(By.id("refresh-token-button"));
            return number("awaiting-rewrap") == 0 && !versions().contains(before);
        });
        assertEquals(before + 1, number("active-domain-key-version"), "active version after the re-wrap");
        List<Integer> after = versions();
        assertTrue(after.contains(before + 1), "the token holds the new version: " + after);
        assertFalse(after.contains(before), "the old version " + before + " is destroyed: " + after);

        browser.waitForNotificationsToClose();
        browser.saveScreenshot("token-view.png");

        // (c) Ciphertexts from before still decrypt; new ones work too (and the API secret was re-wrapped).
        assertArrayEquals(secret, decrypt(kms, encryptedBefore), "Encrypt blob from before the rotation");
        assertArrayEquals(dataKeyBefore, decrypt(kms, dataKey.getCiphertextBlob()),
                "GenerateDataKey blob from before the rotation");
        byte[] fresh = "encrypted after the rotation".getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(fresh, decrypt(kms, encrypt(kms, keyId, fresh)), "Encrypt and Decrypt after the rotation");
    }

    private static String encrypt(KmsClient kms, String keyId, byte[] plaintext) throws Exception {
        EncryptRequest request = new EncryptRequest();
        request.setKeyId(keyId);
        request.setPlaintext(Base64.getEncoder().encodeToString(plaintext));
        request.setEncryptionContext(CONTEXT);
        return kms.Encrypt(request).getCiphertextBlob();
    }

    private static byte[] decrypt(KmsClient kms, String blob) throws Exception {
        DecryptRequest request = new DecryptRequest();
        request.setCiphertextBlob(blob);
        request.setEncryptionContext(CONTEXT);
        return Base64.getDecoder().decode(kms.Decrypt(request).getPlaintext());
    }

    private int number(String id) {
        return browser.number(id);
    }

    private List<Integer> versions() {
        return browser.domainKeyVersions();
    }
}
