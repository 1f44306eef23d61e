package org.selfkms.it;

import org.openqa.selenium.By;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a tenant administrator does on the console's Access page, for tests that need users and credentials. */
final class AccessPage {

    private AccessPage() {
    }

    /** On the Access page: adds a user with a role ({@code KEY_USER}, {@code AUDITOR}, {@code TENANT_ADMIN}). */
    static void addUser(ConsoleBrowser browser, String username, String role, String password) {
        browser.click(By.id("add-user-button"));
        browser.waitUntil("the add-user dialog", () -> browser.isPresent(By.id("new-user-name")));
        browser.driver().findElement(By.cssSelector("#new-user-name input")).sendKeys(username);
        browser.driver().findElement(By.cssSelector("#new-user-password input")).sendKeys(password);
        browser.click(By.id("new-user-role"));
        browser.waitUntil("the role choices", () -> !browser.driver().findElements(By.cssSelector("vaadin-select-item")).isEmpty());
        // a script click: the opening overlay puts the selected item over its neighbours for a moment
        browser.js("arguments[0].click();", browser.driver().findElements(By.cssSelector("vaadin-select-item")).stream()
                .filter(item -> item.getText().trim().equals(role)).findFirst().orElseThrow());
        browser.waitForVaadin();
        // Enter in the dialog adds the user, as its button does
        browser.driver().findElement(By.cssSelector("#new-user-password input")).sendKeys(org.openqa.selenium.Keys.ENTER);
        browser.waitUntil("the user in the grid", () -> browser.isPresent(By.id("delete-user-" + username)));
        browser.waitUntil("the dialog closed", () -> !browser.isPresent(By.id("new-user-name")));
    }

    /** On the Access page: a new credential for the user; @return SecretId and SecretKey, read from the one-time dialog */
    static String[] newCredential(ConsoleBrowser browser, String username) {
        browser.click(By.id("new-credential-" + username));
        return oneTimeCredential(browser);
    }

    /** Reads SecretId and SecretKey from the one-time dialog, closes it and waits for the credential in the grid. */
    static String[] oneTimeCredential(ConsoleBrowser browser) {
        browser.waitUntil("the one-time dialog", () -> browser.isPresent(By.id("new-credential-secret-key")));
        String secretId = String.valueOf(browser.js("return document.querySelector('#new-credential-secret-id input').value;"));
        String secretKey = String.valueOf(browser.js("return document.querySelector('#new-credential-secret-key input').value;"));
        // Esc would lose the secret for good: only the button closes the dialog
        browser.driver().findElement(By.cssSelector("#new-credential-secret-key input")).sendKeys(org.openqa.selenium.Keys.ESCAPE);
        browser.waitForVaadin();
        assertTrue(browser.isPresent(By.id("new-credential-secret-key")), "Esc does not close the one-time dialog");
        assertTrue(browser.isPresent(By.id("new-credential-copy-key")) && browser.isPresent(By.id("new-credential-download")),
                "the secret can be copied or downloaded");
        browser.click(By.id("new-credential-done"));
        browser.waitUntil("the dialog closed", () -> !browser.isPresent(By.id("new-credential-secret-key")));
        browser.waitUntil("the credential in the grid", () -> browser.isPresent(By.id("disable-credential-" + secretId)));
        assertTrue(secretId.startsWith("AKID") && secretKey.length() >= 32, "a credential was shown");
        return new String[]{secretId, secretKey};
    }

    /** Logs in and opens the Access page. */
    static void open(ConsoleBrowser browser, String username, String password) {
        browser.openConsoleAndExpectLogin();
        browser.logIn(username, password);
        browser.waitUntil("the console after login", () -> browser.isPresent(By.id("logout-button")));
        browser.open("/console/access");
        browser.waitUntil("the access page", () -> browser.isPresent(By.id("users-grid")));
    }

    static void logOut(ConsoleBrowser browser) {
        browser.click(By.id("logout-button"));
        browser.waitUntil("back on the login page", () -> browser.driver().getCurrentUrl().endsWith("/console/login"));
    }
}
