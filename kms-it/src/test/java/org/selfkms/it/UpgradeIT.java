package org.selfkms.it;

import com.tencentcloudapi.kms.v20190118.KmsClient;
import com.tencentcloudapi.kms.v20190118.models.DecryptRequest;
import com.tencentcloudapi.kms.v20190118.models.EnableKeyRequest;
import com.tencentcloudapi.kms.v20190118.models.EncryptRequest;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;

import java.io.InputStream;
import java.io.StringReader;
import java.net.URISyntaxException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * An installation made by the previous release upgrades in place: this release, started on that installation's
 * data directory (the fixture {@code upgrade/2c83739-h2}, made by commit 2c83739 as its README says), migrates the
 * schema to the current version, decrypts every ciphertext the old release made, keeps every key's state and versions,
 * the old API credential and console passwords sign in, the old audit trail verifies - also against the checkpoint
 * the old release exported - and new records append to it. H2 and the software token, the embedded defaults: one
 * extra server start.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UpgradeIT {

    private static final String FIXTURE = "upgrade/2c83739-h2/";
    private static final String H2_USER = "sa";
    private static final String H2_PASSWORD = "kms";
    private static ServerNode node;
    private static JsonObject expected;
    private static String token;

    @BeforeAll
    static void startThisReleaseOnTheOldData() throws Exception {
        String database = System.getenv("KMS_DB_URL");
        assumeTrue(database == null || database.startsWith("jdbc:h2:"),
                "the fixture is an H2 installation: the H2 pass runs this test");
        expected = Json.createReader(new StringReader(fixtureText("expected.json"))).readObject();
        node = ServerNode.create(ServerNode.freshRoot("upgrade"), "upgraded", Integer.getInteger("kms.it.upgrade.offset", 400));
        putFixtureInPlace(node.dataDir());
        // no bootstrap of its own: the installation has its tenant, users and credentials; nothing new is registered
        node.start("standalone.xml", Map.of("KMS_BOOTSTRAP_SERVICES", ""));
        assertEquals("OK", node.deploymentStatus(), "the EAR deployed on the old installation; see " + node.log());
        token = node.restToken(secretId(), secretKey());
    }

    @AfterAll
    static void stop() throws Exception {
        if (node != null) {
            node.stop();
        }
    }

    /** The data directory the old release left: its H2 database (from its SCRIPT export) and its software token. */
    private static void putFixtureInPlace(Path data) throws Exception {
        Path tokenDir = Files.createDirectories(data.resolve("token"));
        Files.setPosixFilePermissions(tokenDir, PosixFilePermissions.fromString("rwx------"));
        Files.write(tokenDir.resolve("software-token.p12"), Base64.getMimeDecoder().decode(fixtureText("software-token.p12.base64")));
        Files.writeString(tokenDir.resolve("token.pin"), fixtureText("token.pin"));
        for (String file : List.of("software-token.p12", "token.pin")) {
            Files.setPosixFilePermissions(tokenDir.resolve(file), PosixFilePermissions.fromString("rw-------"));
        }
        try (Connection db = DriverManager.getConnection(h2Url(data), H2_USER, H2_PASSWORD);
             Statement statement = db.createStatement()) {
            statement.execute("RUNSCRIPT FROM '" + fixture("kmsdb.sql") + "'");
        }
    }

    private static String h2Url(Path data) {
        return "jdbc:h2:file:" + data.resolve("kmsdb");
    }

    @Test
    @Order(1)
    void everyCiphertextOfTheOldReleaseDecrypts() throws Exception {
        KmsClient kms = node.kms(secretId(), secretKey());
        enableTheDisabledKey(kms);
        for (JsonObject ciphertext : expected.getJsonArray("ciphertexts").getValuesAs(JsonObject.class)) {
            DecryptRequest decrypt = new DecryptRequest();
            decrypt.setCiphertextBlob(ciphertext.getString("ciphertextBlob"));
            JsonObject context = ciphertext.getJsonObject("encryptionContext");
            if (!context.isEmpty()) {
                decrypt.setEncryptionContext(context.toString());
            }
            String plaintext = kms.Decrypt(decrypt).getPlaintext();
            assertEquals(ciphertext.getString("plaintext"), new String(Base64.getDecoder().decode(plaintext), StandardCharsets.UTF_8),
                    "a blob of " + ciphertext.getString("key"));
        }
    }

    /** Disabled before the upgrade, disabled after it; enabled, it decrypts what it encrypted then. */
    private static void enableTheDisabledKey(KmsClient kms) throws Exception {
        SdkKeyTest.assertCode("ResourceUnavailable.CmkDisabled", () -> {
            EncryptRequest encrypt = new EncryptRequest();
            encrypt.setKeyId(keyId("upgrade-disabled"));
            encrypt.setPlaintext("aGk=");
            kms.Encrypt(encrypt);
        });
        EnableKeyRequest enable = new EnableKeyRequest();
        enable.setKeyId(keyId("upgrade-disabled"));
        kms.EnableKey(enable);
    }

    @Test
    @Order(0)
    void keysKeepTheirStatesAndVersions() throws Exception {
        for (Map.Entry<String, JsonValue> entry : expected.getJsonObject("keys").entrySet()) {
            JsonObject before = entry.getValue().asJsonObject();
            JsonObject after = ok(node.rest(token, "GET", "/keys/" + entry.getKey(), null));
            assertEquals(before.getString("keyId"), after.getString("keyId"), entry.getKey());
            assertEquals(before.getString("state"), after.getString("state"), entry.getKey());
            assertEquals(before.getString("usage"), after.getString("usage"), entry.getKey());
            assertEquals(before.getInt("currentVersion"), after.getInt("currentVersion"), entry.getKey());
        }
    }

    @Test
    @Order(2)
    void theOldSignatureVerifiesAndTheHostedDataKeyIsKept() throws Exception {
        JsonObject signature = expected.getJsonObject("signature");
        String key = signature.getString("key");
        // strip: the fixture's script took the PEM through a shell variable, which drops its last line break
        assertEquals(signature.getString("publicKeyPem").strip(),
                ok(node.rest(token, "GET", "/keys/" + key + "/public-key", null)).getString("publicKeyPem").strip());
        JsonObject verify = Json.createObjectBuilder().add("algorithm", signature.getString("algorithm"))
                .add("message", signature.getString("message")).add("signature", signature.getString("signature")).build();
        assertTrue(ok(node.rest(token, "POST", "/keys/" + key + "/verify", verify.toString())).getBoolean("signatureValid"));

        JsonObject dataKey = expected.getJsonObject("hostedDataKey");
        assertEquals(dataKey.getString("plaintext"),
                ok(node.rest(token, "POST", "/data-keys/" + dataKey.getString("dataKeyId") + "/plaintext", null)).getString("plaintext"));
    }

    @Test
    @Order(3)
    void theOldConsolePasswordsSignIn() throws Exception {
        JsonObject credentials = expected.getJsonObject("credentials");
        try (ConsoleBrowser browser = ConsoleBrowser.start(node.url())) {
            browser.openConsoleAndExpectLogin();
            browser.logIn("admin", credentials.getString("adminPassword"));
            browser.waitUntil("the console after the administrator's login", () -> browser.isPresent(By.id("nav-audit")));
            AccessPage.logOut(browser);
            browser.logIn("operator", credentials.getString("operatorPassword"));
            browser.waitUntil("the operator's tenants page", () -> browser.isPresent(By.id("tenants-grid")));
        }
    }

    /** The old records verify with the new ones appended, and the checkpoint the old release exported still matches. */
    @Test
    @Order(4)
    void theAuditTrailVerifiesAcrossTheUpgrade() throws Exception {
        JsonObject verification = ok(node.rest(token, "GET", "/audit-records/verification", null));
        assertTrue(verification.getBoolean("intact"), verification.toString());
        assertTrue(verification.getInt("recordsChecked") > expected.getInt("auditRecordsBeforeUpgrade"),
                "the old release's records and this one's: " + verification);
        JsonObject againstOldCheckpoint = ok(node.rest(token, "POST", "/audit-records/verification", fixtureText("checkpoint.json")));
        assertTrue(againstOldCheckpoint.getBoolean("intact"), againstOldCheckpoint.toString());
    }

    /** Last, with the server stopped (H2 is opened by one process): every script of this release is recorded. */
    @Test
    @Order(5)
    void theSchemaIsMigratedToThisRelease() throws Exception {
        node.stop();
        List<Integer> recorded = new ArrayList<>();
        try (Connection db = DriverManager.getConnection(h2Url(node.dataDir()), H2_USER, H2_PASSWORD);
             Statement statement = db.createStatement();
             ResultSet rows = statement.executeQuery("SELECT version FROM kms_schema_version ORDER BY version")) {
            while (rows.next()) {
                recorded.add(rows.getInt(1));
            }
        }
        assertEquals(migrationsOfThisRelease(), recorded);
    }

    /** The versions of the scripts in the migration index of the EAR this test runs. */
    private static List<Integer> migrationsOfThisRelease() throws Exception {
        List<Integer> versions = new ArrayList<>();
        try (ZipFile ear = new ZipFile(System.getProperty("kms.ear"))) {
            ZipEntry ejbJar = ear.stream().filter(e -> e.getName().matches("kms-ejb[^/]*\\.jar")).findFirst().orElseThrow();
            try (ZipInputStream jar = new ZipInputStream(ear.getInputStream(ejbJar))) {
                for (ZipEntry entry = jar.getNextEntry(); entry != null; entry = jar.getNextEntry()) {
                    if (entry.getName().equals("db/migration/index.txt")) {
                        for (String line : new String(jar.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                            if (line.startsWith("V")) {
                                versions.add(Integer.parseInt(line.substring(1, line.indexOf("__"))));
                            }
                        }
                    }
                }
            }
        }
        assertTrue(!versions.isEmpty(), "the EAR has a migration index");
        return versions;
    }

    private static JsonObject ok(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response.request().uri() + ": " + response.body());
        return RestApiV1IT.json(response);
    }

    private static String keyId(String alias) {
        return expected.getJsonObject("keys").getJsonObject(alias).getString("keyId");
    }

    private static String secretId() {
        return expected.getJsonObject("credentials").getString("secretId");
    }

    private static String secretKey() {
        return expected.getJsonObject("credentials").getString("secretKey");
    }

    private static Path fixture(String file) throws URISyntaxException {
        return Path.of(UpgradeIT.class.getClassLoader().getResource(FIXTURE + file).toURI());
    }

    private static String fixtureText(String file) throws Exception {
        try (InputStream in = UpgradeIT.class.getClassLoader().getResourceAsStream(FIXTURE + file)) {
            assertNotNull(in, "fixture file " + FIXTURE + file);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
