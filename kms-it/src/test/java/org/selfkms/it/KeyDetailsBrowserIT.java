package org.selfkms.it;

import com.tencentcloudapi.kms.v20190118.models.CreateKeyRequest;
import com.tencentcloudapi.kms.v20190118.models.GenerateDataKeyRequest;
import com.tencentcloudapi.kms.v20190118.models.GetKeyRotationStatusRequest;
import com.tencentcloudapi.kms.v20190118.models.ListKeyDetailRequest;
import com.tencentcloudapi.kms.v20190118.models.Tag;
import com.tencentcloudapi.kms.v20190118.models.TagFilter;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The key details page in a real browser: every change made there is checked through the Tencent SDK, so
 * the test proves the console drives the same service the API does, not just that the page redraws.
 */
@org.junit.jupiter.api.Tag("console")
class KeyDetailsBrowserIT extends SdkBrowserTest {

    private static final String GRID_TEXT = """
            const grid = document.getElementById(arguments[0]);
            if (!grid) { return ''; }
            // rows the grid hides after its items shrink keep their old cell contents: skip them
            return Array.from(grid.querySelectorAll('vaadin-grid-cell-content'))
                    .filter(c => { const row = c.assignedSlot && c.assignedSlot.closest('tr'); return row && !row.hidden; })
                    .map(c => c.textContent.trim()).join('|');
            """;


    @Test
    void adminManagesAKeyFromItsDetailsPage() throws Exception {
        String alias = uniqueAlias("details");
        CreateKeyRequest create = new CreateKeyRequest();
        create.setAlias(alias);
        create.setDescription("made by the SDK");
        create.setTags(new Tag[]{tag("team", "payments")});
        String keyId = kms.CreateKey(create).getKeyId();

        browser.openConsoleAndExpectLogin();
        browser.logIn(adminUsername(), adminPassword());
        browser.openKeys();
        browser.waitUntil("the keys grid", () -> browser.isPresent(By.id("key-link-" + alias)));
        browser.click(By.id("key-link-" + alias));
        browser.waitUntil("the details page", () -> browser.isPresent(By.id("key-title")) && alias.equals(browser.text("key-title")));
        assertEquals("Enabled", shownState());
        assertEquals(alias + " | Keys | SelfKMS", browser.driver().getTitle(), "the page title names the key");
        assertEquals(keyId, fact("key-id"));
        assertEquals("creatorUin/" + describe(keyId).getCreatorUin() + "/" + keyId, fact("resource-id"),
                "the resource id the SDK reports");
        assertEquals("Symmetric encrypt/decrypt (AES-256)", fact("usage"));
        assertEquals("off", fact("rotation"));
        assertEquals("not scheduled", fact("deletion"));
        browser.click(By.id("key-copy-key-id"));
        assertEquals(keyId, browser.clipboard(), "the copy button puts the key id on the clipboard");
        assertTrue(grid("tags-grid").contains("team|payments"), grid("tags-grid"));

        type("#description-edit textarea", "edited in the console");
        browser.click(By.id("description-save"));
        browser.waitUntil("the description to reach the service", () -> "edited in the console".equals(describeQuietly(keyId)));

        type("#tag-key-field input", "env");
        type("#tag-value-field input", "prod");
        browser.click(By.id("tag-add"));
        browser.waitUntil("the new tag in the grid", () -> grid("tags-grid").contains("env|prod"));
        assertEquals(List.of(keyId), keysTagged("env", "prod"), "the tag selects the key through the API");
        browser.click(By.id("tag-remove-team"));
        browser.confirm();
        browser.waitUntil("the removed tag to go", () -> !grid("tags-grid").contains("team"));
        assertEquals(List.of(), keysTagged("team", "payments"));

        browser.click(By.id("rotation-enabled"));
        type("#rotation-days input", "30");
        browser.click(By.id("rotation-save"));
        browser.waitUntil("rotation on in the service", () -> rotationEnabled(keyId));
        browser.waitUntil("the schedule in the summary", () -> fact("rotation").startsWith("every 30 days, next "));
        browser.click(By.id("rotate-now"));
        browser.confirm();
        browser.waitUntil("a second version", () -> grid("versions-grid").contains("2|"));
        assertTrue(grid("versions-grid").contains("decrypts only"), grid("versions-grid"));

        browser.click(By.id("key-disable"));
        browser.confirm();
        waitForState("Disabled");
        browser.click(By.id("key-schedule-deletion"));
        browser.waitUntil("the deletion dialog", () -> browser.isPresent(By.id("pending-window-field")));
        type("#pending-window-field input", "7");
        browser.click(By.id("schedule-deletion-confirm"));
        waitForState("PendingDelete");
        assertTrue(browser.text("deletion-date").startsWith("Deleted for good on "), browser.text("deletion-date"));
        assertTrue(fact("deletion").matches("on \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} UTC"),
                fact("deletion"));
        assertEquals("PendingDelete", state(keyId));
        assertFalse(browser.isPresent(By.id("key-enable")), "a key pending deletion cannot be enabled");
        browser.waitForNotificationsToClose();
        browser.saveScreenshot("key-details.png");

        browser.click(By.id("key-cancel-deletion"));
        waitForState("Disabled");
        browser.click(By.id("key-enable"));
        waitForState("Enabled");
        browser.click(By.id("key-archive"));
        browser.confirm();
        waitForState("Archived");
        assertEquals("Archived", state(keyId));
        browser.click(By.id("key-cancel-archive"));
        waitForState("Enabled");

        String renamed = alias + "-renamed";
        type("#alias-edit input", renamed);
        browser.click(By.id("alias-save"));
        browser.waitUntil("the new alias in the title", () -> renamed.equals(browser.text("key-title")));
        assertEquals(renamed, describe(keyId).getAlias());

        // a refused change shows the service's message and changes nothing
        type("#alias-edit input", "not valid!");
        browser.click(By.id("alias-save"));
        browser.waitUntil("an error notification", () -> browser.notificationShown("error"));
        assertEquals(renamed, describe(keyId).getAlias());

        // the key's recent records, refused ones too, and the way to all of them
        String recent = grid("key-audit-grid");
        // the newest ten: the page's own reads (DescribeKey) are among them
        for (String action : List.of("UpdateAlias", "CancelKeyArchive")) {
            assertTrue(recent.contains(action), action + " among the recent records: " + recent);
        }
        assertTrue(recent.contains("DENIED") || recent.contains("FAILED"), "the refused rename is there too: " + recent);
        browser.click(By.id("key-audit-link"));
        browser.waitUntil("the audit view for the key", () -> browser.isPresent(By.id("audit-grid")));
        assertEquals(keyId, browser.js("return document.querySelector('#audit-key-id input').value;"));
        browser.waitUntil("the key's records", () -> grid("audit-grid").contains("CancelKeyArchive"));
        assertFalse(grid("audit-grid").contains("ConsoleLogin"), "only this key's records");
        assertFalse(browser.driver().findElement(By.id("audit-empty")).isDisplayed(), "no empty state beside records");
        choose("audit-outcome", "FAILED");
        browser.click(By.id("audit-search"));
        browser.waitUntil("the empty state", () -> browser.driver().findElement(By.id("audit-empty")).isDisplayed());
    }

    /** The policy editor: a policy saved there holds in the service, a refused one changes nothing, removal restores the roles. */
    @Test
    void adminSetsAndRemovesAKeyPolicy() throws Exception {
        String alias = uniqueAlias("policy");
        String keyId = createKey(alias);
        String token = RestApiV1IT.token(secretId(), secretKey());
        browser.openConsoleAndExpectLogin();
        browser.logIn(adminUsername(), adminPassword());
        browser.open("/console/keys/" + keyId);
        browser.waitUntil("the policy section", () -> browser.isPresent(By.id("policy-summary")));
        assertTrue(browser.text("policy-summary").startsWith("No policy"), browser.text("policy-summary"));

        type("#policy-edit textarea", "{\"statements\":[{\"effect\":\"ALLOW\",\"principals\":[\"role:KEY_USER\"],"
                + "\"operations\":[\"ENCRYPT\",\"DECRYPT\"]}]}");
        browser.click(By.id("policy-save"));
        browser.waitUntil("the statement in the grid", () -> grid("policy-grid").contains("ALLOW|role:KEY_USER|ENCRYPT, DECRYPT"));
        String stored = RestApiV1IT.get("/keys/" + keyId + "/policy", token).body();
        assertTrue(stored.contains("\"role:KEY_USER\""), stored);
        browser.waitForNotificationsToClose();
        browser.js("document.getElementById('policy-grid').scrollIntoView();");
        browser.saveScreenshot("key-policy.png");

        browser.waitForNotificationsToClose();
        type("#policy-edit textarea", "{\"statements\":[{\"effect\":\"ALLOW\",\"principals\":[\"user:no-such-user-x\"],"
                + "\"operations\":[\"*\"]}]}");
        browser.click(By.id("policy-save"));
        browser.waitUntil("the refusal", () -> browser.notificationShown("error"));
        assertEquals(stored, RestApiV1IT.get("/keys/" + keyId + "/policy", token).body(), "a refused policy changes nothing");
        assertTrue(String.valueOf(browser.js("return document.querySelector('#policy-edit textarea').value;"))
                .contains("no-such-user-x"), "the refused text stays to be corrected");

        browser.waitForNotificationsToClose();
        browser.click(By.id("policy-remove"));
        browser.waitUntil("the roles decide again", () -> browser.text("policy-summary").startsWith("No policy"));
        assertEquals("{\"statements\":[]}", RestApiV1IT.get("/keys/" + keyId + "/policy", token).body());
    }

    /** A key an integrated service manages: listed with its owner, no state changes, no rename, rotation allowed. */
    @Test
    void managedKeyShowsItsOwnerAndOffersOnlyRotation() throws Exception {
        GenerateDataKeyRequest firstUse = new GenerateDataKeyRequest();
        firstUse.setKeyId("kms-cdb");
        firstUse.setKeySpec("AES_256");
        String keyId = ServicePrincipals.client("cdb").GenerateDataKey(firstUse).getKeyId();

        browser.openConsoleAndExpectLogin();
        browser.logIn(adminUsername(), adminPassword());
        browser.openKeys();
        browser.waitUntil("the keys grid", () -> browser.isPresent(By.id("keys-tab-service")));
        browser.click(By.id("keys-tab-service"));
        browser.waitUntil("the managed key on the service tab", () -> browser.isPresent(By.id("key-link-kms-cdb")));
        assertFalse(browser.keyRowOffers("kms-cdb", "disable"), "no Disable action for a managed key");
        assertTrue(grid("keys-grid").contains(keyId + "|Enabled|Symmetric encrypt/decrypt (AES-256)|"), grid("keys-grid"));
        assertTrue(grid("keys-grid").contains("|cdb|"), "the Service column names the service: " + grid("keys-grid"));

        browser.click(By.id("key-link-kms-cdb"));
        browser.waitUntil("the details page", () -> browser.isPresent(By.id("key-title")) && "kms-cdb".equals(browser.text("key-title")));
        assertEquals("the service cdb", fact("owner"));
        for (String button : new String[]{"key-disable", "key-archive", "key-enable", "key-schedule-deletion", "key-cancel-archive"}) {
            assertFalse(browser.isPresent(By.id(button)), button + " is not offered for a managed key");
        }
        // Vaadin does not even send a component that is invisible from the start
        assertTrue(browser.driver().findElements(By.id("alias-save")).stream().noneMatch(WebElement::isDisplayed),
                "no alias save for a managed key");
        assertEquals("true", browser.driver().findElement(By.id("alias-edit")).getDomAttribute("readonly"));
        assertEquals("true", browser.driver().findElement(By.id("description-edit")).getDomAttribute("readonly"),
                "the service refuses a description for a managed key: none is offered");
        assertTrue(browser.driver().findElements(By.id("tag-form")).stream().noneMatch(WebElement::isDisplayed), "no tag form");
        assertTrue(browser.text("key-managed-banner").endsWith("read, used and rotated, nothing else"));

        // rotation stays with the tenant (only this test touches the cdb service's key: it starts with one version)
        assertFalse(grid("versions-grid").contains("decrypts only"), grid("versions-grid"));
        browser.click(By.id("rotation-enabled"));
        browser.click(By.id("rotation-save"));
        browser.waitUntil("rotation on in the service", () -> rotationEnabled(keyId));
        browser.waitUntil("the schedule in the summary", () -> fact("rotation").matches("every \\d+ days, next .* UTC"));
        browser.click(By.id("rotate-now"));
        browser.confirm();
        browser.waitUntil("a second version", () -> grid("versions-grid").contains("2|"));
        assertTrue(grid("versions-grid").contains("decrypts only"), grid("versions-grid"));
        assertTrue(describe(keyId).getLastRotateTime() > 0);
        assertEquals("Enabled", state(keyId));
        assertEquals("kms-cdb", describe(keyId).getAlias());
    }

    /** A key pair made in the console's dialog: its page shows the public key the SDK hands out, and no rotation. */
    @Test
    void adminCreatesAKeyPairAndCopiesItsPublicKey() throws Exception {
        String alias = uniqueAlias("pair-console");
        browser.openConsoleAndExpectLogin();
        browser.logIn(adminUsername(), adminPassword());
        browser.openKeys();
        browser.waitUntil("the keys grid", () -> browser.isPresent(By.id("keys-grid")));
        browser.click(By.id("create-key-button"));
        browser.waitUntil("the create dialog", () -> browser.isPresent(By.id("alias-field")));
        type("#alias-field input", alias);
        browser.click(By.id("key-usage-select"));
        browser.waitUntil("the usage choices", () -> !browser.driver().findElements(By.cssSelector("vaadin-select-item")).isEmpty());
        browser.driver().findElements(By.cssSelector("vaadin-select-item")).stream()
                .filter(item -> item.isDisplayed() && item.getText().trim().equals("Sign/verify, ECC P-256")).findFirst()
                .orElseThrow().click();
        browser.click(By.id("create-key-submit"));
        browser.waitUntil("the new key in the grid", () -> browser.isPresent(By.id("key-link-" + alias)));

        browser.click(By.id("key-link-" + alias));
        browser.waitUntil("the details page", () -> browser.isPresent(By.id("key-title")) && alias.equals(browser.text("key-title")));
        String keyId = fact("key-id");
        assertEquals("ASYMMETRIC_SIGN_VERIFY_ECC", describe(keyId).getKeyUsage());
        String shown = String.valueOf(browser.js("return document.querySelector('#public-key-pem textarea').value;"));
        assertEquals(AsymmetricKeysIT.publicKey(keyId).getPublicKeyPem(), shown);
        browser.click(By.id("public-key-copy"));
        assertEquals(shown, browser.clipboard(), "the PEM copied as shown");
        assertTrue(browser.isPresent(By.cssSelector("#public-key-download[download]")), "and offered as a file");
        assertEquals("not for key pairs: create a new key pair instead", fact("rotation"));
        assertTrue(browser.driver().findElement(By.id("tags-empty")).isDisplayed(), "a key without tags says so");
        assertTrue(browser.driver().findElements(By.id("rotation-enabled")).stream().noneMatch(WebElement::isDisplayed),
                "no rotation settings for a key pair");
        browser.saveScreenshot("key-pair-details.png");
    }

    /**
     * BYOK end to end in the console: a key for imported material made in the create dialog goes on to the wizard;
     * the material is wrapped here, as a customer would outside the KMS, under the public key the wizard shows, and
     * uploaded as a file with an expiry. The SDK then encrypts and decrypts with the key, sees the expiry, and, once
     * the console deleted the material, the key takes back only the material this test wrapped.
     */
    @Test
    void byokWizardImportsMaterialWrappedOutsideTheKms() throws Exception {
        String alias = uniqueAlias("byok-console");
        openCreateDialog(alias);
        choose("key-origin-select", "Imported (bring your own key)");
        browser.click(By.id("create-key-submit"));

        browser.waitUntil("the import wizard", () -> browser.isPresent(By.id("import-get-parameters")));
        browser.click(By.id("import-get-parameters"));
        browser.waitUntil("the wrapping key", () -> !value("#import-public-key textarea").isEmpty());
        String pem = value("#import-public-key textarea");
        assertTrue(pem.startsWith("-----BEGIN PUBLIC KEY-----"), pem);
        assertFalse(value("#import-token textarea").isEmpty(), "an import token");
        assertTrue(browser.text("import-openssl-command").contains("rsa_oaep_md:sha256"), browser.text("import-openssl-command"));
        assertTrue(browser.isPresent(By.cssSelector("#import-public-key-download[download]")), "the public key as a file");
        browser.saveScreenshot("byok-wizard.png");

        byte[] material = new byte[32];
        new java.security.SecureRandom().nextBytes(material);
        byte[] der = java.util.Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
        java.nio.file.Path wrapped = java.nio.file.Files.createTempFile("wrapped-material", ".bin");
        java.nio.file.Files.write(wrapped, ByokIT.wrap(der, "RSAES_OAEP_SHA_256", material));
        browser.driver().findElement(By.id("import-material-upload")).getShadowRoot()
                .findElement(By.cssSelector("input[type=file]")).sendKeys(wrapped.toString());
        browser.waitUntil("the upload to finish", () -> Boolean.TRUE.equals(browser.js(
                "const u = document.getElementById('import-material-upload'); return u.files.length === 1 && u.files[0].complete === true;")));
        java.nio.file.Files.delete(wrapped);
        choose("import-expiry", "Expires on a date");
        browser.js("const p = document.querySelector('#import-valid-to'); p.value = '2031-01-02';");
        browser.click(By.id("import-submit"));
        browser.waitUntil("the wizard to close", () -> !browser.isPresent(By.id("import-submit")));

        String keyId = describe("alias/" + alias).getKeyId();
        assertEquals("Enabled", state(keyId));
        assertEquals(java.time.LocalDate.of(2031, 1, 2).atStartOfDay(java.time.ZoneOffset.UTC).toEpochSecond(),
                describe(keyId).getValidTo(), "the expiry chosen in the wizard");
        assertEquals(PLAINTEXT, decrypt(encrypt(keyId)), "the imported key encrypts and decrypts");

        browser.open("/console/keys/" + keyId);
        browser.waitUntil("the details page", () -> alias.equals(browser.text("key-title")));
        assertEquals("Imported (BYOK), expires 2031-01-02 00:00:00 UTC", fact("origin"));
        assertFalse(browser.driver().findElements(By.id("rotation-enabled")).stream().anyMatch(WebElement::isDisplayed),
                "imported material does not rotate: no rotation settings");
        browser.click(By.id("key-delete-material"));
        browser.confirm();
        waitForState("PendingImport");
        assertTrue(browser.isPresent(By.id("key-import-material")) && browser.isPresent(By.id("key-schedule-deletion")),
                "a key waiting for material offers the import and its deletion");
        assertCode("InvalidParameterValue.MaterialNotMatch", () -> ByokIT.importMaterial(keyId, new byte[32], "RSAES_OAEP_SHA_1", 0L));
        ByokIT.importMaterial(keyId, material, "RSAES_OAEP_SHA_1", 0L);
        assertEquals("Enabled", state(keyId), "only the material wrapped in this test is taken back");
    }

    /** Rotation and tags chosen in the create dialog hold in the service; a malformed tag is marked and nothing is made. */
    @Test
    void createDialogSetsRotationAndTags() throws Exception {
        String alias = uniqueAlias("create-full");
        openCreateDialog(alias);
        browser.click(By.cssSelector("#rotation-at-creation input"));
        browser.waitUntil("the rotation period", () -> browser.driver().findElement(By.id("rotation-days-at-creation")).isDisplayed());
        type("#rotation-days-at-creation input", "30");
        type("#tags-field input", "team=payments, env");
        browser.click(By.id("create-key-submit"));
        browser.waitUntil("the tag refused on its field", () -> browser.driver().findElement(By.id("tags-field")).getDomAttribute("invalid") != null);
        assertEquals("team=payments, env", value("#tags-field input"), "the input is kept");
        type("#tags-field input", "team=payments, made-by=" + alias);
        browser.saveScreenshot("create-key.png");
        browser.click(By.id("create-key-submit"));
        browser.waitUntil("the new key in the grid", () -> browser.isPresent(By.id("key-link-" + alias)));

        String keyId = describe("alias/" + alias).getKeyId();
        assertTrue(rotationEnabled(keyId), "rotation on from the start");
        assertEquals(30L, describe(keyId).getRotateDays());
        assertEquals(List.of(keyId), keysTagged("made-by", alias));
        assertTrue(keysTagged("team", "payments").contains(keyId), "both tags");
    }

    /** Logs in as the administrator and opens the Create key dialog with the alias typed. */
    private void openCreateDialog(String alias) {
        browser.openConsoleAndExpectLogin();
        browser.logIn(adminUsername(), adminPassword());
        browser.openKeys();
        browser.click(By.id("create-key-button"));
        browser.waitUntil("the create dialog", () -> browser.isPresent(By.id("alias-field")));
        type("#alias-field input", alias);
    }

    private void choose(String selectId, String label) {
        WebElement select = browser.driver().findElement(By.id(selectId));
        if ("vaadin-radio-group".equals(select.getTagName())) {
            WebElement radio = select.findElements(By.cssSelector("vaadin-radio-button")).stream()
                    .filter(candidate -> candidate.getText().trim().equals(label)).findFirst().orElseThrow();
            browser.js("arguments[0].scrollIntoView({block: 'center'});", radio);
            radio.findElement(By.cssSelector("input")).click();
            browser.waitForVaadin();
            return;
        }
        browser.click(By.id(selectId));
        browser.waitUntil("the choices of " + selectId, () -> !browser.driver().findElements(By.cssSelector("vaadin-select-item")).isEmpty());
        browser.driver().findElements(By.cssSelector("vaadin-select-item")).stream()
                .filter(item -> item.isDisplayed() && item.getText().trim().equals(label)).findFirst().orElseThrow().click();
        browser.waitForVaadin();
    }

    /** A fact of the key's summary, by the text it holds (its id is key-fact-NAME). */
    private String fact(String name) {
        return String.valueOf(browser.js("const e = document.getElementById(arguments[0]); return e ? e.textContent.trim() : '';",
                "key-fact-" + name));
    }

    private String value(String css) {
        return String.valueOf(browser.js("const e = document.querySelector(arguments[0]); return e ? e.value : '';", css));
    }

    private void waitForState(String state) {
        browser.waitUntil("state " + state, () -> state.equals(shownState()));
    }

    /** The state badge's API name (it shows a label such as "Pending deletion"). */
    private String shownState() {
        List<WebElement> badge = browser.driver().findElements(By.id("key-state"));
        return badge.isEmpty() ? "" : badge.get(0).getDomAttribute("data-state");
    }

    private void type(String css, String text) {
        WebElement input = browser.driver().findElement(By.cssSelector(css));
        input.clear();
        input.sendKeys(text);
    }

    private String grid(String id) {
        return String.valueOf(browser.js(GRID_TEXT, id));
    }

    private static String describeQuietly(String keyId) {
        try {
            return describe(keyId).getDescription();
        } catch (Exception e) {
            return null;
        }
    }

    private static boolean rotationEnabled(String keyId) {
        GetKeyRotationStatusRequest request = new GetKeyRotationStatusRequest();
        request.setKeyId(keyId);
        try {
            return kms.GetKeyRotationStatus(request).getKeyRotationEnabled();
        } catch (Exception e) {
            return false;
        }
    }

    private static List<String> keysTagged(String key, String value) throws Exception {
        TagFilter filter = new TagFilter();
        filter.setTagKey(key);
        filter.setTagValue(new String[]{value});
        ListKeyDetailRequest request = new ListKeyDetailRequest();
        request.setTagFilters(new TagFilter[]{filter});
        return java.util.Arrays.stream(kms.ListKeyDetail(request).getKeyMetadatas()).map(k -> k.getKeyId()).toList();
    }

    private static Tag tag(String key, String value) {
        Tag tag = new Tag();
        tag.setTagKey(key);
        tag.setTagValue(value);
        return tag;
    }
}
