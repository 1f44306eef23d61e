package org.selfkms.it;

import com.tencentcloudapi.common.exception.TencentCloudSDKException;
import com.tencentcloudapi.kms.v20190118.KmsClient;
import com.tencentcloudapi.kms.v20190118.models.CreateKeyRequest;
import com.tencentcloudapi.kms.v20190118.models.CreateKeyResponse;
import com.tencentcloudapi.kms.v20190118.models.DecryptRequest;
import com.tencentcloudapi.kms.v20190118.models.DisableKeyRequest;
import com.tencentcloudapi.kms.v20190118.models.EncryptRequest;
import com.tencentcloudapi.kms.v20190118.models.EncryptResponse;
import com.tencentcloudapi.kms.v20190118.models.ListKeysRequest;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import jakarta.json.Json;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The audit trail end to end: requests through the official SDK (and raw requests the SDK cannot send)
 * leave records with the right fields and no secret; the console's Audit view searches and pages them and
 * verifies the chain; and changing the table directly - a modified, a deleted and an inserted record - is
 * reported by that verification at the right record. The tampering runs through {@link SqlServlet}, deployed
 * beside the EAR, on the server's own datasource: the writes an attacker with database access could make.
 */
class AuditTrailIT extends DeployedKms {

    private static final String COLUMNS = "segment_id, tenant_id, sequence_no, recorded_at, door, principal, action, key_id, "
            + "request_id, source_address, outcome, error_code, key_version, previous_hash, record_hash";


    @Deployment(name = "sql", order = 2, testable = false)
    public static WebArchive sqlAccess() {
        return ServerSql.archive();
    }

    @Test
    void everyRequestLeavesOneRecordWithoutSecrets() throws Exception {
        KmsClient kms = kms();
        CreateKeyRequest create = new CreateKeyRequest();
        create.setAlias(uniqueAlias("audit"));
        CreateKeyResponse created = kms.CreateKey(create);
        String keyId = created.getKeyId();
        assertRecord(created.getRequestId(), "1", secretId(), "CreateKey", keyId, "ALLOWED", null);

        String plaintext = "audit-needle-" + UUID.randomUUID();
        String plaintextBase64 = Base64.getEncoder().encodeToString(plaintext.getBytes(StandardCharsets.UTF_8));
        EncryptResponse encrypted = encrypt(kms, keyId, plaintextBase64);
        assertRecord(encrypted.getRequestId(), "1", secretId(), "Encrypt", keyId, "ALLOWED", null);

        DecryptRequest decrypt = new DecryptRequest();
        decrypt.setCiphertextBlob(encrypted.getCiphertextBlob());
        // Decrypt names no key; the record carries the key the blob named.
        assertRecord(kms.Decrypt(decrypt).getRequestId(), "1", secretId(), "Decrypt", keyId, "ALLOWED", null);

        DisableKeyRequest disable = new DisableKeyRequest();
        disable.setKeyId(keyId);
        kms.DisableKey(disable);
        TencentCloudSDKException refused = assertThrows(TencentCloudSDKException.class, () -> encrypt(kms, keyId, plaintextBase64));
        assertEquals("ResourceUnavailable.CmkDisabled", refused.getErrorCode());
        assertRecord(refused.getRequestId(), "1", secretId(), "Encrypt", keyId, "DENIED", "KEY_DISABLED");

        // A known SecretId with a wrong signature: recorded in that SecretId's tenant, as the SecretId.
        TencentCloudSDKException badSignature = assertThrows(TencentCloudSDKException.class,
                () -> kms(secretId(), "not-the-secret-key-0123456789").ListKeys(new ListKeysRequest()));
        assertEquals("AuthFailure.SignatureFailure", badSignature.getErrorCode());
        assertRecord(badSignature.getRequestId(), "1", secretId(), "ListKeys", null, "DENIED", "AUTH_SIGNATURE_MISMATCH");

        // An unknown SecretId belongs to no tenant: the platform chain, anonymous.
        TencentCloudSDKException unknown = assertThrows(TencentCloudSDKException.class,
                () -> kms("AKIDunknown" + System.nanoTime(), "whatever-secret-0123456789").ListKeys(new ListKeysRequest()));
        assertEquals("AuthFailure.SignatureFailure", unknown.getErrorCode());
        assertRecord(unknown.getRequestId(), "0", "anonymous", "ListKeys", null, "DENIED", "AUTH_UNKNOWN_SECRET_ID");

        // Requests the SDK would not send are audited too: an unknown action, a body that is not JSON.
        RawTencentClient raw = new RawTencentClient("127.0.0.1:" + httpPort(), secretId(), secretKey());
        RawTencentClient.Answer invalidAction = raw.post("NoSuchAction", "{}", System.currentTimeMillis() / 1000);
        assertEquals("InvalidAction", invalidAction.errorCode());
        assertRecord(invalidAction.response().getString("RequestId"), "1", secretId(), "NoSuchAction", null, "DENIED", "UNKNOWN_ACTION");
        RawTencentClient.Answer malformed = raw.post("Encrypt", "{not json", System.currentTimeMillis() / 1000);
        assertEquals("InvalidParameter", malformed.errorCode());
        assertRecord(malformed.response().getString("RequestId"), "1", secretId(), "Encrypt", null, "DENIED", "MALFORMED_REQUEST");

        String table = sql("SELECT " + COLUMNS + " FROM kms_audit_record");
        assertTrue(table.contains(keyId), "the scan must see the audit table");
        for (String secret : List.of(plaintext, plaintextBase64, secretKey(), "not-the-secret-key-0123456789",
                encrypted.getCiphertextBlob())) {
            assertFalse(table.contains(secret), "the audit table holds request data it must not keep");
        }
        // And the database as a whole, the way DatabaseHoldsNoSecretsIT reads it.
        String dump = DatabaseContent.read();
        assertTrue(dump.contains(encrypted.getRequestId()), "the scan must see the audit records");
        assertFalse(dump.contains(plaintext), "plaintext in the database");
    }

    /** A REST request that names a key by alias is recorded under the key's id, answered or refused before use. */
    @Test
    void requestsNamingAnAliasAreRecordedUnderTheKeyId() throws Exception {
        String alias = uniqueAlias("audited-alias");
        CreateKeyRequest create = new CreateKeyRequest();
        create.setAlias(alias);
        String keyId = kms().CreateKey(create).getKeyId();
        String token = RestApiV1IT.token(secretId(), secretKey());
        assertEquals(400, RestApiV1IT.post("/keys/" + alias + "/encrypt", "{\"plaintext\":5}", token).statusCode());
        assertEquals(204, RestApiV1IT.post("/keys/" + alias + "/disable", "", token).statusCode());
        assertEquals("rest\t" + secretId() + "\tEncrypt\tDENIED", ServerSql.auditOf(keyId, "Encrypt"),
                "the refused Encrypt by alias, found by key id");
        assertEquals("rest\t" + secretId() + "\tDisableKey\tALLOWED", ServerSql.auditOf(keyId, "DisableKey"));
        assertEquals("0", ServerSql.run("SELECT count(*) FROM kms_audit_record WHERE key_id = '" + alias + "'").strip(),
                "no record under the alias");
    }

    @Test
    void auditViewSearchesPagesAndVerifies() throws Exception {
        KmsClient kms = kms();
        String keyId = createKey(kms, "audit-page");
        for (int i = 0; i < 55; i++) {
            encrypt(kms, keyId, "cGFnZQ==");
        }
        DisableKeyRequest disable = new DisableKeyRequest();
        disable.setKeyId(keyId);
        kms.DisableKey(disable);
        assertThrows(TencentCloudSDKException.class, () -> encrypt(kms, keyId, "cGFnZQ=="));

        try (ConsoleBrowser browser = openAuditView()) {
            searchesAndPages(browser, keyId, kms.DescribeKey(describeRequest(keyId)).getKeyMetadata().getAlias());
        }
    }

    private void searchesAndPages(ConsoleBrowser browser, String keyId, String alias) throws IOException {
        // by alias, the action in lower case: the key's records are found by its id, the action by its name
        setField(browser, "audit-key-id", alias);
        setField(browser, "audit-action", "encrypt");
        browser.click(By.id("audit-search"));
        // 56 Encrypt records of this key: a full page of 50, then the 6 older ones.
        browser.waitUntil("the first page", () -> gridSize(browser) == 50);
        assertTrue(enabled(browser, "audit-older"), "an older page exists");
        browser.click(By.id("audit-older"));
        browser.waitUntil("the second page", () -> gridSize(browser) == 6);
        assertFalse(enabled(browser, "audit-older"), "no page after the last");

        setField(browser, "audit-principal", secretId());
        browser.click(By.xpath("//vaadin-radio-group[@id='audit-outcome']//label[normalize-space()='DENIED']"));
        browser.click(By.id("audit-search"));
        browser.waitUntil("only the refused Encrypt", () -> gridSize(browser) == 1);

        // the record in full, on a click
        browser.js("Array.from(document.getElementById('audit-grid').querySelectorAll('vaadin-grid-cell-content'))"
                + ".find(c => c.assignedSlot && c.assignedSlot.closest('tbody') && c.textContent.trim()).click();");
        browser.waitUntil("the record's details", () -> browser.isPresent(By.id("audit-record-details")));
        assertEquals(keyId, browser.driver().findElement(By.id("audit-record-key-id")).getDomProperty("value"));
        assertEquals("DENIED", browser.driver().findElement(By.id("audit-record-outcome")).getDomProperty("value"));
        browser.click(By.id("audit-record-close"));

        // the search's records, downloaded as the console offers them
        String csv = download(browser, "audit-export-csv");
        assertTrue(csv.startsWith("time,door,principal,action,keyId,outcome,errorCode,"), csv);
        assertEquals(2, csv.strip().lines().count(), "the header and the one refused Encrypt: " + csv);
        assertTrue(csv.contains(",Encrypt," + keyId + ",DENIED,"), csv);
        setField(browser, "audit-principal", "");
        browser.click(By.xpath("//vaadin-radio-group[@id='audit-outcome']//label[normalize-space()='ANY']"));
        String lines = download(browser, "audit-export-jsonl");
        assertEquals(56, lines.strip().lines().count(), "every Encrypt of the key, beyond one page: " + lines.length());
        assertTrue(lines.lines().allMatch(line -> line.contains("\"keyId\":\"" + keyId + "\"")
                && line.contains("\"action\":\"Encrypt\"")), lines);

        setField(browser, "audit-key-id", "no-such-alias-here");
        browser.click(By.id("audit-search"));
        browser.waitUntil("the refusal on the key field", () -> browser.driver().findElement(By.id("audit-key-id"))
                .getDomAttribute("invalid") != null);
        setField(browser, "audit-key-id", alias);
        browser.click(By.id("audit-search"));

        browser.click(By.id("verify-chain-button"));
        browser.waitUntil("the verification result", () -> browser.text("verify-chain-result").startsWith("Intact"));
        browser.saveScreenshot("audit-view.png");
    }

    /** What the export link serves, fetched by the browser in its session. */
    private static String download(ConsoleBrowser browser, String linkId) {
        browser.waitForVaadin();
        return String.valueOf(((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch(document.getElementById(arguments[0]).href).then(r => r.text()).then(done, e => done('failed: ' + e));",
                linkId));
    }

    @Test
    void tamperingWithTheTableIsDetected() throws Exception {
        KmsClient kms = kms();
        String keyId = createKey(kms, "audit-tamper");
        String[] requests = new String[5];
        for (int i = 0; i < requests.length; i++) {
            requests[i] = encrypt(kms, keyId, "dGFtcGVy").getRequestId();
        }
        try (ConsoleBrowser browser = openAuditView()) {
            tamperAndVerify(browser, keyId, requests);
        }
    }

    private void tamperAndVerify(ConsoleBrowser browser, String keyId, String[] requests) throws Exception {
        verifyShows(browser, "Intact");

        // Modified: an Encrypt made to look like a DisableKey.
        String modified = placeOf(requests[1]);
        sql("UPDATE kms_audit_record SET action = 'DisableKey' WHERE " + modified);
        verifyShows(browser, "Broken: " + describe(requests[1]) + " was altered");
        sql("UPDATE kms_audit_record SET action = 'Encrypt' WHERE " + modified);
        verifyShows(browser, "Intact");

        // Deleted from the middle of the segment.
        String deleted = placeOf(requests[2]);
        String described = describe(requests[2]);
        String row = sql("SELECT " + COLUMNS + " FROM kms_audit_record WHERE " + deleted).trim();
        sql("DELETE FROM kms_audit_record WHERE " + deleted);
        verifyShows(browser, "Broken: " + described + " is missing");
        sql("INSERT INTO kms_audit_record (" + COLUMNS + ") VALUES (" + values(row) + ")");
        verifyShows(browser, "Intact");

        // Inserted: a forged record in the same segment, far beyond the writer's sequence so as not to block it.
        String[] place = sql("SELECT segment_id, sequence_no FROM kms_audit_record WHERE request_id = '" + requests[4] + "'")
                .trim().split("\t");
        long forged = Long.parseLong(place[1]) + 100_000;
        sql("INSERT INTO kms_audit_record (" + COLUMNS + ") VALUES (" + place[0] + ", 1, " + forged + ", 0, 'tencent', '"
                + secretId() + "', 'Decrypt', '" + keyId + "', 'forged', '127.0.0.1', 'ALLOWED', NULL, 1, NULL, '"
                + "ab".repeat(32) + "')");
        verifyShows(browser, "Broken: segment " + place[0]);
        assertTrue(browser.text("verify-chain-result").contains("inserted at " + forged), browser.text("verify-chain-result"));
        sql("DELETE FROM kms_audit_record WHERE segment_id = " + place[0] + " AND sequence_no = " + forged);
        verifyShows(browser, "Intact");

        // A whole segment inserted, with a head row: no checkpoint registered it.
        sql("INSERT INTO kms_audit_segment (segment_id, tenant_id, writer, opened_at, format, last_sequence, last_hash, head_mac) "
                + "VALUES (4242, 1, 'forger', 0, 2, 0, '" + "0".repeat(64) + "', '" + "cd".repeat(32) + "')");
        verifyShows(browser, "Broken: segment 4242 is not registered by any checkpoint");
        sql("DELETE FROM kms_audit_segment WHERE segment_id = 4242");
        verifyShows(browser, "Intact");

        // An exported checkpoint catches what nothing inside the database can: the database set back to an older copy
        // (here: the exported checkpoint removed, as a restore from before it would).
        browser.click(By.id("export-checkpoint-button"));
        browser.waitUntil("the exported checkpoint", () -> browser.isPresent(By.id("checkpoint-json")));
        String exported = (String) browser.js("return document.getElementById('checkpoint-json').value;");
        browser.saveScreenshot("audit-checkpoint.png");
        browser.click(By.id("checkpoint-close"));
        verifyAgainst(browser, exported, "Intact");
        long number = Json.createReader(new StringReader(Json.createReader(new StringReader(exported)).readObject()
                .getString("statement"))).readObject().getJsonNumber("number").longValue();
        String checkpointRow = sql("SELECT tenant_id, checkpoint_no, created_at, statement, signature FROM kms_audit_checkpoint "
                + "WHERE tenant_id = 1 AND checkpoint_no = " + number).trim();
        sql("DELETE FROM kms_audit_checkpoint WHERE tenant_id = 1 AND checkpoint_no = " + number);
        verifyAgainst(browser, exported, "Broken:");
        assertTrue(browser.text("verify-chain-result").contains("checkpoint"), browser.text("verify-chain-result"));
        String[] cells = checkpointRow.split("\t");
        sql("INSERT INTO kms_audit_checkpoint (tenant_id, checkpoint_no, created_at, statement, signature) VALUES ("
                + cells[0] + ", " + cells[1] + ", " + cells[2] + ", '" + cells[3].replace("'", "''") + "', '" + cells[4] + "')");
        verifyAgainst(browser, exported, "Intact");
    }

    /** Pastes an exported checkpoint into "Verify against checkpoint" and waits for a result other than the last. */
    private static void verifyAgainst(ConsoleBrowser browser, String exported, String prefix) {
        browser.js("document.getElementById('verify-chain-result').textContent = '';");
        browser.click(By.id("verify-anchor-button"));
        browser.waitUntil("the checkpoint dialog", () -> browser.isPresent(By.id("anchor-json")));
        browser.js("const area = document.getElementById('anchor-json'); area.value = arguments[0];"
                + " area.dispatchEvent(new CustomEvent('change', {bubbles: true}));", exported);
        browser.click(By.id("anchor-verify"));
        browser.waitUntil("verification against the checkpoint: " + prefix,
                () -> browser.text("verify-chain-result").startsWith(prefix));
    }

    private static com.tencentcloudapi.kms.v20190118.models.DescribeKeyRequest describeRequest(String keyId) {
        com.tencentcloudapi.kms.v20190118.models.DescribeKeyRequest request = new com.tencentcloudapi.kms.v20190118.models.DescribeKeyRequest();
        request.setKeyId(keyId);
        return request;
    }

    private static ConsoleBrowser openAuditView() throws IOException {
        ConsoleBrowser browser = ConsoleBrowser.start(baseUrl());
        try {
            browser.openConsoleAndExpectLogin();
            browser.logIn(adminUsername(), adminPassword());
            browser.waitUntil("the layout after login", () -> browser.isPresent(By.id("nav-audit")));
            browser.click(By.id("nav-audit"));
            browser.waitUntil("the audit view", () -> browser.isPresent(By.id("audit-grid")));
            return browser;
        } catch (RuntimeException e) {
            browser.close(); // the caller's try-with-resources never gets it
            throw e;
        }
    }

    /** Each verification result differs from the one before in these tests, so waiting for the text is enough. */
    private static void verifyShows(ConsoleBrowser browser, String prefix) {
        browser.click(By.id("verify-chain-button"));
        browser.waitUntil("verification result " + prefix, () -> browser.text("verify-chain-result").startsWith(prefix));
    }

    private static void setField(ConsoleBrowser browser, String id, String value) {
        var input = browser.driver().findElement(By.cssSelector("#" + id + " input"));
        input.clear();
        input.sendKeys(value);
    }

    private static long gridSize(ConsoleBrowser browser) {
        Object size = browser.js("const g = document.getElementById('audit-grid'); return g ? g.size : -1;");
        return size == null ? -1 : ((Number) size).longValue();
    }

    private static boolean enabled(ConsoleBrowser browser, String id) {
        return browser.driver().findElement(By.id(id)).getAttribute("disabled") == null;
    }

    /** The SQL condition that selects the record of this request: its segment and sequence number. */
    private String placeOf(String requestId) throws Exception {
        String[] place = sql("SELECT segment_id, sequence_no FROM kms_audit_record WHERE request_id = '" + requestId + "'")
                .trim().split("\t");
        return "segment_id = " + place[0] + " AND sequence_no = " + place[1];
    }

    /** How verification names the place of this request's record. */
    private String describe(String requestId) throws Exception {
        String[] place = sql("SELECT segment_id, sequence_no FROM kms_audit_record WHERE request_id = '" + requestId + "'")
                .trim().split("\t");
        return "segment " + place[0] + ", record " + place[1];
    }

    private void assertRecord(String requestId, String tenant, String principal, String action, String keyId,
                              String outcome, String errorCode) throws Exception {
        assertNotNull(requestId, "the response carries a RequestId");
        String rows = sql("SELECT tenant_id, door, principal, action, key_id, outcome, error_code, source_address, recorded_at "
                + "FROM kms_audit_record WHERE request_id = '" + requestId + "'");
        String[] lines = rows.strip().split("\n");
        assertEquals(1, lines.length, "exactly one record for request " + requestId + ": " + rows);
        List<String> row = Arrays.asList(lines[0].split("\t", -1));
        assertEquals(List.of(tenant, "tencent", principal, action, String.valueOf(keyId), outcome, String.valueOf(errorCode),
                "127.0.0.1"), row.subList(0, 8), "record of " + action);
        assertTrue(Math.abs(System.currentTimeMillis() - Long.parseLong(row.get(8))) < 120_000, "recorded just now: " + row);
    }

    private static String createKey(KmsClient kms, String aliasPrefix) throws TencentCloudSDKException {
        CreateKeyRequest create = new CreateKeyRequest();
        create.setAlias(uniqueAlias(aliasPrefix));
        return kms.CreateKey(create).getKeyId();
    }

    private static EncryptResponse encrypt(KmsClient kms, String keyId, String plaintextBase64) throws TencentCloudSDKException {
        EncryptRequest encrypt = new EncryptRequest();
        encrypt.setKeyId(keyId);
        encrypt.setPlaintext(plaintextBase64);
        return kms.Encrypt(encrypt);
    }

    /** A row read back by {@link #sql} as SQL literals, to put a deleted record back exactly as it was. */
    private static String values(String tabSeparated) {
        StringBuilder out = new StringBuilder();
        String[] cells = tabSeparated.split("\t", -1);
        for (int i = 0; i < cells.length; i++) {
            boolean number = i <= 3 || i == 12;
            String cell = cells[i];
            out.append(i > 0 ? ", " : "").append("null".equals(cell) ? "NULL" : number ? cell : "'" + cell.replace("'", "''") + "'");
        }
        return out.toString();
    }

    private static String sql(String statement) throws Exception {
        return ServerSql.run(statement);
    }
}
