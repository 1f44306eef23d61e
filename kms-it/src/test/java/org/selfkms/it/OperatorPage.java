package org.selfkms.it;

import org.openqa.selenium.By;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the platform operator does on the console's Tenants page, for tests that need a second tenant. */
final class OperatorPage {

    private OperatorPage() {
    }

    /** Logs the operator in; the Tenants page is the operator's home. */
    static void open(ConsoleBrowser browser) {
        browser.openConsoleAndExpectLogin();
        browser.logIn("operator", System.getProperty("kms.it.operator.password"));
        browser.waitUntil("the tenants page, the operator's home", () -> browser.isPresent(By.id("tenants-grid")));
        assertFalse(browser.isPresent(By.id("nav-access")), "the operator administers no tenant's users");
    }

    /** On the Tenants page: creates an active tenant with its administrator; @return its account Uin */
    static long createTenant(ConsoleBrowser browser, String tenantName, String adminName, String adminPassword) {
        browser.click(By.id("create-tenant-button"));
        browser.waitUntil("the dialog", () -> browser.isPresent(By.id("tenant-name")));
        browser.driver().findElement(By.cssSelector("#tenant-name input")).sendKeys(tenantName);
        browser.driver().findElement(By.cssSelector("#tenant-admin-name input")).sendKeys(adminName);
        browser.driver().findElement(By.cssSelector("#tenant-admin-password input")).sendKeys(adminPassword);
        browser.click(By.id("create-tenant-submit"));
        browser.waitUntil("the tenant in the grid", () -> String.valueOf(browser.js(
                "return document.getElementById('tenants-grid').innerText;")).contains(tenantName));
        String row = String.valueOf(browser.js("""
                const cells = Array.from(document.querySelectorAll('#tenants-grid vaadin-grid-cell-content')).map(c => c.textContent.trim());
                const i = cells.indexOf(arguments[0]);
                return cells.slice(i, i + 3).join('|');
                """, tenantName));
        assertTrue(row.endsWith("|Active"), row);
        return Long.parseLong(row.split("\\|")[1]);
    }

    /** Logs the operator in, suspends or resumes the tenant, waits for its new state and logs out. */
    static void setSuspended(ConsoleBrowser browser, long accountUin, boolean suspended) {
        open(browser);
        String button = (suspended ? "suspend-tenant-" : "resume-tenant-") + accountUin;
        browser.waitUntil("the " + button + " button", () -> browser.isPresent(By.id(button)));
        browser.click(By.id(button));
        if (suspended) {
            browser.confirmTypedAsAsked();
        }
        String next = (suspended ? "resume-tenant-" : "suspend-tenant-") + accountUin;
        browser.waitUntil("the tenant's new state", () -> browser.isPresent(By.id(next)));
        AccessPage.logOut(browser);
    }
}
