package org.selfkms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tencentcloudapi.common.exception.TencentCloudSDKException;
import com.tencentcloudapi.kms.v20190118.models.DecryptRequest;
import com.tencentcloudapi.kms.v20190118.models.EncryptRequest;
import java.io.IOException;
import java.util.List;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * Drives the admin console in Debian's headless Chromium ({@link ConsoleBrowser}): login redirect, refused
 * login, key creation and disabling, logout.
 */
@RunAsClient
@org.junit.jupiter.api.Tag("console")
class ConsoleBrowserIT extends DeployedKms {

    @org.jboss.arquillian.container.test.api.Deployment(name = "sql", order = 2, testable = false)
    public static org.jboss.shrinkwrap.api.spec.WebArchive sqlAccess() {
        return ServerSql.archive();
    }

    /**
     * The texts of the grid row that holds a cell with the given text. Vaadin Grid keeps cell contents in
     * light DOM (vaadin-grid-cell-content) and slots them into rows in its shadow DOM; the slot leads back
     * to the row. Returns null when no visible row has that text.
     */
    private static final String GRID_ROW_TEXTS = """
            const grid = document.getElementById(arguments[0]);
            if (!grid) { return null; }
            for (const cell of grid.querySelectorAll('vaadin-grid-cell-content')) {
                const row = cell.assignedSlot && cell.assignedSlot.closest('tr');
                if (cell.textContent.trim() !== arguments[1] || !row || row.hidden) { continue; }
                return Array.from(row.querySelectorAll('slot'))
                        .map(s => s.assignedElements().map(e => e.textContent.trim()).join(''));
            }
            return null;
            """;

    private ConsoleBrowser browser;
    private WebDriver driver;

    @BeforeEach
    void startBrowser() throws IOException {
        browser = ConsoleBrowser.start(baseUrl());
        driver = browser.driver();
    }

    @AfterEach
    void stopBrowser() throws IOException {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void wrongPasswordShowsErrorAndDoesNotLogIn() {
        browser.openConsoleAndExpectLogin();

        browser.logIn(adminUsername(), adminPassword() + "-wrong");

        browser.waitUntil("the login form shows its error", () -> Boolean.TRUE.equals(browser.js(
                "const f = document.querySelector('vaadin-login-form'); return !!f && f.error === true;")));
        String error = (String) browser.js("""
                const w = document.querySelector('vaadin-login-form-wrapper');
                const part = w && w.shadowRoot && w.shadowRoot.querySelector('[part=error-message]');
                return part && !part.hidden ? part.textContent.trim() : '';
                """);
        assertFalse(error.isEmpty(), "an error message is visible");
        assertTrue(driver.getCurrentUrl().endsWith("/console/login"), "still on the login page");
        assertTrue(driver.findElements(By.id("logout-button")).isEmpty(), "no logged-in layout");

        // And the session did not become logged in behind the user's back.
        browser.open("/console/keys");
        browser.waitUntil("redirect to login", () -> driver.getCurrentUrl().endsWith("/console/login"));
    }

    @Test
    void adminCreatesAndDisablesKey() throws Exception {
        String faviconRecords = "SELECT count(*) FROM kms_audit_record WHERE action LIKE '%favicon%'";
        String before = ServerSql.run(faviconRecords).strip();
        browser.openConsoleAndExpectLogin();
        browser.logIn(adminUsername(), adminPassword());
        browser.waitUntil("the overview after login", () -> browser.isPresent(By.id("overview-cards")));
        assertTrue(driver.getCurrentUrl().endsWith("/console/"), "the overview at the console root");
        browser.openKeys();
        // the console names its own icon, so the browser does not ask the Tencent door for /favicon.ico
        assertEquals("icons/favicon.svg", browser.js("const l = document.querySelector('link[rel=icon]'); return l && l.getAttribute('href');"));
        assertEquals(200, java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(baseUrl() + "/console/icons/favicon.svg")).build(),
                java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode());
        assertEquals(before, ServerSql.run(faviconRecords).strip(), "no page load asked the Tencent door for /favicon.ico");

        String alias = "it-console-" + System.currentTimeMillis();
        browser.click(By.id("create-key-button"));
        browser.waitUntil("the create dialog", () -> !driver.findElements(By.id("alias-field")).isEmpty());
        driver.findElement(By.cssSelector("#alias-field input")).sendKeys(alias);
        driver.findElement(By.cssSelector("#description-field textarea")).sendKeys("created by ConsoleBrowserIT");
        // the key is made at the HSM level whatever the server's default is
        browser.click(By.id("protection-level-select"));
        browser.waitUntil("the protection level choices", () -> !driver.findElements(By.cssSelector("vaadin-select-item")).isEmpty());
        driver.findElements(By.cssSelector("vaadin-select-item")).stream()
                .filter(item -> item.isDisplayed() && item.getText().trim().equals("HSM")).findFirst().orElseThrow().click();
        browser.click(By.id("create-key-submit"));

        List<String> row = waitForRow(alias, "Enabled");
        assertEquals("Symmetric encrypt/decrypt (AES-256)", row.get(3), "usage column of " + row);
        assertEquals("HSM", row.get(4), "protection column of " + row);
        assertEquals("Generated", row.get(5), "origin column of " + row);
        assertHsmKeyWorks(alias);
        assertTrue(row.get(6).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}"), "created (UTC) column of " + row);
        // The grid refresh and the dialog's close arrive together, but the overlay leaves the DOM only
        // after its closing animation: wait for it rather than race it.
        browser.waitUntil("the dialog to close after creation", () -> driver.findElements(By.id("alias-field")).isEmpty());

        // The same alias again: the service refuses it, the console says so and keeps the dialog open.
        browser.click(By.id("create-key-button"));
        browser.waitUntil("the create dialog", () -> !driver.findElements(By.id("alias-field")).isEmpty());
        driver.findElement(By.cssSelector("#alias-field input")).sendKeys(alias, org.openqa.selenium.Keys.ENTER);
        browser.waitUntil("the refusal on the alias field", () -> driver.findElement(By.id("alias-field")).getDomAttribute("invalid") != null);
        assertTrue(String.valueOf(driver.findElement(By.id("alias-field")).getDomProperty("errorMessage")).contains("already in use"),
                "the field says why: " + driver.findElement(By.id("alias-field")).getDomProperty("errorMessage"));
        assertEquals(alias, driver.findElement(By.cssSelector("#alias-field input")).getDomProperty("value"), "the input is kept");
        assertFalse(driver.findElements(By.id("alias-field")).isEmpty(), "dialog still open after a refusal");
        browser.click(By.id("create-key-cancel"));

        browser.keyRowAction(alias, "disable");
        assertTrue(browser.text("confirm-consequence").contains("refused until it is enabled again"),
                "the question names the consequence: " + browser.text("confirm-consequence"));
        browser.click(By.id("confirm-cancel"));
        waitForRow(alias, "Enabled");
        browser.keyRowAction(alias, "disable");
        browser.confirm();
        waitForRow(alias, "Disabled");
        assertTrue(browser.keyRowOffers(alias, "enable"), "an Enable action for the disabled key");

        browser.waitForNotificationsToClose();

        // About names the build that serves the console, as GET /api/v1/version does
        browser.click(By.id("about-button"));
        browser.waitUntil("the About dialog", () -> browser.isPresent(By.id("about-version")));
        assertEquals(System.getProperty("kms.it.project.version"), browser.text("about-version"));
        browser.click(By.id("about-close"));
        browser.waitUntil("the About dialog to close", () -> !browser.isPresent(By.id("about-version")));

        browser.click(By.id("logout-button"));
        browser.waitUntil("back on the login page", () -> driver.getCurrentUrl().endsWith("/console/login"));
        browser.open("/console/");
        browser.waitUntil("logged out: redirect to login", () -> driver.getCurrentUrl().endsWith("/console/login"));
    }

    /**
     * The landing page counts what the service holds and what it answered: a key made and a request refused
     * through the SDK move its numbers, a key scheduled for deletion is listed with its time left, and the audit
     * chain verifies from it.
     */
    @Test
    void overviewCountsKeysRequestsAndRefusals() throws Exception {
        String alias = uniqueAlias("it-overview");
        com.tencentcloudapi.kms.v20190118.models.CreateKeyRequest create = new com.tencentcloudapi.kms.v20190118.models.CreateKeyRequest();
        create.setAlias(alias);
        String keyId = kms().CreateKey(create).getKeyId();
        com.tencentcloudapi.kms.v20190118.models.DisableKeyRequest disable = new com.tencentcloudapi.kms.v20190118.models.DisableKeyRequest();
        disable.setKeyId(keyId);
        kms().DisableKey(disable);
        com.tencentcloudapi.kms.v20190118.models.ScheduleKeyDeletionRequest schedule = new com.tencentcloudapi.kms.v20190118.models.ScheduleKeyDeletionRequest();
        schedule.setKeyId(keyId);
        schedule.setPendingWindowInDays(7L);
        kms().ScheduleKeyDeletion(schedule);
        EncryptRequest refused = new EncryptRequest();
        refused.setKeyId(keyId);
        refused.setPlaintext("b3ZlcnZpZXc=");
        try {
            kms().Encrypt(refused);
            org.junit.jupiter.api.Assertions.fail("a key pending deletion encrypts nothing");
        } catch (TencentCloudSDKException expected) {
            assertEquals("ResourceUnavailable.CmkStateNotSupport", expected.getErrorCode(), expected.getMessage());
        }

        browser.openConsoleAndExpectLogin();
        browser.logIn(adminUsername(), adminPassword());
        browser.waitUntil("the overview", () -> browser.isPresent(By.id("overview-key-count")));
        long keys = Long.parseLong(driver.findElement(By.id("overview-key-count")).getDomAttribute("data-count"));
        assertTrue(keys >= 1, "the key just made is counted: " + keys);
        assertTrue(browser.text("overview-pending-deletions").contains(alias),
                "the key pending deletion is listed: " + browser.text("overview-pending-deletions"));
        assertTrue(browser.text("overview-pending-deletions").matches("(?s).*" + alias + "\\s*deleted in 6 days 2\\d h.*"),
                "with the time left: " + browser.text("overview-pending-deletions"));
        String summary = browser.text("overview-activity-summary");
        java.util.regex.Matcher counts = java.util.regex.Pattern.compile("(\\d+) requests, (\\d+) refused").matcher(summary);
        assertTrue(counts.find(), summary);
        assertTrue(Long.parseLong(counts.group(2)) >= 1, "the refused Encrypt is counted: " + summary);
        assertEquals(Boolean.TRUE, browser.js("const r = document.querySelector('#overview-activity rect');"
                + " return r instanceof SVGRectElement && r.getBBox().height > 0;"), "the timeline draws columns as SVG");
        assertTrue(browser.text("overview-top-actions").contains("Encrypt"), "Encrypt among the busiest actions: "
                + browser.text("overview-top-actions"));

        // one more key, and the day's range: the count follows
        com.tencentcloudapi.kms.v20190118.models.CreateKeyRequest another = new com.tencentcloudapi.kms.v20190118.models.CreateKeyRequest();
        another.setAlias(uniqueAlias("it-overview"));
        kms().CreateKey(another);
        browser.click(By.cssSelector("#overview-activity-range vaadin-tab:nth-of-type(2)"));
        browser.waitUntil("the count to follow", () -> Long.parseLong(
                driver.findElement(By.id("overview-key-count")).getDomAttribute("data-count")) == keys + 1);

        browser.click(By.id("overview-verify"));
        browser.waitUntil("the chain's verdict", () -> browser.text("overview-verification").startsWith("Intact"));
        browser.waitForNotificationsToClose();
        browser.js("document.getElementById('overview-cards').scrollIntoView();");
        browser.saveScreenshot("overview.png");
    }

    /** The key made in the console encrypts and decrypts through the SDK: its token key exists. */
    private static void assertHsmKeyWorks(String alias) {
        try {
            EncryptRequest encrypt = new EncryptRequest();
            encrypt.setKeyId("alias/" + alias);
            encrypt.setPlaintext("Y29uc29sZQ==");
            DecryptRequest decrypt = new DecryptRequest();
            decrypt.setCiphertextBlob(kms().Encrypt(encrypt).getCiphertextBlob());
            assertEquals("Y29uc29sZQ==", kms().Decrypt(decrypt).getPlaintext());
        } catch (TencentCloudSDKException e) {
            throw new AssertionError("the console-made HSM key must work: " + e.getMessage(), e);
        }
    }

    private List<String> waitForRow(String alias, String state) {
        browser.waitUntil("grid row " + alias + " in state " + state, () -> {
            List<String> row = gridRow(alias);
            return row != null && row.size() > 2 && state.equals(row.get(2));
        });
        List<String> row = gridRow(alias);
        assertEquals(alias, row.get(0), "alias column");
        assertFalse(row.get(1).isEmpty(), "key id column of " + row);
        return row;
    }

    @SuppressWarnings("unchecked")
    private List<String> gridRow(String cellText) {
        return (List<String>) browser.js(GRID_ROW_TEXTS, "keys-grid", cellText);
    }
}
