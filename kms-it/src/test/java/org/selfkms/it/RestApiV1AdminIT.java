package org.selfkms.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.selfkms.it.RestApiV1IT.assertProblem;
import static org.selfkms.it.RestApiV1IT.get;
import static org.selfkms.it.RestApiV1IT.json;
import static org.selfkms.it.RestApiV1IT.post;
import static org.selfkms.it.RestApiV1IT.send;
import static org.selfkms.it.RestApiV1IT.token;

/**
 * The REST door's administrative resources - audit records, users, credentials, tenants - per role, with strict
 * input, and between two tenants: the first tenant (A, the bootstrap administrator's) and one the operator creates
 * through the REST door (B). Nothing of A is visible or usable by B - audit records (by key id, by principal, by a
 * replayed cursor, in the chain verification), users, credentials - and no token of A reaches anything of B.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RestApiV1AdminIT extends DeployedKms {

    private static final String PASSWORD = "rest-admin-password-1";
    private static final String UNKNOWN_SECRET_ID = "AKIDnoSuchCredential000000000000";

    /** The bootstrap administrator of the first tenant (A). */
    private static String admin;
    private static String operatorSecretId;
    private static String operator;
    private static long tenantB;
    private static String adminB;
    private static String tenantBName;
    private static String[] credentialB;
    private static String tokenB;
    /** Every SecretKey and password this class saw, for the check that none reached the log. */
    private static final List<String> SECRETS = new ArrayList<>(List.of(PASSWORD));

    @BeforeAll
    static void operatorCreatesTenantB() throws Exception {
        admin = token(secretId(), secretKey());
        // the operator's API credential: the first tenant, which runs the installation, issues it like any other
        JsonObject operatorCredential = created(post("/credentials", "{\"user\":\"operator\"}", admin));
        operatorSecretId = operatorCredential.getString("secretId");
        operator = token(operatorSecretId, operatorCredential.getString("secretKey"));

        adminB = uniqueAlias("admin-b");
        tenantBName = uniqueAlias("tenant-b");
        JsonObject tenant = created(post("/tenants", "{\"name\":\"" + tenantBName + "\",\"adminUsername\":\""
                + adminB + "\",\"adminPassword\":\"" + PASSWORD + "\"}", operator));
        tenantB = tenant.getJsonNumber("tenantId").longValue();
        assertFalse(tenant.getBoolean("suspended"));
        // B's administrator has a password only: its first API credential comes from the console
        ConsoleBrowser browser = ConsoleBrowser.start(baseUrl());
        try {
            AccessPage.open(browser, adminB, PASSWORD);
            credentialB = AccessPage.newCredential(browser, adminB);
            AccessPage.logOut(browser);
        } finally {
            browser.close();
        }
        SECRETS.add(credentialB[1]);
        tokenB = token(credentialB[0], credentialB[1]);
    }

    @AfterAll
    static void operatorCredentialDeleted() throws Exception {
        if (operatorSecretId != null) {
            assertEquals(204, send("DELETE", "/credentials/" + operatorSecretId, null, null, "Bearer " + admin).statusCode());
        }
    }

    // ---------------------------------------------------------------- audit records

    @Test
    void auditRecordsAreFilteredAndPagedWithCursorsBoundToTheirFilters() throws Exception {
        String keyId = createKey(admin, uniqueAlias("audited"));
        for (int i = 0; i < 3; i++) {
            assertEquals(200, post("/keys/" + keyId + "/encrypt", "{\"plaintext\":\"aGk=\"}", admin).statusCode());
        }
        assertEquals(204, post("/keys/" + keyId + "/disable", "", admin).statusCode());
        assertProblem(post("/keys/" + keyId + "/encrypt", "{\"plaintext\":\"aGk=\"}", admin), 409, "KEY_DISABLED");

        List<JsonObject> all = allPages("keyId=" + keyId, 2, admin);
        assertEquals(List.of("EncryptRefused", "DisableKey", "Encrypt", "Encrypt", "Encrypt", "CreateKey"),
                all.stream().map(r -> r.getString("action") + (r.getString("outcome").equals("DENIED") ? "Refused" : "")).toList(),
                "newest first, each request once: " + all);
        for (int i = 1; i < all.size(); i++) {
            assertTrue(all.get(i - 1).getJsonNumber("sequence").longValue() > all.get(i).getJsonNumber("sequence").longValue());
        }
        JsonObject refused = all.get(0);
        assertEquals("KEY_DISABLED", refused.getString("errorCode"));
        assertEquals("rest", refused.getString("door"));
        assertEquals(secretId(), refused.getString("principal"));
        assertFalse(refused.containsKey("tenantId"), "a tenant sees only its own chain: no need to name it");

        assertEquals(3, records("keyId=" + keyId + "&action=Encrypt&outcome=ALLOWED&principal=" + secretId(), admin).size());
        assertEquals(1, records("keyId=" + keyId + "&outcome=DENIED", admin).size());
        String created = all.get(all.size() - 1).getString("time");
        assertEquals(6, records("keyId=" + keyId + "&from=" + created, admin).size(), "from is inclusive");
        assertEquals(0, records("keyId=" + keyId + "&to=" + created, admin).size(), "to is exclusive");
        assertEquals(0, records("keyId=" + keyId + "&from=" + Instant.now().plusSeconds(3600), admin).size());
        assertEquals(6, records("keyId=" + keyId + "&from=" + encode(Instant.parse(created).atOffset(java.time.ZoneOffset.ofHours(8)).toString()), admin).size(),
                "an offset is a time like any other");

        String cursor = json(get("/audit-records?limit=2&keyId=" + keyId, admin)).getString("nextCursor");
        assertProblem(get("/audit-records?limit=2&keyId=" + keyId + "&action=Encrypt&cursor=" + cursor, admin), 400, "INVALID_PARAMETER_VALUE");
        JsonObject rest = json(get("/audit-records?limit=5&keyId=" + keyId + "&cursor=" + cursor, admin));
        assertEquals(4, rest.getJsonArray("records").size(), "the limit may change between pages");
        assertFalse(rest.containsKey("nextCursor"), "the last page has no cursor");
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString("v1:5:0000000000000000".getBytes(StandardCharsets.US_ASCII));
        for (String bad : List.of("garbage!", "AAAA", forged, "", "x".repeat(201))) {
            assertProblem(get("/audit-records?keyId=" + keyId + "&cursor=" + bad, admin), 400, "INVALID_PARAMETER_VALUE");
        }
        String[][] badQueries = {
                {"limit=0", "INVALID_PARAMETER_VALUE"}, {"limit=501", "INVALID_PARAMETER_VALUE"}, {"limit=many", "INVALID_PARAMETER"},
                {"outcome=MAYBE", "INVALID_PARAMETER_VALUE"}, {"from=yesterday", "INVALID_PARAMETER"},
                {"from=2026-01-01", "INVALID_PARAMETER"}, {"to=" + "9".repeat(41), "INVALID_PARAMETER"},
                {"from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z", "INVALID_PARAMETER_VALUE"},
                {"keyId=" + "k".repeat(129), "INVALID_PARAMETER_VALUE"}, {"principal=", "INVALID_PARAMETER_VALUE"},
                {"platform=yes", "INVALID_PARAMETER"}, {"tenant=2", "INVALID_PARAMETER"}, {"keyId=a&keyId=b", "INVALID_PARAMETER"}};
        for (String[] bad : badQueries) {
            assertProblem(get("/audit-records?" + bad[0], admin), 400, bad[1]);
        }
        assertProblem(get("/audit-records/verification?platform=1", admin), 400, "INVALID_PARAMETER");
        assertProblem(send("DELETE", "/audit-records", null, null, "Bearer " + admin), 405, "UNKNOWN_ACTION");
    }

    @Test
    void theChainVerificationWalksTheCallersChain() throws Exception {
        JsonObject verified = json(get("/audit-records/verification", admin));
        assertTrue(verified.getBoolean("intact"), verified.toString());
        assertTrue(verified.getJsonNumber("recordsChecked").longValue() > 0);
        assertTrue(verified.getJsonNumber("segmentsChecked").longValue() >= 1, verified.toString());
        assertTrue(verified.getJsonNumber("checkpointsChecked").longValue() >= 1, "each segment is registered by a checkpoint");
        assertEquals(verified.getJsonNumber("checkpointsChecked").longValue(), verified.getJsonNumber("latestCheckpoint").longValue());
        assertFalse(verified.containsKey("problem"));
        assertProblem(send("POST", "/tokens", null, null, "Basic " + basic(UNKNOWN_SECRET_ID, "guess")), 401, "AUTH_LOGIN_FAILED");
        JsonObject platform = json(get("/audit-records/verification?platform=true", admin));
        assertTrue(platform.getBoolean("intact"), "the first tenant's administrators verify the platform chain: " + platform);
        assertFalse(records("platform=true&limit=5&action=CreateToken&principal=anonymous", admin).isEmpty(),
                "a token refused to an unknown SecretId is in the platform chain");
    }

    @Test
    void aCheckpointIsExportedCheckedWithItsPublicKeyAndHeldAgainstTheDatabase() throws Exception {
        JsonObject exported = json(get("/audit-records/checkpoints/latest", admin));
        String statement = exported.getString("statement");
        String signature = exported.getString("signature");
        JsonObject checkpoint = Json.createReader(new java.io.StringReader(statement)).readObject();
        assertEquals(1, checkpoint.getInt("tenant"), statement);
        JsonObject key = json(get("/audit-records/checkpoint-key", admin));
        assertEquals("ECDSA_P256_SHA256", key.getString("algorithm"));
        java.security.PublicKey publicKey = java.security.KeyFactory.getInstance("EC").generatePublic(new java.security.spec.X509EncodedKeySpec(
                java.util.Base64.getMimeDecoder().decode(key.getString("publicKey").replaceAll("-----[A-Z ]+-----", ""))));
        java.security.Signature verifier = java.security.Signature.getInstance("SHA256withECDSA");
        verifier.initVerify(publicKey);
        verifier.update(statement.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertTrue(verifier.verify(java.util.Base64.getDecoder().decode(signature)), "the JDK verifies the exported signature");

        JsonObject anchored = json(post("/audit-records/verification", exported.toString(), admin));
        assertTrue(anchored.getBoolean("intact"), anchored.toString());
        assertEquals(checkpoint.getJsonNumber("number").longValue(), anchored.getJsonNumber("latestCheckpoint").longValue(),
                "the export wrote the newest checkpoint");

        String altered = statement.replace("\"time\":" + checkpoint.getJsonNumber("time"), "\"time\":1");
        JsonObject forged = json(post("/audit-records/verification", Json.createObjectBuilder().add("statement", altered)
                .add("signature", signature).build().toString(), admin));
        assertFalse(forged.getBoolean("intact"));
        assertTrue(forged.getString("problem").contains("not one this installation signed"), forged.toString());
        JsonObject foreignTenant = json(post("/audit-records/verification", exported.toString(), tokenB));
        assertFalse(foreignTenant.getBoolean("intact"), "A's checkpoint says nothing of B's trail");
        assertTrue(foreignTenant.getString("problem").contains("another trail"), foreignTenant.toString());

        assertProblem(post("/audit-records/verification", "{\"statement\":\"x\"}", admin), 400, "MISSING_PARAMETER");
        assertProblem(post("/audit-records/verification", "{\"statement\":\"x\",\"signature\":\"y\",\"z\":1}", admin),
                400, "INVALID_PARAMETER");
        assertProblem(post("/audit-records/verification", "{\"statement\":\"" + "x".repeat(16_001) + "\",\"signature\":\"y\"}",
                admin), 400, "INVALID_PARAMETER_VALUE");
        assertProblem(post("/audit-records/verification", "not json", admin), 400, "MALFORMED_REQUEST");
        assertProblem(get("/audit-records/checkpoint-key?x=1", admin), 400, "INVALID_PARAMETER");
    }

    // ---------------------------------------------------------------- users and credentials, per role

    @Test
    void anAuditorReadsTheTrailButNotCredentialsAndAKeyUserNeither() throws Exception {
        String auditor = createUser(admin, uniqueAlias("auditor"), "AUDITOR");
        String[] auditorCredential = createCredential(admin, auditor);
        String auditorToken = token(auditorCredential[0], auditorCredential[1]);
        assertEquals(200, get("/audit-records?limit=1", auditorToken).statusCode());
        assertTrue(json(get("/audit-records/verification", auditorToken)).getBoolean("intact"));
        for (String path : List.of("/credentials", "/users", "/tenants")) {
            assertProblem(get(path, auditorToken), 403, "UNAUTHORIZED");
        }
        assertProblem(post("/credentials", "{\"user\":\"" + auditor + "\"}", auditorToken), 403, "UNAUTHORIZED");
        assertProblem(post("/credentials/" + auditorCredential[0] + "/disable", "", auditorToken), 403, "UNAUTHORIZED");

        String keyUser = createUser(admin, uniqueAlias("keyuser"), "KEY_USER");
        String[] keyUserCredential = createCredential(admin, keyUser);
        String keyUserToken = token(keyUserCredential[0], keyUserCredential[1]);
        assertProblem(get("/audit-records", keyUserToken), 403, "UNAUTHORIZED");
        assertProblem(get("/audit-records/verification", keyUserToken), 403, "UNAUTHORIZED");
        assertProblem(get("/audit-records/checkpoints/latest", keyUserToken), 403, "UNAUTHORIZED");
        assertProblem(get("/audit-records/checkpoint-key", keyUserToken), 403, "UNAUTHORIZED");
        assertEquals(200, get("/audit-records/checkpoints/latest", auditorToken).statusCode(), "an auditor exports checkpoints");
        assertProblem(get("/credentials", keyUserToken), 403, "UNAUTHORIZED");
        assertProblem(post("/users", "{\"username\":\"" + uniqueAlias("x") + "\",\"role\":\"TENANT_ADMIN\",\"password\":\"" + PASSWORD + "\"}",
                keyUserToken), 403, "UNAUTHORIZED");

        String service = token(ServicePrincipals.credential("cdb")[0], ServicePrincipals.credential("cdb")[1]);
        assertProblem(get("/audit-records", service), 403, "UNAUTHORIZED");
        assertProblem(get("/credentials", service), 403, "UNAUTHORIZED");

        for (String path : List.of("/audit-records", "/credentials", "/users", "/keys")) {
            assertProblem(get(path, operator), 403, "UNAUTHORIZED");
        }
        assertProblem(get("/tenants", admin), 403, "UNAUTHORIZED");
        assertProblem(get("/audit-records", keyUserToken), 403, "UNAUTHORIZED");
        assertEquals(2, records("action=SearchAuditTrail&outcome=DENIED&principal=" + keyUserCredential[0], admin).size(),
                "refusals are audited like every request");
    }

    @Test
    void credentialsAreCreatedEnabledDisabledAndDeletedAndTheSecretIsShownOnce() throws Exception {
        String user = createUser(admin, uniqueAlias("apps"), "KEY_USER");
        assertTrue(json(get("/users", admin)).getJsonArray("users").stream()
                .anyMatch(u -> u.asJsonObject().getString("username").equals(user) && u.asJsonObject().getString("role").equals("KEY_USER")));
        HttpResponse<String> createdAnswer = post("/credentials", "{\"user\":\"" + user + "\"}", admin);
        JsonObject created = created(createdAnswer);
        String secretId = created.getString("secretId");
        String secret = created.getString("secretKey");
        SECRETS.add(secret);
        assertEquals(user, created.getString("owner"));
        assertFalse(created.getBoolean("servicePrincipal"));
        assertTrue(secret.length() >= 32);
        assertEquals("no-store", createdAnswer.headers().firstValue("Cache-Control").orElse(null));

        HttpResponse<String> listed = get("/credentials", admin);
        JsonObject entry = credential(listed, secretId);
        assertEquals(user, entry.getString("owner"));
        assertTrue(entry.getBoolean("enabled"));
        assertFalse(entry.containsKey("secretKey"));
        assertFalse(listed.body().contains(secret), "the listing never shows a secret");
        assertFalse(listed.body().contains(secretKey()), "not even the caller's own");

        String token = token(secretId, secret);
        assertEquals(200, get("/keys?limit=1", token).statusCode());
        assertEquals(204, post("/credentials/" + secretId + "/disable", "", admin).statusCode());
        assertProblem(get("/keys?limit=1", token), 401, "AUTH_LOGIN_FAILED");
        assertProblem(send("POST", "/tokens", null, null, "Basic " + basic(secretId, secret)), 401, "AUTH_LOGIN_FAILED");
        assertFalse(credential(get("/credentials", admin), secretId).getBoolean("enabled"));
        assertEquals(204, post("/credentials/" + secretId + "/enable", "", admin).statusCode());
        String again = token(secretId, secret);
        assertEquals(200, get("/keys?limit=1", again).statusCode());
        assertTrue(credential(get("/credentials", admin), secretId).containsKey("lastUsedTime"));

        assertEquals(204, send("DELETE", "/credentials/" + secretId, null, null, "Bearer " + admin).statusCode());
        assertProblem(get("/keys?limit=1", again), 401, "AUTH_LOGIN_FAILED");
        assertProblem(send("DELETE", "/credentials/" + secretId, null, null, "Bearer " + admin), 404, "IDENTITY_NOT_FOUND");
        assertEquals(204, send("DELETE", "/users/" + user, null, null, "Bearer " + admin).statusCode());
        assertTrue(json(get("/users", admin)).getJsonArray("users").stream().noneMatch(u -> u.asJsonObject().getString("username").equals(user)));

        // the audit trail names the credential's creation, never its secret
        HttpResponse<String> trail = get("/audit-records?limit=50&action=CreateCredential&principal=" + secretId(), admin);
        assertFalse(json(trail).getJsonArray("records").isEmpty());
        assertFalse(trail.body().contains(secret));
    }

    @Test
    void anAdministratorsCredentialCannotDeleteItsOwnUser() throws Exception {
        String second = createUser(admin, uniqueAlias("admin2"), "TENANT_ADMIN");
        String[] credential = createCredential(admin, second);
        String token = token(credential[0], credential[1]);
        assertProblem(send("DELETE", "/users/" + second, null, null, "Bearer " + token), 400, "INVALID_PARAMETER_VALUE");
        assertTrue(get("/users", admin).body().contains("\"" + second + "\""), "still there");
        assertEquals(200, get("/keys?limit=1", token).statusCode(), "and so is its credential");
        assertEquals(204, send("DELETE", "/users/" + second, null, null, "Bearer " + admin).statusCode(), "another administrator may");
        assertProblem(get("/keys?limit=1", token), 401, "AUTH_LOGIN_FAILED");
    }

    @Test
    void aServicePrincipalIsCreatedForItsServiceAndActsAsIt() throws Exception {
        JsonObject created = created(post("/credentials", "{\"service\":\"cfs\"}", admin));
        SECRETS.add(created.getString("secretKey"));
        assertTrue(created.getBoolean("servicePrincipal"));
        assertEquals("cfs", created.getString("owner"));
        HttpResponse<String> issued = send("POST", "/tokens", null, null, "Basic " + basic(created.getString("secretId"), created.getString("secretKey")));
        assertEquals("SERVICE", json(issued).getString("role"));
        String service = json(issued).getString("token");
        assertEquals(200, post("/random", "{\"numberOfBytes\":8}", service).statusCode());
        assertProblem(get("/keys", service), 403, "UNAUTHORIZED");
        assertTrue(credential(get("/credentials", admin), created.getString("secretId")).getBoolean("servicePrincipal"));
        assertEquals(204, send("DELETE", "/credentials/" + created.getString("secretId"), null, null, "Bearer " + admin).statusCode());
    }

    @Test
    void badIdentityRequestsAreRefusedAndChangeNothing() throws Exception {
        String usersBefore = json(get("/users", admin)).toString();
        String credentialsBefore = withoutUsage(json(get("/credentials", admin)).toString());
        String name = uniqueAlias("refused");
        String[][] users = {
                {"{\"username\":\"" + name + "\",\"role\":\"AUDITOR\",\"password\":\"" + PASSWORD + "\",\"email\":\"x\"}", "400", "INVALID_PARAMETER"},
                {"{\"username\":\"" + name + "\",\"role\":42,\"password\":\"" + PASSWORD + "\"}", "400", "INVALID_PARAMETER"},
                {"{\"username\":[\"" + name + "\"],\"role\":\"AUDITOR\",\"password\":\"" + PASSWORD + "\"}", "400", "INVALID_PARAMETER"},
                {"{\"username\":\"" + name + "\",\"role\":\"PLATFORM_OPERATOR\",\"password\":\"" + PASSWORD + "\"}", "400", "INVALID_PARAMETER_VALUE"},
                {"{\"username\":\"" + name + "\",\"role\":\"SERVICE\",\"password\":\"" + PASSWORD + "\"}", "400", "INVALID_PARAMETER_VALUE"},
                {"{\"username\":\"" + name + "\",\"role\":\"AUDITOR\",\"password\":\"short\"}", "400", "INVALID_PARAMETER_VALUE"},
                {"{\"username\":\"" + name + "\",\"role\":\"AUDITOR\",\"password\":\"" + "p".repeat(257) + "\"}", "400", "INVALID_PARAMETER_VALUE"},
                {"{\"username\":\"" + "u".repeat(65) + "\",\"role\":\"AUDITOR\",\"password\":\"" + PASSWORD + "\"}", "400", "INVALID_PARAMETER_VALUE"},
                {"{\"username\":\"bad name!\",\"role\":\"AUDITOR\",\"password\":\"" + PASSWORD + "\"}", "400", "INVALID_PARAMETER_VALUE"},
                {"{\"username\":\"" + name + "\",\"role\":\"AUDITOR\"}", "400", "MISSING_PARAMETER"},
                {"{\"username\":\"" + name + "\",\"role\":\"AUDITOR\",\"password\":\"" + PASSWORD + "\"", "400", "MALFORMED_REQUEST"},
                {"{\"username\":\"" + adminUsername() + "\",\"role\":\"AUDITOR\",\"password\":\"" + PASSWORD + "\"}", "409", "IDENTITY_EXISTS"},
                {"{\"username\":\"" + adminB + "\",\"role\":\"AUDITOR\",\"password\":\"" + PASSWORD + "\"}", "409", "IDENTITY_EXISTS"}};
        for (String[] c : users) {
            assertProblem(post("/users", c[0], admin), Integer.parseInt(c[1]), c[2]);
        }
        String[][] credentials = {
                {"{}", "400", "MISSING_PARAMETER"},
                {"{\"user\":\"" + adminUsername() + "\",\"service\":\"cos\"}", "400", "INVALID_PARAMETER"},
                {"{\"user\":1}", "400", "INVALID_PARAMETER"},
                {"{\"user\":\"" + adminUsername() + "\",\"role\":\"TENANT_ADMIN\"}", "400", "INVALID_PARAMETER"},
                {"{\"user\":\"" + "u".repeat(65) + "\"}", "400", "INVALID_PARAMETER_VALUE"},
                {"{\"user\":\"" + name + "\"}", "404", "IDENTITY_NOT_FOUND"},
                {"{\"service\":\"Bad!\"}", "400", "INVALID_PARAMETER_VALUE"},
                {"{\"service\":\"user\"}", "400", "INVALID_PARAMETER_VALUE"},
                {"{\"service\":\"" + "s".repeat(33) + "\"}", "400", "INVALID_PARAMETER_VALUE"}};
        for (String[] c : credentials) {
            assertProblem(post("/credentials", c[0], admin), Integer.parseInt(c[1]), c[2]);
        }
        assertProblem(send("POST", "/credentials", "{\"user\":\"admin\"}".getBytes(StandardCharsets.UTF_8), "text/plain", "Bearer " + admin),
                415, "MALFORMED_REQUEST");
        assertProblem(post("/credentials/" + UNKNOWN_SECRET_ID + "/disable", "", admin), 404, "IDENTITY_NOT_FOUND");
        assertProblem(post("/credentials/" + "A".repeat(129) + "/disable", "", admin), 400, "INVALID_PARAMETER_VALUE");
        assertProblem(post("/credentials/" + secretId() + "/disable", "{\"force\":true}", admin), 400, "INVALID_PARAMETER");
        assertProblem(send("DELETE", "/users/" + name, null, null, "Bearer " + admin), 404, "IDENTITY_NOT_FOUND");
        assertProblem(get("/users?role=AUDITOR", admin), 400, "INVALID_PARAMETER");
        assertProblem(get("/credentials?limit=1", admin), 400, "INVALID_PARAMETER");

        assertEquals(usersBefore, json(get("/users", admin)).toString(), "no refused request changed the users");
        assertEquals(credentialsBefore, withoutUsage(json(get("/credentials", admin)).toString()), "nor the credentials");
        assertEquals(200, get("/keys?limit=1", admin).statusCode(), "and the caller's credential is still enabled");
    }

    // ---------------------------------------------------------------- tenants

    @Test
    void onlyTheOperatorManagesTenantsAndASuspendedTenantIsRefusedUntilResumed() throws Exception {
        List<JsonObject> tenants = tenants();
        assertTrue(tenants.stream().anyMatch(t -> t.getJsonNumber("tenantId").longValue() == tenantB && !t.getBoolean("suspended")), tenants.toString());
        assertTrue(tenants.stream().anyMatch(t -> t.getJsonNumber("tenantId").longValue() == 1));

        String[][] bad = {
                {"{}", "400", "MISSING_PARAMETER"},
                {"{\"name\":\"x\",\"adminUsername\":\"" + uniqueAlias("a") + "\",\"adminPassword\":\"" + PASSWORD + "\",\"plan\":\"gold\"}", "400", "INVALID_PARAMETER"},
                {"{\"name\":\"" + "n".repeat(129) + "\",\"adminUsername\":\"" + uniqueAlias("a") + "\",\"adminPassword\":\"" + PASSWORD + "\"}", "400", "INVALID_PARAMETER_VALUE"},
                {"{\"name\":true,\"adminUsername\":\"" + uniqueAlias("a") + "\",\"adminPassword\":\"" + PASSWORD + "\"}", "400", "INVALID_PARAMETER"},
                {"{\"name\":\"x\",\"adminUsername\":\"" + uniqueAlias("a") + "\",\"adminPassword\":\"short\"}", "400", "INVALID_PARAMETER_VALUE"},
                {"{\"name\":\"x\",\"adminUsername\":\"" + adminB + "\",\"adminPassword\":\"" + PASSWORD + "\"}", "409", "IDENTITY_EXISTS"},
                // a second tenant of one name (in any case) could not be told apart
                {"{\"name\":\"" + tenantBName.toUpperCase(java.util.Locale.ROOT) + "\",\"adminUsername\":\"" + uniqueAlias("a")
                        + "\",\"adminPassword\":\"" + PASSWORD + "\"}", "409", "IDENTITY_EXISTS"}};
        for (String[] c : bad) {
            assertProblem(post("/tenants", c[0], operator), Integer.parseInt(c[1]), c[2]);
        }
        assertEquals(tenants.size(), tenants().size(), "no refused request created a tenant, not even half of one");
        assertProblem(post("/tenants", "{\"name\":\"x\",\"adminUsername\":\"" + uniqueAlias("a") + "\",\"adminPassword\":\"" + PASSWORD + "\"}", admin),
                403, "UNAUTHORIZED");
        assertProblem(post("/tenants/" + tenantB + "/suspend", "", tokenB), 403, "UNAUTHORIZED");
        assertProblem(post("/tenants/1/suspend", "", operator), 400, "INVALID_PARAMETER_VALUE");
        assertProblem(post("/tenants/987654321/suspend", "", operator), 404, "TENANT_NOT_FOUND");
        assertProblem(post("/tenants/abc/suspend", "", operator), 400, "INVALID_PARAMETER");
        assertProblem(post("/tenants/" + "9".repeat(19) + "/suspend", "", operator), 400, "INVALID_PARAMETER");

        String keyB = createKey(tokenB, uniqueAlias("kept"));
        assertEquals(204, post("/tenants/" + tenantB + "/suspend", "", operator).statusCode());
        try {
            assertProblem(get("/keys/" + keyB, tokenB), 403, "TENANT_SUSPENDED");
            assertProblem(send("POST", "/tokens", null, null, "Basic " + basic(credentialB[0], credentialB[1])), 403, "TENANT_SUSPENDED");
            assertTrue(tenants().stream().anyMatch(t -> t.getJsonNumber("tenantId").longValue() == tenantB && t.getBoolean("suspended")));
            assertEquals(200, get("/keys?limit=1", admin).statusCode(), "other tenants are untouched");
        } finally {
            assertEquals(204, post("/tenants/" + tenantB + "/resume", "", operator).statusCode());
        }
        assertEquals("Enabled", json(get("/keys/" + keyB, tokenB)).getString("state"), "resumed, with its keys");
    }

    // ---------------------------------------------------------------- isolation between tenants

    @Test
    void anotherTenantSeesNoneOfOurAuditRecords() throws Exception {
        String ourKey = createKey(admin, uniqueAlias("ours"));
        assertEquals(200, post("/keys/" + ourKey + "/encrypt", "{\"plaintext\":\"aGk=\"}", admin).statusCode());
        assertFalse(records("keyId=" + ourKey, admin).isEmpty());

        assertEquals(List.of(), records("keyId=" + ourKey, tokenB), "by our key id");
        assertEquals(List.of(), records("principal=" + secretId(), tokenB), "by our principal");
        assertEquals(List.of(), records("principal=" + adminUsername(), tokenB), "by our console user");
        List<JsonObject> theirs = allPages("", 500, tokenB);
        assertFalse(theirs.isEmpty(), "B's own requests are in B's trail");
        assertTrue(theirs.stream().noneMatch(r -> r.toString().contains(ourKey) || r.toString().contains(secretId())),
                "nothing of ours in their whole trail: " + theirs);

        String ourCursor = json(get("/audit-records?limit=1", admin)).getString("nextCursor");
        assertNotNull(ourCursor);
        assertProblem(get("/audit-records?limit=1&cursor=" + ourCursor, tokenB), 400, "INVALID_PARAMETER_VALUE");
        String theirCursor = json(get("/audit-records?limit=1", tokenB)).getString("nextCursor");
        assertProblem(get("/audit-records?limit=1&cursor=" + theirCursor, admin), 400, "INVALID_PARAMETER_VALUE");

        // the verification walks B's chain only: exactly as long as B's trail, which now ends with this search
        long theirRecords = records("limit=500", tokenB).size();
        JsonObject verified = json(get("/audit-records/verification", tokenB));
        assertTrue(verified.getBoolean("intact"));
        assertEquals(theirRecords + 1, verified.getJsonNumber("recordsChecked").longValue(), verified.toString());
        assertTrue(json(get("/audit-records/verification", admin)).getJsonNumber("recordsChecked").longValue() > theirRecords + 1,
                "our trail is another, longer one");
        assertProblem(get("/audit-records?platform=true", tokenB), 403, "UNAUTHORIZED");
        assertProblem(get("/audit-records/verification?platform=true", tokenB), 403, "UNAUTHORIZED");
    }

    @Test
    void anotherTenantCannotListOrChangeOurCredentialsOrUsers() throws Exception {
        String user = createUser(admin, uniqueAlias("victim"), "KEY_USER");
        String[] credential = createCredential(admin, user);

        HttpResponse<String> theirCredentials = get("/credentials", tokenB);
        assertEquals(200, theirCredentials.statusCode());
        assertFalse(theirCredentials.body().contains(credential[0]) || theirCredentials.body().contains(secretId()), theirCredentials.body());
        assertTrue(theirCredentials.body().contains(credentialB[0]));
        HttpResponse<String> theirUsers = get("/users", tokenB);
        assertFalse(theirUsers.body().contains(user) || theirUsers.body().contains("\"" + adminUsername() + "\""), theirUsers.body());

        assertSameAsUnknown(tokenB, credential[0], UNKNOWN_SECRET_ID);
        assertSameAsUnknown(tokenB, secretId(), UNKNOWN_SECRET_ID);
        String unknownUser = uniqueAlias("nobody");
        assertSameProblem(send("DELETE", "/users/" + user, null, null, "Bearer " + tokenB),
                send("DELETE", "/users/" + unknownUser, null, null, "Bearer " + tokenB));
        assertSameProblem(post("/credentials", "{\"user\":\"" + user + "\"}", tokenB),
                post("/credentials", "{\"user\":\"" + unknownUser + "\"}", tokenB));

        // ours is as it was, and works
        JsonObject ours = credential(get("/credentials", admin), credential[0]);
        assertTrue(ours.getBoolean("enabled"));
        assertEquals(200, get("/keys?limit=1", token(credential[0], credential[1])).statusCode());
        assertTrue(get("/users", admin).body().contains("\"" + user + "\""));
        assertEquals(1, json(get("/credentials", admin)).getJsonArray("credentials").stream()
                .filter(c -> c.asJsonObject().getString("owner").equals(user)).count(), "B created no credential for our user");
    }

    @Test
    void ourTokenReachesNothingOfTheOtherTenant() throws Exception {
        String alias = uniqueAlias("same-name");
        String theirKey = createKey(tokenB, alias);
        String ourKey = createKey(admin, alias);
        assertNotEquals(theirKey, ourKey, "one alias, a key in each tenant");
        assertEquals(ourKey, json(get("/keys/" + alias, admin)).getString("keyId"));
        assertProblem(get("/keys/" + theirKey, admin), 404, "KEY_NOT_FOUND");
        assertProblem(post("/keys/" + theirKey + "/encrypt", "{\"plaintext\":\"aGk=\"}", admin), 404, "KEY_NOT_FOUND");
        assertProblem(post("/keys/" + theirKey + "/disable", "", admin), 404, "KEY_NOT_FOUND");
        String theirBlob = json(post("/keys/" + theirKey + "/encrypt", "{\"plaintext\":\"aGk=\"}", tokenB)).getString("ciphertextBlob");
        assertProblem(post("/decrypt", "{\"ciphertextBlob\":\"" + theirBlob + "\"}", admin), 400, "CIPHERTEXT_INVALID");
        assertSameAsUnknown(admin, credentialB[0], UNKNOWN_SECRET_ID);
        assertSameProblem(send("DELETE", "/users/" + adminB, null, null, "Bearer " + admin),
                send("DELETE", "/users/" + uniqueAlias("nobody"), null, null, "Bearer " + admin));
        List<JsonObject> ourAttempts = records("keyId=" + theirKey, admin);
        assertEquals(3, ourAttempts.size(), "our trail holds our three refused attempts: " + ourAttempts);
        assertTrue(ourAttempts.stream().allMatch(r -> r.getString("outcome").equals("DENIED") && r.getString("principal").equals(secretId())));

        assertEquals("Enabled", json(get("/keys/" + theirKey, tokenB)).getString("state"), "their key is as it was");
        assertEquals(200, get("/credentials", tokenB).statusCode(), "their administrator's credential still works");
        assertTrue(records("keyId=" + theirKey + "&outcome=DENIED", tokenB).isEmpty(),
                "our refused requests are in our trail, not theirs: they never reached their tenant");
    }

    /**
     * Every key resource of the REST door, aimed at the other tenant's key by its id: each answers 404
     * KEY_NOT_FOUND, as for a key that does not exist (not a usage or state error, which would tell that it
     * exists), and their key is exactly as it was.
     */
    @Test
    void everyKeyResourceAimedAtTheOtherTenantsKeyIsNotFound() throws Exception {
        String theirKey = createKey(tokenB, uniqueAlias("theirs"));
        String before = get("/keys/" + theirKey, tokenB).body();
        String k = "/keys/" + theirKey;
        String message = "{\"algorithm\":\"ECC_P256_R1\",\"message\":\"aGk=\"}";
        String[][] requests = {
                {"GET", k, null}, {"PATCH", k, "{\"description\":\"mine now\"}"},
                {"PUT", k + "/alias", "{\"alias\":\"" + uniqueAlias("taken") + "\"}"},
                {"POST", k + "/enable", null}, {"POST", k + "/disable", null},
                {"POST", k + "/schedule-deletion", "{\"pendingWindowInDays\":7}"}, {"POST", k + "/cancel-deletion", null},
                {"POST", k + "/archive", null}, {"POST", k + "/unarchive", null},
                {"GET", k + "/rotation", null}, {"POST", k + "/rotation/enable", "{\"rotateDays\":90}"},
                {"POST", k + "/rotation/disable", null}, {"POST", k + "/rotate", null},
                {"GET", k + "/versions", null}, {"GET", k + "/tags", null},
                {"POST", k + "/tags", "{\"tags\":{\"owner\":\"us\"}}"}, {"DELETE", k + "/tags/owner", null},
                {"POST", k + "/encrypt", "{\"plaintext\":\"aGk=\"}"}, {"POST", k + "/data-keys", "{\"keySpec\":\"AES_256\"}"},
                {"GET", k + "/public-key", null}, {"POST", k + "/sign", message},
                {"POST", k + "/verify", message.replace("}", ",\"signature\":\"aGk=\"}")},
                {"POST", k + "/asymmetric-decrypt", "{\"algorithm\":\"RSAES_OAEP_SHA_256\",\"ciphertext\":\"aGk=\"}"},
                {"POST", k + "/post-quantum-encrypt", "{\"plaintext\":\"aGk=\"}"},
                {"POST", k + "/import-parameters", "{\"wrappingAlgorithm\":\"RSAES_OAEP_SHA_256\"}"},
                {"DELETE", k + "/material", null},
        };
        List<org.junit.jupiter.api.function.Executable> checks = new ArrayList<>();
        for (String[] request : requests) {
            checks.add(() -> assertProblem(send(request[0], request[1],
                    request[2] == null ? null : request[2].getBytes(StandardCharsets.UTF_8),
                    request[2] == null ? null : "application/json", "Bearer " + admin), 404, "KEY_NOT_FOUND"));
        }
        assertAll(checks);
        assertEquals(before, get("/keys/" + theirKey, tokenB).body(), "their key is exactly as it was");
        assertEquals("{}", json(get("/keys/" + theirKey + "/tags", tokenB)).getJsonObject("tags").toString());
        assertEquals(1, json(get("/keys/" + theirKey + "/versions", tokenB)).getJsonArray("versions").size());
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void noSecretOrPasswordOfThisClassReachedTheServerLog() throws Exception {
        // last, so that every secret the other tests made is among those looked for
        createCredential(admin, createUser(admin, uniqueAlias("logged"), "AUDITOR"));
        String log = Files.readString(Path.of(System.getProperty("kms.it.server.dir"), "standalone", "log", "server.log"));
        for (String secret : SECRETS) {
            assertFalse(log.contains(secret), "a secret or password is in server.log");
        }
        assertFalse(log.contains(secretKey()));
    }

    // ---------------------------------------------------------------- helpers

    /** Enable, disable and delete of {@code secretId} answer exactly as for a SecretId that does not exist. */
    private static void assertSameAsUnknown(String token, String secretId, String unknown) throws Exception {
        assertSameProblem(post("/credentials/" + secretId + "/enable", "", token), post("/credentials/" + unknown + "/enable", "", token));
        assertSameProblem(post("/credentials/" + secretId + "/disable", "", token), post("/credentials/" + unknown + "/disable", "", token));
        assertSameProblem(send("DELETE", "/credentials/" + secretId, null, null, "Bearer " + token),
                send("DELETE", "/credentials/" + unknown, null, null, "Bearer " + token));
    }

    private static void assertSameProblem(HttpResponse<String> foreign, HttpResponse<String> unknown) {
        assertProblem(foreign, 404, "IDENTITY_NOT_FOUND");
        assertProblem(unknown, 404, "IDENTITY_NOT_FOUND");
        Function<HttpResponse<String>, String> shown = r -> json(r).getString("detail") + "|" + json(r).getString("type");
        assertEquals(shown.apply(unknown), shown.apply(foreign), "another tenant's identity is answered as an unknown one");
    }

    private static JsonObject created(HttpResponse<String> response) {
        assertEquals(201, response.statusCode(), response.body());
        return json(response);
    }

    private static String createKey(String token, String alias) throws Exception {
        return created(post("/keys", "{\"alias\":\"" + alias + "\"}", token)).getString("keyId");
    }

    private static String createUser(String token, String username, String role) throws Exception {
        JsonObject user = created(post("/users", "{\"username\":\"" + username + "\",\"role\":\"" + role + "\",\"password\":\""
                + PASSWORD + "\"}", token));
        assertEquals(role, user.getString("role"));
        return user.getString("username");
    }

    /** @return SecretId and SecretKey */
    private static String[] createCredential(String token, String user) throws Exception {
        JsonObject created = created(post("/credentials", "{\"user\":\"" + user + "\"}", token));
        SECRETS.add(created.getString("secretKey"));
        return new String[]{created.getString("secretId"), created.getString("secretKey")};
    }

    private static JsonObject credential(HttpResponse<String> listing, String secretId) {
        return json(listing).getJsonArray("credentials").stream().map(JsonValue::asJsonObject)
                .filter(c -> c.getString("secretId").equals(secretId)).findFirst()
                .orElseThrow(() -> new AssertionError(secretId + " not listed: " + listing.body()));
    }

    private static List<JsonObject> tenants() throws Exception {
        HttpResponse<String> response = get("/tenants", operator);
        assertEquals(200, response.statusCode(), response.body());
        return json(response).getJsonArray("tenants").stream().map(JsonValue::asJsonObject).toList();
    }

    /** One page (at most 500 records) of a search. */
    private static List<JsonObject> records(String query, String token) throws Exception {
        HttpResponse<String> response = get("/audit-records?" + (query.contains("limit=") ? query : "limit=500&" + query), token);
        assertEquals(200, response.statusCode(), response.body());
        return json(response).getJsonArray("records").stream().map(JsonValue::asJsonObject).toList();
    }

    /** Every record of a search, page by page with the cursors. */
    private static List<JsonObject> allPages(String query, int limit, String token) throws Exception {
        List<JsonObject> all = new ArrayList<>();
        String cursor = null;
        do {
            HttpResponse<String> response = get("/audit-records?limit=" + limit + (query.isEmpty() ? "" : "&" + query)
                    + (cursor == null ? "" : "&cursor=" + cursor), token);
            assertEquals(200, response.statusCode(), response.body());
            JsonObject page = json(response);
            page.getJsonArray("records").forEach(r -> all.add(r.asJsonObject()));
            cursor = page.getString("nextCursor", null);
        } while (cursor != null);
        return all;
    }

    /** lastUsedTime moves with every request, so listings are compared without it. */
    private static String withoutUsage(String listing) {
        return listing.replaceAll(",\"lastUsedTime\":\"[^\"]*\"", "");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String basic(String secretId, String secretKey) {
        return Base64.getEncoder().encodeToString((secretId + ":" + secretKey).getBytes(StandardCharsets.UTF_8));
    }
}
