package org.selfkms.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Comparator;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
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
 * The admin console in Debian's headless Chromium, for the browser tests: plain Selenium with the system
 * chromedriver - no TestBench, no WebDriverManager, as nothing may be downloaded here. A missing browser is
 * a failure, not a skip: the console must be tested. Each instance has a fresh profile (no cookies, no
 * session, nothing left from an earlier run), which {@link #close()} deletes again.
 */
final class ConsoleBrowser implements AutoCloseable {

    static final Duration TIMEOUT = Duration.ofSeconds(30);

    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";

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

    private final String baseUrl;
    private final Path profileDir;
    private final WebDriver driver;

    private ConsoleBrowser(String baseUrl, Path profileDir, WebDriver driver) {
        this.baseUrl = baseUrl;
        this.profileDir = profileDir;
        this.driver = driver;
    }

    /** @param baseUrl the server, e.g. {@code http://127.0.0.1:8180}; the console is under {@code /console/} */
    static ConsoleBrowser start(String baseUrl) throws IOException {
        assertTrue(Files.isExecutable(Path.of(CHROMIUM)), CHROMIUM + " is missing: install Debian's chromium");
        assertTrue(Files.isExecutable(Path.of(CHROMEDRIVER)), CHROMEDRIVER + " is missing: install chromium-driver");

        Path profileDir = Files.createTempDirectory("kms-it-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1400,900", "--user-data-dir=" + profileDir);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .build();
        try {
            return new ConsoleBrowser(baseUrl, profileDir, new ChromeDriver(service, options));
        } catch (RuntimeException e) {
            deleteTree(profileDir);
            throw e;
        }
    }

    WebDriver driver() {
        return driver;
    }

    /** Loads a console address, e.g. {@code /console/keys}, and waits until Vaadin has started and settled. */
    void open(String path) {
        driver.get(baseUrl + path);
        waitForVaadin();
    }

    void openConsoleAndExpectLogin() {
        open("/console/");
        waitUntil("redirect to /console/login", () -> driver.getCurrentUrl().endsWith("/console/login"));
        waitUntil("the login form", () -> !driver.findElements(By.cssSelector("#vaadinLoginUsername input")).isEmpty());
    }

    /** After a login: waits until it has taken (the console starts on its overview), then opens the key list. */
    void openKeys() {
        waitUntil("the logged-in layout", () -> isPresent(By.id("logout-button")));
        open("/console/keys");
        waitUntil("the key list", () -> isPresent(By.id("keys-grid")));
    }

    /** vaadin-login-form renders its fields in light DOM, with the native inputs slotted into them. */
    void logIn(String username, String password) {
        driver.findElement(By.cssSelector("#vaadinLoginUsername input")).sendKeys(username);
        driver.findElement(By.cssSelector("#vaadinLoginPassword input")).sendKeys(password);
        click(By.cssSelector("vaadin-login-form vaadin-button[slot='submit']"));
    }

    /**
     * Scrolls the element to the middle of the view first: the console scrolls inside the app layout, and an
     * element scrolled only to the top edge sits under the navbar and the notifications.
     */
    void click(By locator) {
        waitForVaadin();
        WebElement element = driver.findElement(locator);
        js("arguments[0].scrollIntoView({block: 'center'});", element);
        element.click();
        waitForVaadin();
    }

    /** Answers the console's confirmation question with its confirm button and waits for the dialog to go. */
    void confirm() {
        waitUntil("the confirmation dialog", () -> isPresent(By.id("confirm-button")));
        click(By.id("confirm-button"));
        waitUntil("the confirmation dialog to close", () -> !isPresent(By.id("confirm-button")));
    }

    /** As {@link #confirm()}, for a question that wants a name typed first. */
    void confirmTyped(String name) {
        waitUntil("the confirmation dialog", () -> isPresent(By.cssSelector("#confirm-typed input")));
        driver.findElement(By.cssSelector("#confirm-typed input")).sendKeys(name);
        waitForVaadin();
        confirm();
    }

    /** As {@link #confirmTyped}, typing the name the question asks for ("Type NAME to confirm"). */
    void confirmTypedAsAsked() {
        waitUntil("the confirmation dialog", () -> isPresent(By.cssSelector("#confirm-typed input")));
        String label = driver.findElement(By.id("confirm-typed")).getDomProperty("label");
        confirmTyped(label.replaceFirst("^Type (.*) to confirm$", "$1"));
    }

    /** Opens the actions menu of a key list row (named by alias) and chooses {@code action}, e.g. {@code disable}. */
    void keyRowAction(String rowName, String action) {
        click(By.cssSelector("#key-actions-" + rowName + " vaadin-menu-bar-button"));
        String item = "key-action-" + action + "-" + rowName;
        waitUntil("the row menu item " + item, () -> isPresent(By.id(item)));
        click(By.id(item));
    }

    /** Whether the row's actions menu offers {@code action}; closes the menu again. */
    boolean keyRowOffers(String rowName, String action) {
        click(By.cssSelector("#key-actions-" + rowName + " vaadin-menu-bar-button"));
        waitUntil("the row menu", () -> isPresent(By.id("key-action-details-" + rowName)));
        boolean offered = isPresent(By.id("key-action-" + action + "-" + rowName));
        driver.switchTo().activeElement().sendKeys(org.openqa.selenium.Keys.ESCAPE);
        waitUntil("the row menu to close", () -> !isPresent(By.id("key-action-details-" + rowName)));
        return offered;
    }

    boolean isPresent(By locator) {
        return !driver.findElements(locator).isEmpty();
    }

    void waitForVaadin() {
        waitUntil("Vaadin to settle", () -> Boolean.TRUE.equals(js(VAADIN_SETTLED)));
    }

    void waitUntil(String what, BooleanSupplier condition) {
        waitUntil(what, TIMEOUT, condition);
    }

    /**
     * Polls the condition (Selenium's default, every 500 ms) until it holds or the timeout has passed; a timeout
     * names the page the browser was on and the start of its text, so a failure says what was shown instead.
     */
    void waitUntil(String what, Duration timeout, BooleanSupplier condition) {
        new WebDriverWait(driver, timeout)
                .withMessage(() -> "waiting for " + what + " on " + driver.getCurrentUrl() + ", which shows: " + shownText())
                .until(d -> condition.getAsBoolean());
    }

    private String shownText() {
        try {
            String text = String.valueOf(js("return document.body ? document.body.innerText : '';")).replaceAll("\\s+", " ");
            return text.length() > 400 ? text.substring(0, 400) + "..." : text;
        } catch (RuntimeException e) {
            return "(unreadable: " + e.getClass().getSimpleName() + ")";
        }
    }

    /** Toasts of the given Lumo theme ({@code success}, {@code error}) currently shown. */
    boolean notificationShown(String theme) {
        return Boolean.TRUE.equals(js("return !!document.querySelector(\"vaadin-notification-card[theme~='"
                + theme + "']\");"));
    }

    /** Pictures are for the documentation: let the toasts time out rather than cover the view. */
    void waitForNotificationsToClose() {
        waitUntil("notifications to close", () -> Boolean.TRUE.equals(js(
                "return document.querySelectorAll('vaadin-notification-card').length === 0;")));
    }

    /**
     * What the page put on the clipboard: read in the page through the Clipboard API, which Chromium allows once
     * the permission is granted (the console runs on localhost, a secure context).
     */
    String clipboard() {
        ((org.openqa.selenium.chromium.HasPermissions) driver).setPermission("clipboard-read", "granted");
        waitForVaadin();
        return String.valueOf(((JavascriptExecutor) driver).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "navigator.clipboard.readText().then(done, e => done('clipboard refused: ' + e));"));
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Documentation uses these pictures, so they are written where the build keeps its output. */
    void saveScreenshot(String name) throws IOException {
        Path target = Path.of(System.getProperty("kms.it.build.dir", "target"), "screenshots", name);
        Files.createDirectories(target.getParent());
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
    }

    // ---- the Token view ------------------------------------------------------------------------

    /** Logs in and opens the Token view, waiting until its values are shown. */
    void openTokenView(String username, String password) {
        openTokenView(username, password, TIMEOUT);
    }

    /**
     * As {@link #openTokenView(String, String)}, giving the login up to {@code loginTimeout}: a server that has just
     * restarted into work of its own (a resumed domain-key rotation re-wrapping through a PKCS#11 token) may take longer
     * than a page usually does to answer the first login.
     */
    void openTokenView(String username, String password, Duration loginTimeout) {
        openConsoleAndExpectLogin();
        logIn(username, password);
        waitUntil("the layout after login", loginTimeout, () -> isPresent(By.id("nav-token")));
        click(By.id("nav-token"));
        waitUntil("the token view", () -> isPresent(By.id("active-domain-key-version"))
                && !text("active-domain-key-version").isEmpty());
    }

    String text(String id) {
        return driver().findElement(By.id(id)).getText().trim();
    }

    int number(String id) {
        return Integer.parseInt(text(id));
    }

    /** The Token view lists the versions the token holds as "1, 2". */
    List<Integer> domainKeyVersions() {
        return Arrays.stream(text("domain-key-versions").split(","))
                .map(String::trim)
                .filter(version -> !version.isEmpty())
                .map(Integer::valueOf)
                .toList();
    }

    @Override
    public void close() throws IOException {
        try {
            driver.quit();
        } finally {
            deleteTree(profileDir);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }
}
