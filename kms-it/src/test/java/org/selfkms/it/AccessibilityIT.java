package org.selfkms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import com.tencentcloudapi.kms.v20190118.models.CreateKeyRequest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Every console view, in the light and the dark theme, checked by axe-core (the accessibility rules engine browsers'
 * audit tools use) in the real Chromium: no violation of serious or critical impact, one {@code h1} per page, and a
 * main landmark. Each view is also photographed for docs/console.md.
 */
@org.junit.jupiter.api.Tag("clients")
class AccessibilityIT extends SdkBrowserTest {

    private static final List<String> BLOCKING = List.of("serious", "critical");

    private final List<String> problems = new ArrayList<>();

    @Test
    void everyViewPassesAxeInBothThemes() throws Exception {
        CreateKeyRequest create = new CreateKeyRequest();
        create.setAlias(uniqueAlias("a11y"));
        create.setDescription("checked for accessibility");
        String keyId = kms.CreateKey(create).getKeyId();

        browser.openConsoleAndExpectLogin();
        check("login", false);
        browser.logIn(adminUsername(), adminPassword());
        browser.waitUntil("the overview", () -> browser.isPresent(By.id("overview-cards")));
        for (boolean dark : List.of(false, true)) {
            if (dark) {
                browser.click(By.id("theme-toggle"));
                browser.waitUntil("the dark theme", () -> "dark".equals(browser.js("return document.documentElement.getAttribute('theme');")));
            }
            String theme = dark ? "-dark" : "";
            visit("/console/", "overview-key-count", "overview" + theme);
            visit("/console/keys", "keys-grid", "keys" + theme);
            browser.click(By.id("create-key-button"));
            browser.waitUntil("the create dialog", () -> browser.isPresent(By.id("alias-field")));
            check("create-key" + theme, false);
            visit("/console/keys/" + keyId, "key-fact-key-id", "key" + theme);
            visit("/console/audit", "audit-grid", "audit" + theme);
            visit("/console/token", "active-domain-key-version", "token" + theme);
            visit("/console/access", "users-grid", "access" + theme);
        }
        visit("/console/no-such-page", "not-found-title", "not-found");
        assertEquals(List.of(), problems, "accessibility problems");
    }

    /** The theme chosen with the toggle outlives a reload; without a choice the browser's preference decides. */
    @Test
    void darkThemeFollowsTheBrowserUntilChosen() {
        ((org.openqa.selenium.chromium.ChromiumDriver) browser.driver()).executeCdpCommand("Emulation.setEmulatedMedia",
                Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", "dark"))));
        browser.openConsoleAndExpectLogin();
        assertEquals("dark", browser.js("return document.documentElement.getAttribute('theme');"),
                "the login page is dark when the browser prefers it");
        browser.logIn(adminUsername(), adminPassword());
        browser.waitUntil("the overview", () -> browser.isPresent(By.id("overview-cards")));
        assertEquals("true", browser.driver().findElement(By.id("theme-toggle")).getDomAttribute("aria-pressed"));
        browser.click(By.id("theme-toggle"));
        browser.waitUntil("the light theme", () -> browser.js("return document.documentElement.getAttribute('theme');") == null);
        browser.open("/console/keys");
        browser.waitUntil("the keys", () -> browser.isPresent(By.id("keys-grid")));
        assertEquals(null, browser.js("return document.documentElement.getAttribute('theme');"),
                "the choice outlives the page, against the browser's preference");
        assertEquals("false", browser.driver().findElement(By.id("theme-toggle")).getDomAttribute("aria-pressed"));
    }

    /** Opens a view of the logged-in layout, waits for the element that shows it is there, and checks it. */
    private void visit(String path, String readyId, String page) throws IOException {
        browser.open(path);
        browser.waitUntil(page, () -> browser.isPresent(By.id(readyId)));
        check(page, true);
    }

    private void check(String page, boolean inLayout) throws IOException {
        browser.waitForVaadin();
        Results results = new AxeBuilder().analyze(browser.driver());
        assertTrue(results.getErrorMessage() == null, page + ": axe failed: " + results.getErrorMessage());
        for (Rule rule : results.getViolations()) {
            if (BLOCKING.contains(rule.getImpact())) {
                problems.add(page + ": " + rule.getId() + " (" + rule.getImpact() + ") " + rule.getHelp() + " at "
                        + rule.getNodes().stream().map(node -> String.valueOf(node.getTarget())).collect(Collectors.joining(", ")));
            }
        }
        long headings = (Long) browser.js("return document.querySelectorAll('h1').length;");
        if (headings != 1) {
            problems.add(page + ": " + headings + " h1 elements");
        }
        if (inLayout && !Boolean.TRUE.equals(browser.js("return !!document.querySelector('main, [role=main]');"))) {
            problems.add(page + ": no main landmark");
        }
        browser.saveScreenshot("a11y-" + page + ".png");
    }
}
