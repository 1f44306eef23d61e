package org.selfkms.it;

import com.tencentcloudapi.kms.v20190118.models.BindCloudResourceRequest;
import com.tencentcloudapi.kms.v20190118.models.DataKeyMetadata;
import com.tencentcloudapi.kms.v20190118.models.GenerateDataKeyResponse;
import com.tencentcloudapi.kms.v20190118.models.GetDataKeyPlaintextRequest;
import com.tencentcloudapi.kms.v20190118.models.ListDataKeyDetailRequest;
import com.tencentcloudapi.kms.v20190118.models.ListDataKeyDetailResponse;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.selfkms.it.HostedDataKeysIT.describeDataKey;

/**
 * Hosted data keys and cloud-resource bindings on a key's page, in a real browser: the data keys and the binding are
 * made through the Tencent SDK, as applications make them, and every change made in the console is read back
 * through the SDK.
 */
@org.junit.jupiter.api.Tag("console")
class DataKeysBrowserIT extends SdkBrowserTest {

    /** The text of a grid's shown rows, cell by cell separated by "|", without the copy buttons' tooltips. */
    private static final String GRID_ROWS = """
            const grid = document.getElementById(arguments[0]);
            if (!grid) { return ''; }
            return Array.from(grid.querySelectorAll('vaadin-grid-cell-content'))
                    .filter(c => { const row = c.assignedSlot && c.assignedSlot.closest('tr'); return row && !row.hidden; })
                    .map(c => { const copy = c.cloneNode(true); copy.querySelectorAll('vaadin-tooltip').forEach(t => t.remove());
                                return copy.textContent.trim(); }).join('|');
            """;

    @Test
    void adminManagesDataKeysAndBindingsOnTheKeyPage() throws Exception {
        String alias = uniqueAlias("hosting");
        String keyId = createKey(alias);
        String first = generateHosted(keyId, alias + "-first").getDataKeyId();
        String second = generateHosted(keyId, alias + "-second").getDataKeyId();
        BindCloudResourceRequest bind = new BindCloudResourceRequest();
        bind.setKeyId(keyId);
        bind.setProductId("ssm");
        bind.setResourceId("secret-1");
        kms.BindCloudResource(bind);

        browser.openConsoleAndExpectLogin();
        browser.logIn(adminUsername(), adminPassword());
        browser.waitUntil("the logged-in layout", () -> browser.isPresent(By.id("logout-button")));
        browser.open("/console/keys/" + keyId);
        browser.waitUntil("the data keys", () -> rows("data-keys-grid").contains(second));
        String listed = rows("data-keys-grid");
        // each with its name, id, length, state and origin
        assertTrue(listed.contains(alias + "-second|" + second + "|32 bytes|Enabled|Generated|"), listed);
        assertTrue(listed.contains(alias + "-first|" + first + "|32 bytes|Enabled|Generated|"), listed);
        assertEquals("2", browser.driver().findElement(By.id("data-keys-count")).getDomAttribute("data-count"));
        assertFalse(shown("data-keys-previous"), "one page: no pager");
        browser.click(By.id("data-key-copy-" + first));
        assertEquals(first, browser.clipboard(), "the copy button puts the data key id on the clipboard");

        browser.click(By.id("data-key-disable-" + first));
        browser.confirm();
        waitForDataKeyState(first, "Disabled");
        assertEquals("Disabled", describeDataKey(first).getKeyState());
        assertEquals("Enabled", describeDataKey(second).getKeyState(), "only the data key chosen");

        browser.click(By.id("data-key-schedule-deletion-" + first));
        browser.waitUntil("the deletion dialog", () -> browser.isPresent(By.id("pending-window-field")));
        type("#pending-window-field input", "7");
        browser.click(By.id("schedule-deletion-confirm"));
        waitForDataKeyState(first, "PendingDelete");
        DataKeyMetadata pending = describeDataKey(first);
        assertEquals("PendingDelete", pending.getKeyState());
        long inSevenDays = Instant.now().plus(Duration.ofDays(7)).getEpochSecond();
        assertTrue(Math.abs(pending.getDeletionDate() - inSevenDays) < Duration.ofDays(1).toSeconds(),
                "the 7 days chosen: " + pending.getDeletionDate());
        assertTrue(browser.isPresent(By.id("data-key-cancel-deletion-" + first)), "the deletion can be cancelled");

        browser.click(By.id("data-key-new"));
        browser.waitUntil("the new data key dialog", () -> browser.isPresent(By.id("data-key-name-field")));
        assertTrue(browser.text("data-key-plaintext-note").contains("GetDataKeyPlaintext"), browser.text("data-key-plaintext-note"));
        type("#data-key-name-field input", alias + "-console");
        type("#data-key-description-field textarea", "made in the console");
        chooseRadio("data-key-length", "16 bytes (AES-128)");
        browser.click(By.id("data-key-create-submit"));
        browser.waitUntil("the dialog to close", () -> !browser.isPresent(By.id("data-key-create-submit")));
        browser.waitUntil("the new data key in the grid", () -> rows("data-keys-grid").contains(alias + "-console|"));
        ListDataKeyDetailResponse hosted = listDataKeys(keyId);
        assertEquals(3L, hosted.getTotalCount(), "the SDK lists the two data keys and the console's");
        DataKeyMetadata made = Arrays.stream(hosted.getDataKeyMetadatas())
                .filter(d -> (alias + "-console").equals(d.getDataKeyName())).findFirst().orElseThrow();
        assertEquals(16L, made.getNumberOfBytes());
        assertEquals("made in the console", made.getDescription());
        assertEquals("Enabled", made.getKeyState());
        String plaintext = plaintext(made.getDataKeyId());
        assertEquals(16, java.util.Base64.getDecoder().decode(plaintext).length);
        assertFalse(browser.driver().getPageSource().contains(plaintext), "the console never shows the plaintext");

        String bound = rows("bindings-grid");
        assertTrue(bound.contains("|ssm|secret-1|" + secretId() + "|"), bound);
        assertTrue(browser.text("bindings-note").contains("cannot be disabled, archived, scheduled for deletion"));
        browser.waitForNotificationsToClose();
        browser.js("document.getElementById('data-keys').scrollIntoView();");
        browser.saveScreenshot("data-keys.png");

        // the bound key refuses to be disabled, and the page says why
        browser.click(By.id("key-disable"));
        browser.confirm();
        browser.waitUntil("the refusal", () -> browser.notificationShown("error"));
        String refusal = errorText();
        assertTrue(refusal.contains("cloud resource") && refusal.contains("cannot be disabled"), refusal);
        assertEquals("Enabled", state(keyId));
        assertEquals("Enabled", browser.driver().findElement(By.id("key-state")).getDomAttribute("data-state"));

        browser.waitForNotificationsToClose();
        browser.click(By.id("binding-unbind-ssm-secret-1"));
        browser.confirm();
        browser.waitUntil("the binding to go", () -> shown("bindings-empty"));
        browser.click(By.id("key-disable"));
        browser.confirm();
        browser.waitUntil("the key disabled", () -> "Disabled".equals(
                browser.driver().findElement(By.id("key-state")).getDomAttribute("data-state")));
        assertEquals("Disabled", state(keyId));
        // a disabled key generates nothing: the dialog is no longer offered
        assertFalse(shown("data-key-new"));
    }

    /** More data keys than a page holds: the pager reads the next page and back, newest first. */
    @Test
    void pagesThroughTheDataKeysOfAKey() throws Exception {
        String alias = uniqueAlias("many-data-keys");
        String keyId = createKey(alias);
        String oldest = generateHosted(keyId, alias + "-0").getDataKeyId();
        // creation times are in seconds: the oldest alone in its second is the last of the list
        Thread.sleep(1100);
        for (int i = 1; i <= 20; i++) {
            generateHosted(keyId, alias + "-" + i);
        }

        browser.openConsoleAndExpectLogin();
        browser.logIn(adminUsername(), adminPassword());
        browser.waitUntil("the logged-in layout", () -> browser.isPresent(By.id("logout-button")));
        browser.open("/console/keys/" + keyId);
        browser.waitUntil("the pager", () -> !range().isEmpty());
        waitForRange("1-20 of 21");
        assertEquals("21", browser.driver().findElement(By.id("data-keys-count")).getDomAttribute("data-count"));
        assertEquals(20, shownDataKeys(), rows("data-keys-grid"));
        assertFalse(rows("data-keys-grid").contains(oldest), "the oldest is on the second page");
        assertTrue(enabled("data-keys-next"));
        assertFalse(enabled("data-keys-previous"), "no page before the first");

        browser.click(By.id("data-keys-next"));
        waitForRange("21-21 of 21");
        assertTrue(rows("data-keys-grid").contains(alias + "-0|" + oldest + "|32 bytes|Enabled|"), rows("data-keys-grid"));
        assertEquals(1, shownDataKeys(), rows("data-keys-grid"));
        assertFalse(enabled("data-keys-next"), "no page after the last");
        assertTrue(enabled("data-keys-previous"));

        // a change reloads the page where the user is
        browser.click(By.id("data-key-disable-" + oldest));
        browser.confirm();
        waitForDataKeyState(oldest, "Disabled");
        waitForRange("21-21 of 21");
        assertEquals("Disabled", describeDataKey(oldest).getKeyState());

        browser.click(By.id("data-keys-previous"));
        waitForRange("1-20 of 21");
        assertEquals(20, shownDataKeys(), rows("data-keys-grid"));
        assertFalse(rows("data-keys-grid").contains(oldest), rows("data-keys-grid"));
    }

    /** A 32-byte data key hosted under the key, as an application makes it (GenerateDataKey with IsHostedByKms=1). */
    private static GenerateDataKeyResponse generateHosted(String keyId, String name) throws Exception {
        GenerateDataKeyResponse response = HostedDataKeysIT.generateHosted(keyId, name, 32L, null);
        assertTrue(response.getDataKeyId() != null && !response.getDataKeyId().isEmpty(), "a hosted data key has an id");
        return response;
    }

    private static ListDataKeyDetailResponse listDataKeys(String keyId) throws Exception {
        ListDataKeyDetailRequest request = new ListDataKeyDetailRequest();
        request.setKeyId(keyId);
        request.setLimit(200L);
        return kms.ListDataKeyDetail(request);
    }

    private static String plaintext(String dataKeyId) throws Exception {
        GetDataKeyPlaintextRequest request = new GetDataKeyPlaintextRequest();
        request.setDataKeyId(dataKeyId);
        return kms.GetDataKeyPlaintext(request).getPlaintext();
    }

    /** Waits for the pager to show the range, and says what it shows instead, with any refusal, if it does not. */
    private void waitForRange(String range) {
        try {
            browser.waitUntil("the range " + range, Duration.ofSeconds(10), () -> range.equals(range()));
        } catch (org.openqa.selenium.TimeoutException e) {
            // the assertion below says what is shown
        }
        assertEquals(range, range(), () -> "rows " + rows("data-keys-grid") + ", errors: " + errorText());
        assertTrue(shown("data-keys-range"), "the pager is shown");
    }

    /**
     * The pager's text, read from the page: Selenium's getText answers "" for an element the console's scrolling
     * content has moved out of the window.
     */
    private String range() {
        return String.valueOf(browser.js("const r = document.getElementById('data-keys-range'); return r ? r.textContent.trim() : '';"));
    }

    private void waitForDataKeyState(String dataKeyId, String state) {
        browser.waitUntil("data key " + dataKeyId + " in state " + state, () -> {
            List<WebElement> badge = browser.driver().findElements(By.id("data-key-state-" + dataKeyId));
            return !badge.isEmpty() && state.equals(badge.get(0).getDomAttribute("data-state"));
        });
    }

    private String errorText() {
        return String.valueOf(browser.js("return Array.from(document.querySelectorAll(\"vaadin-notification-card[theme~='error']\"))"
                + ".map(c => c.innerText).join(' ');"));
    }

    private void chooseRadio(String groupId, String label) {
        WebElement radio = browser.driver().findElement(By.id(groupId)).findElements(By.cssSelector("vaadin-radio-button")).stream()
                .filter(candidate -> candidate.getText().trim().equals(label)).findFirst().orElseThrow();
        radio.findElement(By.cssSelector("input")).click();
        browser.waitForVaadin();
    }

    private void type(String css, String text) {
        WebElement input = browser.driver().findElement(By.cssSelector(css));
        input.clear();
        input.sendKeys(text);
    }

    /** Rows of the data-key grid: each shows its length once. */
    private int shownDataKeys() {
        return rows("data-keys-grid").split("\\|32 bytes\\|", -1).length - 1;
    }

    /**
     * Whether the element is on the page and shown (Vaadin does not send a component hidden from the start), asked of
     * the browser: Selenium's isDisplayed says false for what the console's scrolling content has moved out of view.
     */
    private boolean shown(String id) {
        return Boolean.TRUE.equals(browser.js("const e = document.getElementById(arguments[0]); return !!e && e.checkVisibility();", id));
    }

    /** A Vaadin button is a custom element: Selenium's isEnabled does not see its disabled attribute. */
    private boolean enabled(String id) {
        return browser.driver().findElement(By.id(id)).getDomAttribute("disabled") == null;
    }

    private String rows(String gridId) {
        return String.valueOf(browser.js(GRID_ROWS, gridId));
    }
}
