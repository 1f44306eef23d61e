package org.selfkms.it;

import com.tencentcloudapi.common.CommonClient;
import com.tencentcloudapi.common.AbstractModel;
import com.tencentcloudapi.kms.v20190118.KmsClient;
import com.tencentcloudapi.kms.v20190118.models.CreateKeyRequest;
import com.tencentcloudapi.kms.v20190118.models.DescribeKeyRequest;
import com.tencentcloudapi.kms.v20190118.models.EncryptRequest;
import com.tencentcloudapi.kms.v20190118.models.GenerateDataKeyRequest;
import com.tencentcloudapi.kms.v20190118.models.ListKeysRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Roles through both doors. The administrator adds a key user and an auditor in the console's Access page and
 * gives each an API credential (the SecretKey read from the one-time dialog); then every lifecycle action of the
 * Tencent API is tried with each credential, and each user logs in to see only the pages and buttons the role
 * may use. Finally a disabled and a deleted credential stop working at once.
 */
@org.junit.jupiter.api.Tag("console")
class RolesIT extends SdkKeyTest {

    /** To read the audit trail. */
    @org.jboss.arquillian.container.test.api.Deployment(name = "sql", order = 2, testable = false)
    public static org.jboss.shrinkwrap.api.spec.WebArchive sqlAccess() {
        return ServerSql.archive();
    }

    private static final String PASSWORD = "role-test-password-1";
    private static ConsoleBrowser browser;
    private static String keyUser;
    private static String auditor;
    private static String[] keyUserCredential;
    private static String[] auditorCredential;
    private static String keyId;

    @BeforeAll
    static void adminAddsUsersAndCredentials() throws Exception {
        keyId = createKey(uniqueAlias("roles"));
        keyUser = uniqueAlias("keyuser");
        auditor = uniqueAlias("auditor");
        browser = ConsoleBrowser.start(baseUrl());
        browser.openConsoleAndExpectLogin();
        browser.logIn(adminUsername(), adminPassword());
        browser.openKeys();
        browser.waitUntil("the keys view", () -> browser.isPresent(By.id("keys-grid")));
        browser.click(By.id("nav-access"));
        browser.waitUntil("the access page", () -> browser.isPresent(By.id("users-grid")));
        addUser(keyUser, "KEY_USER");
        addUser(auditor, "AUDITOR");
        keyUserCredential = newCredential(keyUser);
        auditorCredential = newCredential(auditor);
        browser.click(By.id("logout-button"));
        browser.waitUntil("back on the login page", () -> browser.driver().getCurrentUrl().endsWith("/console/login"));
    }

    /** Each test starts logged out, whatever the one before left behind. */
    @BeforeEach
    void loggedOut() {
        browser.open("/console/");
        if (browser.isPresent(By.id("logout-button"))) {
            browser.click(By.id("logout-button"));
            browser.waitUntil("back on the login page", () -> browser.driver().getCurrentUrl().endsWith("/console/login"));
        }
    }

    @AfterAll
    static void closeBrowser() throws Exception {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aKeyUserUsesKeysAndReadsThemButChangesNothing() throws Exception {
        KmsClient user = kms(keyUserCredential[0], keyUserCredential[1]);
        EncryptRequest encrypt = new EncryptRequest();
        encrypt.setKeyId(keyId);
        encrypt.setPlaintext(PLAINTEXT);
        assertNotNull(user.Encrypt(encrypt).getCiphertextBlob());
        assertEquals(keyId, user.DescribeKey(describeRequest()).getKeyMetadata().getKeyId());
        assertTrue(user.ListKeys(new ListKeysRequest()).getTotalCount() > 0);
        assertCode("UnauthorizedOperation", () -> user.CreateKey(createRequest()));
        assertLifecycleActions(keyUserCredential);

        // the REST door enforces the same rules: the token carries the credential's role
        String token = RestApiV1IT.token(keyUserCredential[0], keyUserCredential[1]);
        assertEquals(200, RestApiV1IT.post("/keys/" + keyId + "/encrypt", "{\"plaintext\":\"" + PLAINTEXT + "\"}", token).statusCode());
        assertEquals(200, RestApiV1IT.get("/keys/" + keyId, token).statusCode());
        assertEquals(403, RestApiV1IT.post("/keys", "{\"alias\":\"" + uniqueAlias("rest-refused") + "\"}", token).statusCode());
        assertEquals(403, RestApiV1IT.send("POST", "/keys/" + keyId + "/disable", null, null, "Bearer " + token).statusCode());
        assertEquals("Enabled", state(keyId));
    }

    @Test
    void anAuditorReadsButNeitherUsesNorChangesKeys() throws Exception {
        KmsClient reader = kms(auditorCredential[0], auditorCredential[1]);
        assertEquals(keyId, reader.DescribeKey(describeRequest()).getKeyMetadata().getKeyId());
        EncryptRequest encrypt = new EncryptRequest();
        encrypt.setKeyId(keyId);
        encrypt.setPlaintext(PLAINTEXT);
        assertCode("UnauthorizedOperation", () -> reader.Encrypt(encrypt));
        assertCode("UnauthorizedOperation", () -> reader.CreateKey(createRequest()));
        assertLifecycleActions(auditorCredential);

        String token = RestApiV1IT.token(auditorCredential[0], auditorCredential[1]);
        assertEquals(200, RestApiV1IT.get("/keys/" + keyId, token).statusCode());
        assertEquals(403, RestApiV1IT.post("/keys/" + keyId + "/encrypt", "{\"plaintext\":\"" + PLAINTEXT + "\"}", token).statusCode());
        assertEquals(403, RestApiV1IT.post("/random", "{\"numberOfBytes\":16}", token).statusCode());
    }

    @Test
    void eachRoleSeesOnlyWhatItMayUseInTheConsole() throws Exception {
        browser.openConsoleAndExpectLogin();
        browser.logIn(auditor, PASSWORD);
        browser.openKeys();
        browser.waitUntil("the keys view", () -> browser.isPresent(By.id("keys-grid")));
        assertTrue(browser.isPresent(By.id("nav-audit")), "an auditor reads the audit trail");
        assertFalse(browser.isPresent(By.id("nav-access")), "an auditor administers no one");
        assertFalse(browser.isPresent(By.id("nav-token")), "an auditor does not manage the token");
        assertTrue(browser.driver().findElements(By.id("create-key-button")).stream().noneMatch(WebElement::isDisplayed),
                "no Create key for an auditor");
        browser.click(By.id("nav-audit"));
        browser.waitUntil("the audit view", () -> browser.isPresent(By.id("audit-grid")));
        browser.click(By.id("logout-button"));
        browser.waitUntil("back on the login page", () -> browser.driver().getCurrentUrl().endsWith("/console/login"));

        browser.openConsoleAndExpectLogin();
        browser.logIn(keyUser, PASSWORD);
        browser.openKeys();
        browser.waitUntil("the keys view", () -> browser.isPresent(By.id("keys-grid")));
        assertFalse(browser.isPresent(By.id("nav-audit")), "a key user does not read the audit trail");
        assertFalse(browser.isPresent(By.id("nav-access")));
        assertTrue(browser.driver().findElements(By.id("create-key-button")).stream().noneMatch(WebElement::isDisplayed));
        browser.open("/console/access");
        browser.waitUntil("the not-permitted page", () -> browser.isPresent(By.id("forbidden-title")));
        assertFalse(browser.isPresent(By.id("users-grid")), "none of the page's controls");
        assertTrue(browser.driver().getCurrentUrl().endsWith("/console/access"), "the address stays");
        browser.open("/console/no-such-page");
        browser.waitUntil("the console's own not-found page", () -> browser.isPresent(By.id("not-found-title")));
        browser.click(By.id("logout-button"));
        browser.waitUntil("back on the login page", () -> browser.driver().getCurrentUrl().endsWith("/console/login"));
    }

    /** Five wrong passwords in a row lock a user: then even the right one is refused, with the same message. */
    @Test
    void repeatedWrongPasswordsLockTheUser() throws Exception {
        String user = adminAddsAnAuditor("locked");

        String firstRefusal = null;
        for (int attempt = 1; attempt <= 5; attempt++) {
            browser.openConsoleAndExpectLogin();
            browser.logIn(user, PASSWORD + "-wrong");
            String refusal = loginError();
            firstRefusal = firstRefusal == null ? refusal : firstRefusal;
        }
        browser.openConsoleAndExpectLogin();
        browser.logIn(user, PASSWORD);
        assertEquals(firstRefusal, loginError(), "locked: the right password is refused with the same message");
        assertFalse(browser.isPresent(By.id("logout-button")), "not logged in");
    }

    /**
     * A user changes their own password from the name in the navbar: a wrong current password, a short new one and
     * two new ones that differ are each marked on their field and change nothing; then the old password no longer
     * logs in and the new one does. Each attempt the service saw is audited under the user, without the passwords.
     */
    @Test
    void aUserChangesTheirOwnPassword() throws Exception {
        String user = adminAddsAnAuditor("self");
        String changed = "a-new-password-for-" + user;
        browser.openConsoleAndExpectLogin();
        browser.logIn(user, PASSWORD);
        browser.waitUntil("logged in", () -> browser.isPresent(By.id("current-user")));
        browser.click(By.id("current-user"));
        browser.waitUntil("the password dialog", () -> browser.isPresent(By.id("current-password")));

        changePassword(PASSWORD + "-wrong", changed, changed);
        assertEquals("The current password is wrong", fieldError("current-password"));
        changePassword(PASSWORD, "short", "short");
        assertTrue(fieldError("new-password").startsWith("A password has at least 12 characters"), fieldError("new-password"));
        changePassword(PASSWORD, changed, changed + "x");
        assertEquals("The two new passwords differ", fieldError("repeat-password"));
        changePassword(PASSWORD, changed, changed);
        browser.waitUntil("the dialog to close", () -> !browser.isPresent(By.id("current-password")));
        browser.click(By.id("logout-button"));
        browser.waitUntil("back on the login page", () -> browser.driver().getCurrentUrl().endsWith("/console/login"));

        browser.openConsoleAndExpectLogin();
        browser.logIn(user, PASSWORD);
        loginError();
        assertFalse(browser.isPresent(By.id("logout-button")), "the old password no longer logs in");
        browser.openConsoleAndExpectLogin();
        browser.logIn(user, changed);
        browser.waitUntil("logged in with the new password", () -> browser.isPresent(By.id("logout-button")));

        assertEquals("DENIED\nDENIED\nALLOWED", ServerSql.run("SELECT outcome FROM kms_audit_record WHERE principal = '" + user
                + "' AND action = 'ChangePassword' ORDER BY recorded_at, sequence_no").strip().replace("\r", ""),
                "the wrong current password and the short one refused, the change allowed (a typing slip never left the page)");
    }

    private static void changePassword(String current, String replacement, String repeated) {
        for (String[] field : new String[][]{{"current-password", current}, {"new-password", replacement}, {"repeat-password", repeated}}) {
            org.openqa.selenium.WebElement input = browser.driver().findElement(By.cssSelector("#" + field[0] + " input"));
            input.clear();
            input.sendKeys(field[1]);
        }
        browser.click(By.id("change-password-submit"));
    }

    private static String fieldError(String id) {
        browser.waitUntil(id + " marked", () -> browser.driver().findElement(By.id(id)).getDomAttribute("invalid") != null);
        return String.valueOf(browser.driver().findElement(By.id(id)).getDomProperty("errorMessage"));
    }

    /** The administrator adds an auditor with {@link #PASSWORD} in the Access page and logs out; @return its name */
    private static String adminAddsAnAuditor(String prefix) {
        String user = uniqueAlias(prefix);
        browser.openConsoleAndExpectLogin();
        browser.logIn(adminUsername(), adminPassword());
        browser.openKeys();
        browser.open("/console/access");
        browser.waitUntil("the access page", () -> browser.isPresent(By.id("users-grid")));
        addUser(user, "AUDITOR");
        browser.click(By.id("logout-button"));
        browser.waitUntil("back on the login page", () -> browser.driver().getCurrentUrl().endsWith("/console/login"));
        return user;
    }

    private static String loginError() {
        browser.waitUntil("the login form shows its error", () -> Boolean.TRUE.equals(browser.js(
                "const f = document.querySelector('vaadin-login-form'); return !!f && f.error === true;")));
        return String.valueOf(browser.js("""
                const w = document.querySelector('vaadin-login-form-wrapper');
                const part = w && w.shadowRoot && w.shadowRoot.querySelector('[part=error-message]');
                return part && !part.hidden ? part.textContent.trim() : '';
                """));
    }

    /** A service principal uses keys only: every reading and changing lifecycle action is refused to it. */
    @Test
    void aServicePrincipalNeitherReadsNorChangesKeys() throws Exception {
        CommonClient service = commonClient(ServicePrincipals.credential("cbs"));
        String before = AbstractModel.toJsonString(describe(keyId));
        List<org.junit.jupiter.api.function.Executable> checks = new ArrayList<>();
        for (String action : LifecycleCodesTest.KEY_ACTIONS.keySet()) {
            String body = LifecycleCodesTest.body(action, LifecycleCodesTest.quoted(keyId));
            checks.add(() -> assertCode("UnauthorizedOperation", () -> service.call(action, body)));
        }
        String ids = "{\"KeyIds\":[\"" + keyId + "\"]}";
        for (String action : LifecycleCodesTest.BATCH_ACTIONS) {
            checks.add(() -> assertCode("UnauthorizedOperation", () -> service.call(action, ids)));
        }
        for (String action : List.of("ListKeys", "ListKeyDetail")) {
            checks.add(() -> assertCode("UnauthorizedOperation", () -> service.call(action, "{}")));
        }
        checks.add(() -> assertCode("UnauthorizedOperation", () -> service.call("CreateKey", "{\"Alias\":\"" + uniqueAlias("svc") + "\"}")));
        assertAll(checks);
        assertEquals(before, AbstractModel.toJsonString(describe(keyId)));
    }

    /**
     * The administrator authorises a service in the console: its credential (shown once) acts as SERVICE - its
     * first use of kms-<service> creates the managed key, and it may not create keys of its own. A bad service
     * name is refused in the dialog and adds nothing.
     */
    @Test
    void aServicePrincipalAddedInTheConsoleUsesItsManagedKeyOnly() throws Exception {
        String service = "svc" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        AccessPage.open(browser, adminUsername(), adminPassword());
        int credentialsBefore = browser.driver().findElements(By.cssSelector("[id^='delete-credential-']")).size();
        browser.click(By.id("add-service-principal-button"));
        browser.waitUntil("the service principal dialog", () -> browser.isPresent(By.id("new-service-principal-name")));
        browser.driver().findElement(By.cssSelector("#new-service-principal-name input")).sendKeys("Not A Service");
        browser.click(By.id("new-service-principal-submit"));
        browser.waitUntil("the refusal", () -> browser.notificationShown("error"));
        assertTrue(browser.isPresent(By.id("new-service-principal-name")), "the dialog stays open");
        browser.driver().findElement(By.cssSelector("#new-service-principal-name input")).clear();
        browser.driver().findElement(By.cssSelector("#new-service-principal-name input")).sendKeys(service);
        browser.click(By.id("new-service-principal-submit"));
        String[] credential = AccessPage.oneTimeCredential(browser);
        assertEquals(credentialsBefore + 1, browser.driver().findElements(By.cssSelector("[id^='delete-credential-']")).size(),
                "only the valid name added a credential");
        assertTrue(browser.driver().findElement(By.id("credentials-grid")).getText().contains("service " + service), "listed as the service");

        KmsClient client = kms(credential[0], credential[1]);
        GenerateDataKeyRequest dataKey = new GenerateDataKeyRequest();
        dataKey.setKeyId("alias/kms-" + service);
        dataKey.setKeySpec("AES_256");
        String managedKey = client.GenerateDataKey(dataKey).getKeyId();
        assertEquals("kms-" + service, describe(managedKey).getAlias(), "the service's managed key");
        assertCode("UnauthorizedOperation", () -> client.CreateKey(createRequest()));

        browser.click(By.id("delete-credential-" + credential[0]));
        browser.confirmTypedAsAsked();
        assertCode("AuthFailure.SignatureFailure", () -> client.GenerateDataKey(dataKey));
    }

    /**
     * An open console left alone ends after the idle time although its tab keeps sending heartbeats (the test
     * server asks for one every 5 s): the heartbeat after the idle time finds the session closed and the tab
     * falls back to the login page by itself, clearing the view.
     */
    @Test
    void anIdleConsoleSessionEndsDespiteHeartbeats() throws Exception {
        ServerClock.setProperty("kms.console.session-timeout-seconds", "15");
        try {
            AccessPage.open(browser, adminUsername(), adminPassword());
        } finally {
            ServerClock.setProperty("kms.console.session-timeout-seconds", "900");
        }
        long loggedIn = System.nanoTime();
        Thread.sleep(6_000);
        assertTrue(browser.isPresent(By.id("users-grid")), "heartbeats alone do not end it early");
        browser.waitUntil("the login page after the idle time", Duration.ofSeconds(60),
                () -> browser.driver().getCurrentUrl().endsWith("/console/login"));
        assertTrue(System.nanoTime() - loggedIn >= Duration.ofSeconds(15).toNanos(), "not before the idle time");
        assertFalse(browser.isPresent(By.id("users-grid")), "the view is gone");
        browser.open("/console/access");
        browser.waitUntil("still logged out", () -> browser.driver().getCurrentUrl().endsWith("/console/login"));
    }

    /** Disabled, enabled again, then deleted: each takes effect with the next request. */
    @Test
    void aDisabledOrDeletedCredentialStopsAtOnce() throws Exception {
        String user = uniqueAlias("shortlived");
        browser.openConsoleAndExpectLogin();
        browser.logIn(adminUsername(), adminPassword());
        browser.openKeys();
        browser.waitUntil("the keys view", () -> browser.isPresent(By.id("keys-grid")));
        browser.open("/console/access");
        browser.waitUntil("the access page", () -> browser.isPresent(By.id("users-grid")));
        addUser(user, "KEY_USER");
        String[] credential = newCredential(user);
        KmsClient client = kms(credential[0], credential[1]);
        assertTrue(client.ListKeys(new ListKeysRequest()).getTotalCount() > 0, "works, and is now cached");
        String token = RestApiV1IT.token(credential[0], credential[1]);
        assertEquals(200, RestApiV1IT.get("/keys?limit=1", token).statusCode());

        browser.click(By.id("disable-credential-" + credential[0]));
        browser.confirm();
        browser.waitUntil("the credential disabled", () -> browser.isPresent(By.id("enable-credential-" + credential[0])));
        assertCode("AuthFailure.SignatureFailure", () -> client.ListKeys(new ListKeysRequest()));
        assertEquals(401, RestApiV1IT.get("/keys?limit=1", token).statusCode(), "its REST token stops at once too");
        browser.click(By.id("enable-credential-" + credential[0]));
        browser.waitUntil("the credential enabled", () -> browser.isPresent(By.id("disable-credential-" + credential[0])));
        assertTrue(client.ListKeys(new ListKeysRequest()).getTotalCount() > 0);

        // the click returns once the server has answered: the deletion has committed
        browser.click(By.id("delete-credential-" + credential[0]));
        browser.confirm();
        assertCode("AuthFailure.SignatureFailure", () -> client.ListKeys(new ListKeysRequest()));
        browser.click(By.id("delete-user-" + user));
        browser.confirm();
    }

    /**
     * Every lifecycle action: the reading ones answer, every changing one is UnauthorizedOperation, and the
     * key is as it was.
     */
    private static void assertLifecycleActions(String[] credential) throws Exception {
        CommonClient client = commonClient(credential);
        String before = AbstractModel.toJsonString(describe(keyId));
        List<org.junit.jupiter.api.function.Executable> checks = new ArrayList<>();
        for (String action : LifecycleCodesTest.KEY_ACTIONS.keySet()) {
            String body = LifecycleCodesTest.body(action, LifecycleCodesTest.quoted(keyId));
            if (action.equals("DescribeKey") || action.equals("GetKeyRotationStatus")) {
                checks.add(() -> client.call(action, body));
            } else {
                checks.add(() -> assertCode("UnauthorizedOperation", () -> client.call(action, body)));
            }
        }
        String ids = "{\"KeyIds\":[\"" + keyId + "\"]}";
        checks.add(() -> client.call("DescribeKeys", ids));
        checks.add(() -> assertCode("UnauthorizedOperation", () -> client.call("EnableKeys", ids)));
        checks.add(() -> assertCode("UnauthorizedOperation", () -> client.call("DisableKeys", ids)));
        checks.add(() -> client.call("ListKeyDetail", "{}"));
        assertAll(checks);
        assertEquals(before, AbstractModel.toJsonString(describe(keyId)), "refused requests changed the key");
    }

    private static void addUser(String username, String role) {
        AccessPage.addUser(browser, username, role, PASSWORD);
    }

    private static String[] newCredential(String username) {
        return AccessPage.newCredential(browser, username);
    }

    static CommonClient commonClient(String[] credential) {
        return commonClient(credential[0], credential[1]);
    }

    private static DescribeKeyRequest describeRequest() {
        DescribeKeyRequest request = new DescribeKeyRequest();
        request.setKeyId(keyId);
        return request;
    }

    private static CreateKeyRequest createRequest() {
        CreateKeyRequest request = new CreateKeyRequest();
        request.setAlias(uniqueAlias("refused"));
        return request;
    }
}
