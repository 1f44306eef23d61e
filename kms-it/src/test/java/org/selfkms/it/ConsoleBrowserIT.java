package org.selfkms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Drives the admin console in Debian's headless Chromium: login redirect, refused login, key creation and
 * disabling, logout. Plain Selenium with the system chromedriver - no TestBench, no WebDriverManager, as
 * nothing may be downloaded here. A missing browser is a failure, not a skip: the console must be tested.
 */
@RunAsClient
class ConsoleBrowserIT extends DeployedKms {

    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /**
     * Flow's client reports pending server round trips through isActive(); TestBench waits on the same
     * contract. An empty client list means Flow has not started yet, which is not "settled".
     */
    private static final String VAADIN_SETTLED = """
            const flow = window.Vaadin && window.Vaadin.Flow;
            if (!flow || !flow.clients) { return false; }
            const clients = Object.values(flow.clients).filter(c => c && typeof c.isActive === 'function');
            return clients.length > 0 && clients.every(c => !c.isActive());
            """;

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

    private Path profileDir;
    private WebDriver driver;

    @BeforeEach
    void startBrowser() throws IOException {
        assertTrue(Files.isExecutable(Path.of(CHROMIUM)), CHROMIUM + " is missing: install Debian's chromium");
        assertTrue(Files.isExecutable(Path.of(CHROMEDRIVER)), CHROMEDRIVER + " is missing: install chromium-driver");

        // A fresh profile per test: no cookies, no session, nothing left from an earlier run.
        profileDir = Files.createTempDirectory("kms-it-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1400,900", "--user-data-dir=" + profileDir);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
    }

    @AfterEach
    void stopBrowser() throws IOException {
        if (driver != null) {
            driver.quit();
        }
        if (profileDir != null) {
            try (Stream<Path> files = Files.walk(profileDir)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    @Test
    void wrongPasswordShowsErrorAndDoesNotLogIn() {
        openConsoleAndExpectLogin();

        logIn(adminUsername(), adminPassword() + "-wrong");

        waitUntil("the login form shows its error", () -> Boolean.TRUE.equals(js(
                "const f = document.querySelector('vaadin-login-form'); return !!f && f.error === true;")));
        String error = (String) js("""
                const w = document.querySelector('vaadin-login-form-wrapper');
                const part = w && w.shadowRoot && w.shadowRoot.querySelector('[part=error-message]');
                return part && !part.hidden ? part.textContent.trim() : '';
                """);
        assertFalse(error.isEmpty(), "an error message is visible");
        assertTrue(driver.getCurrentUrl().endsWith("/console/login"), "still on the login page");
        assertTrue(driver.findElements(By.id("logout-button")).isEmpty(), "no logged-in layout");

        // And the session did not become logged in behind the user's back.
        driver.get(baseUrl() + "/console/keys");
        waitForVaadin();
        waitUntil("redirect to login", () -> driver.getCurrentUrl().endsWith("/console/login"));
    }

    @Test
    void adminCreatesAndDisablesKey() throws IOException {
        openConsoleAndExpectLogin();
        logIn(adminUsername(), adminPassword());
        waitUntil("the keys view after login", () -> !driver.findElements(By.id("keys-grid")).isEmpty());
        assertTrue(driver.getCurrentUrl().endsWith("/console/"), "keys view at the console root");

        String alias = "it-console-" + System.currentTimeMillis();
        click(By.id("create-key-button"));
        waitUntil("the create dialog", () -> !driver.findElements(By.id("alias-field")).isEmpty());
        driver.findElement(By.cssSelector("#alias-field input")).sendKeys(alias);
        driver.findElement(By.cssSelector("#description-field textarea")).sendKeys("created by ConsoleBrowserIT");
        click(By.id("create-key-submit"));

        List<String> row = waitForRow(alias, "Enabled");
        assertEquals("ENCRYPT_DECRYPT", row.get(3), "usage column of " + row);
        assertTrue(row.get(4).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}"), "created (UTC) column of " + row);
        assertTrue(driver.findElements(By.id("alias-field")).isEmpty(), "dialog closed after creation");

        // The same alias again: the service refuses it, the console says so and keeps the dialog open.
        click(By.id("create-key-button"));
        waitUntil("the create dialog", () -> !driver.findElements(By.id("alias-field")).isEmpty());
        driver.findElement(By.cssSelector("#alias-field input")).sendKeys(alias);
        click(By.id("create-key-submit"));
        waitUntil("an error notification", () -> Boolean.TRUE.equals(js(
                "return !!document.querySelector(\"vaadin-notification-card[theme~='error']\");")));
        assertFalse(driver.findElements(By.id("alias-field")).isEmpty(), "dialog still open after a refusal");
        click(By.id("create-key-cancel"));

        click(By.id("disable-key-" + alias));
        waitForRow(alias, "Disabled");
        waitUntil("an Enable action for the disabled key",
                () -> !driver.findElements(By.id("enable-key-" + alias)).isEmpty());

        // The picture is for the documentation: let the toasts time out rather than cover the grid.
        waitUntil("notifications to close", () -> Boolean.TRUE.equals(js(
                "return document.querySelectorAll('vaadin-notification-card').length === 0;")));
        saveScreenshot("console-keys.png");

        click(By.id("logout-button"));
        waitUntil("back on the login page", () -> driver.getCurrentUrl().endsWith("/console/login"));
        driver.get(baseUrl() + "/console/");
        waitForVaadin();
        waitUntil("logged out: redirect to login", () -> driver.getCurrentUrl().endsWith("/console/login"));
    }

    private void openConsoleAndExpectLogin() {
        driver.get(baseUrl() + "/console/");
        waitForVaadin();
        waitUntil("redirect to /console/login", () -> driver.getCurrentUrl().endsWith("/console/login"));
        waitUntil("the login form", () -> !driver.findElements(By.cssSelector("#vaadinLoginUsername input")).isEmpty());
    }

    /** vaadin-login-form renders its fields in light DOM, with the native inputs slotted into them. */
    private void logIn(String username, String password) {
        driver.findElement(By.cssSelector("#vaadinLoginUsername input")).sendKeys(username);
        driver.findElement(By.cssSelector("#vaadinLoginPassword input")).sendKeys(password);
        click(By.cssSelector("vaadin-login-form vaadin-button[slot='submit']"));
    }

    private List<String> waitForRow(String alias, String state) {
        waitUntil("grid row " + alias + " in state " + state, () -> {
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
        return (List<String>) js(GRID_ROW_TEXTS, "keys-grid", cellText);
    }

    private void click(By locator) {
        waitForVaadin();
        driver.findElement(locator).click();
        waitForVaadin();
    }

    private void waitForVaadin() {
        waitUntil("Vaadin to settle", () -> Boolean.TRUE.equals(js(VAADIN_SETTLED)));
    }

    private void waitUntil(String what, BooleanSupplier condition) {
        new WebDriverWait(driver, TIMEOUT)
                .withMessage("waiting for " + what)
                .until(d -> condition.getAsBoolean());
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Documentation uses this picture, so it is written where the build keeps its output. */
    private void saveScreenshot(String name) throws IOException {
        Path target = Path.of(System.getProperty("kms.it.build.dir", "target"), "screenshots", name);
        Files.createDirectories(target.getParent());
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
    }
}
