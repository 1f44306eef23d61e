package org.selfkms.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.selfkms.it.RestApiV1IT.assertProblem;
import static org.selfkms.it.RestApiV1IT.get;
import static org.selfkms.it.RestApiV1IT.json;
import static org.selfkms.it.RestApiV1IT.post;
import static org.selfkms.it.RestApiV1IT.send;

/**
 * Hosted data keys and cloud-resource bindings through the REST door, checked against the outside world: the
 * plaintext handed out later is the one handed out at creation, the stored blob opens through {@code POST /decrypt}
 * with the data key's encryption context, what REST creates the Tencent door sees, and each request is audited under
 * its Tencent action. Every refusal is a problem that changes nothing; another tenant sees nothing of it.
 */
class RestApiV1DataKeysIT extends DeployedKms {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static String admin;

    @Deployment(name = "sql", order = 2, testable = false)
    public static WebArchive sqlAccess() {
        return ServerSql.archive();
    }

    @BeforeAll
    static void adminToken() throws Exception {
        admin = RestApiV1IT.token(secretId(), secretKey());
    }

    // ---------------------------------------------------------------- generate, plaintext, blob

    @Test
    void aHostedDataKeyGivesBackItsPlaintextAndItsBlobOpensWithItsContext() throws Exception {
        String alias = uniqueAlias("dk-root");
        String keyId = createKey(alias);
        String name = uniqueAlias("dk-orders");
        HttpResponse<String> response = post("/data-keys", "{\"keyRef\":\"" + alias + "\",\"name\":\"" + name
                + "\",\"description\":\"orders table\",\"numberOfBytes\":24,\"encryptionContext\":{\"table\":\"orders\",\"db\":\"shop\"},"
                + "\"tags\":{\"team\":\"shop\"}}", admin);
        assertEquals(201, response.statusCode(), response.body());
        JsonObject created = json(response);
        String id = created.getString("dataKeyId");
        assertEquals("/api/v1/data-keys/" + id, response.headers().firstValue("Location").orElse(null));
        assertEquals("no-store", response.headers().firstValue("Cache-Control").orElse(null), "a plaintext is not cached");
        assertEquals(keyId, created.getString("keyId"));
        assertEquals(alias, created.getString("keyAlias"));
        assertEquals(name, created.getString("name"));
        assertEquals("orders table", created.getString("description"));
        assertEquals(24, created.getInt("numberOfBytes"));
        assertEquals("Enabled", created.getString("state"));
        assertEquals("TENCENT_KMS", created.getString("origin"));
        assertEquals("user", created.getString("owner"));
        assertEquals(Map.of("team", "shop"), strings(created.getJsonObject("tags")));
        assertTrue(created.getString("resourceId").matches("creatorUin/\\d+/" + id), created.getString("resourceId"));
        assertTrue(Duration.between(Instant.parse(created.getString("createTime")), Instant.now()).abs().toMinutes() < 5);
        assertFalse(created.containsKey("deletionDate"));
        byte[] plaintext = Base64.getDecoder().decode(created.getString("plaintext"));
        assertEquals(24, plaintext.length);

        JsonObject again = json(post("/data-keys/" + id + "/plaintext", "", admin));
        assertArrayEquals(plaintext, Base64.getDecoder().decode(again.getString("plaintext")), "the plaintext of its creation");
        assertEquals(keyId, again.getString("keyId"));

        String blob = json(get("/data-keys/" + id + "/ciphertext", admin)).getString("ciphertextBlob");
        assertEquals(created.getString("ciphertextBlob"), blob, "the stored blob is the one returned at creation");
        JsonObject opened = json(post("/decrypt", "{\"ciphertextBlob\":\"" + blob + "\",\"encryptionContext\":{\"db\":\"shop\",\"table\":\"orders\"}}", admin));
        assertArrayEquals(plaintext, Base64.getDecoder().decode(opened.getString("plaintext")), "the blob opens with the data key's context");
        assertProblem(post("/decrypt", "{\"ciphertextBlob\":\"" + blob + "\"}", admin), 400, "CIPHERTEXT_INVALID");

        JsonObject described = json(get("/data-keys/" + id, admin));
        assertFalse(described.containsKey("plaintext") || described.containsKey("ciphertextBlob"), "describing hands out no material");
        JsonObject expected = Json.createObjectBuilder(created).remove("plaintext").remove("ciphertextBlob").build();
        assertEquals(expected, described);

        JsonObject tencent = tencent("DescribeDataKey", "{\"DataKeyId\":\"" + id + "\"}").getJsonObject("DataKeyMetadata");
        assertEquals(name, tencent.getString("DataKeyName"), "the Tencent door sees the data key REST created");
        assertEquals(keyId, tencent.getString("KeyId"));

        String principal = secretId();
        assertEquals("rest\t" + principal + "\tGenerateDataKey\tALLOWED", ServerSql.auditOf(id, "GenerateDataKey"));
        assertEquals("rest\t" + principal + "\tGetDataKeyPlaintext\tALLOWED", ServerSql.auditOf(id, "GetDataKeyPlaintext"));
        assertEquals("rest\t" + principal + "\tGetDataKeyCiphertextBlob\tALLOWED", ServerSql.auditOf(id, "GetDataKeyCiphertextBlob"));
        assertEquals(List.of("rest\t" + principal + "\tDescribeDataKey\tALLOWED", "tencent\t" + principal + "\tDescribeDataKey\tALLOWED"),
                audited(id, "DescribeDataKey"), "one action name through both doors");
    }

    // ---------------------------------------------------------------- listing

    @Test
    void theListingFiltersAndPagesWithCursorsBoundToItsFilters() throws Exception {
        String rootA = createKey(uniqueAlias("dk-list-a"));
        String rootB = createKey(uniqueAlias("dk-list-b"));
        String prefix = uniqueAlias("dk-list");
        String team = "team-" + Long.toString(System.nanoTime(), 36);
        List<String> ofA = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ofA.add(generate(rootA, prefix + "-a" + i, "\"tags\":{\"team\":\"" + team + "\"}").getString("dataKeyId"));
        }
        String ofB = generate(rootB, prefix + "-b", "\"tags\":{\"team\":\"" + team + "-b\"}").getString("dataKeyId");

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonObject page = json(get("/data-keys?limit=2&keyRef=" + rootA + (cursor == null ? "" : "&cursor=" + cursor), admin));
            assertEquals(3, page.getInt("totalCount"));
            page.getJsonArray("dataKeys").forEach(d -> seen.add(d.asJsonObject().getString("dataKeyId")));
            cursor = page.getString("nextCursor", null);
            pages++;
        } while (cursor != null && pages < 5);
        assertEquals(2, pages, "two pages of at most two, the last without nextCursor");
        assertEquals(3, seen.size(), "no data key twice: " + seen);
        assertEquals(new HashSet<>(ofA), new HashSet<>(seen), "exactly the data keys of that root key");

        assertEquals(Set.of(ofA.get(0), ofA.get(1), ofA.get(2), ofB), new HashSet<>(listedIds("search=" + prefix)));
        assertEquals(new HashSet<>(ofA), new HashSet<>(listedIds("tagKey=team&tagValue=" + team)));
        assertEquals(List.of(ofB), listedIds("search=" + prefix + "&tagKey=team&tagValue=" + team + "-b"));
        assertEquals(List.of(ofB), listedIds("keyRef=" + rootB));

        assertEquals(204, post("/data-keys/" + ofA.get(1) + "/disable", "", admin).statusCode());
        assertEquals(List.of(ofA.get(1)), listedIds("keyRef=" + rootA + "&state=Disabled"));
        assertEquals(Set.of(ofA.get(0), ofA.get(2)), new HashSet<>(listedIds("keyRef=" + rootA + "&state=Enabled")));

        String cursorOfA = json(get("/data-keys?limit=1&keyRef=" + rootA, admin)).getString("nextCursor");
        assertProblem(get("/data-keys?limit=1&keyRef=" + rootB + "&cursor=" + cursorOfA, admin), 400, "INVALID_PARAMETER_VALUE");
        String keysCursor = json(get("/keys?limit=1", admin)).getString("nextCursor");
        assertProblem(get("/data-keys?limit=1&cursor=" + keysCursor, admin), 400, "INVALID_PARAMETER_VALUE");
        assertProblem(get("/data-keys?limit=0", admin), 400, "INVALID_PARAMETER_VALUE");
        assertProblem(get("/data-keys?limit=201", admin), 400, "INVALID_PARAMETER_VALUE");
        assertProblem(get("/data-keys?state=Deleted", admin), 400, "INVALID_PARAMETER_VALUE");
        assertProblem(get("/data-keys?offset=2", admin), 400, "INVALID_PARAMETER");
        assertProblem(get("/data-keys?tagValue=x", admin), 400, "INVALID_PARAMETER");
        assertProblem(get("/data-keys?search=" + "s".repeat(129), admin), 400, "INVALID_PARAMETER_VALUE");
        assertProblem(get("/data-keys?keyRef=00000000-0000-0000-0000-000000000000", admin), 404, "KEY_NOT_FOUND");
    }

    // ---------------------------------------------------------------- names, descriptions, states

    @Test
    void namesDescriptionsAndStatesFollowTheDataKeyRules() throws Exception {
        String alias = uniqueAlias("dk-life");
        String keyId = createKey(alias);
        String name = uniqueAlias("dk-life");
        JsonObject created = generate(alias, name, null);
        String id = created.getString("dataKeyId");
        byte[] plaintext = Base64.getDecoder().decode(created.getString("plaintext"));
        String other = uniqueAlias("dk-life-other");
        String otherId = generate(alias, other, null).getString("dataKeyId");

        String renamed = name + "-renamed";
        assertEquals(204, put("/data-keys/" + id + "/name", "{\"name\":\"" + renamed + "\"}").statusCode());
        assertEquals(renamed, dataKey(id).getString("name"));
        assertProblem(put("/data-keys/" + otherId + "/name", "{\"name\":\"" + renamed + "\"}"), 409, "DATA_KEY_NAME_EXISTS");
        assertEquals(other, dataKey(otherId).getString("name"), "a refused rename changes nothing");
        assertProblem(post("/data-keys", "{\"keyRef\":\"" + alias + "\",\"name\":\"" + other + "\"}", admin), 409, "DATA_KEY_NAME_EXISTS");
        assertEquals(List.of(otherId), listedIds("search=" + other), "a refused name hosts no second data key");

        assertEquals(204, patch("/data-keys/" + id, "{\"description\":\"ledger \u00e9\"}").statusCode());
        assertEquals("ledger \u00e9", dataKey(id).getString("description"));
        // 101 characters; and 51 characters of 2 bytes each: the limit is 100 bytes in UTF-8
        assertProblem(patch("/data-keys/" + id, "{\"description\":\"" + "d".repeat(101) + "\"}"), 400, "INVALID_PARAMETER_VALUE");
        assertProblem(patch("/data-keys/" + id, "{\"description\":\"" + "\u00e9".repeat(51) + "\"}"), 400, "INVALID_PARAMETER_VALUE");
        assertEquals(204, patch("/data-keys/" + id, "{\"description\":\"" + "\u00e9".repeat(50) + "\"}").statusCode(), "100 bytes fit");
        assertEquals("\u00e9".repeat(50), dataKey(id).getString("description"));

        assertProblem(post("/data-keys/" + id + "/schedule-deletion", "{\"pendingWindowInDays\":7}", admin), 409, "DATA_KEY_STATE_NOT_SUPPORTED");
        assertEquals("Enabled", dataKey(id).getString("state"), "an enabled data key is not scheduled for deletion");

        assertEquals(204, post("/data-keys/" + id + "/disable", "", admin).statusCode());
        assertEquals("Disabled", dataKey(id).getString("state"));
        assertProblem(post("/data-keys/" + id + "/plaintext", "", admin), 409, "DATA_KEY_DISABLED");
        assertProblem(get("/data-keys/" + id + "/ciphertext", admin), 409, "DATA_KEY_STATE_NOT_SUPPORTED");

        assertProblem(post("/data-keys/" + id + "/schedule-deletion", "{\"pendingWindowInDays\":6}", admin), 400, "PENDING_WINDOW_INVALID");
        assertEquals("Disabled", dataKey(id).getString("state"));
        Instant deletion = Instant.parse(json(post("/data-keys/" + id + "/schedule-deletion", "{\"pendingWindowInDays\":7}", admin))
                .getString("deletionDate"));
        assertTrue(Duration.between(Instant.now().plus(Duration.ofDays(7)), deletion).abs().toDays() < 1, deletion.toString());
        JsonObject pending = dataKey(id);
        assertEquals("PendingDelete", pending.getString("state"));
        assertEquals(deletion.toString(), pending.getString("deletionDate"));
        assertProblem(post("/data-keys/" + id + "/plaintext", "", admin), 409, "DATA_KEY_PENDING_DELETE");
        assertProblem(post("/data-keys/" + id + "/enable", "", admin), 409, "DATA_KEY_STATE_NOT_SUPPORTED");

        assertEquals(204, post("/data-keys/" + id + "/cancel-deletion", "", admin).statusCode());
        JsonObject cancelled = dataKey(id);
        assertEquals("Disabled", cancelled.getString("state"));
        assertFalse(cancelled.containsKey("deletionDate"));
        assertProblem(post("/data-keys/" + id + "/cancel-deletion", "", admin), 409, "DATA_KEY_NOT_PENDING_DELETE");

        assertEquals(204, post("/data-keys/" + id + "/enable", "", admin).statusCode());
        assertArrayEquals(plaintext, plaintextOf(id), "enabled again, it gives back the same plaintext");

        // the root key governs its data keys
        assertEquals(204, post("/keys/" + keyId + "/disable", "", admin).statusCode());
        assertProblem(post("/data-keys/" + id + "/plaintext", "", admin), 409, "KEY_DISABLED");
        assertEquals(204, post("/keys/" + keyId + "/enable", "", admin).statusCode());
        assertArrayEquals(plaintext, plaintextOf(id));

        String principal = secretId();
        assertEquals("rest\t" + principal + "\tUpdateDataKeyName\tALLOWED", ServerSql.auditOf(id, "UpdateDataKeyName"));
        assertEquals("rest\t" + principal + "\tUpdateDataKeyName\tDENIED", ServerSql.auditOf(otherId, "UpdateDataKeyName"));
        assertEquals(List.of("rest\t" + principal + "\tDisableDataKey\tALLOWED"), audited(id, "DisableDataKey"));
        assertEquals(List.of("rest\t" + principal + "\tScheduleDataKeyDeletion\tALLOWED", "rest\t" + principal + "\tScheduleDataKeyDeletion\tDENIED",
                "rest\t" + principal + "\tScheduleDataKeyDeletion\tDENIED"), audited(id, "ScheduleDataKeyDeletion"));
        assertTrue(audited(id, "CancelDataKeyDeletion").contains("rest\t" + principal + "\tCancelDataKeyDeletion\tDENIED"));
    }

    // ---------------------------------------------------------------- import

    @Test
    void importsHostAPlaintextOrABlobAndRefuseForeignMaterial() throws Exception {
        String alias = uniqueAlias("dk-import");
        String keyId = createKey(alias);
        String otherKey = createKey(uniqueAlias("dk-import-other"));
        String prefix = uniqueAlias("dk-imported");

        byte[] material = new byte[32];
        RANDOM.nextBytes(material);
        HttpResponse<String> response = post("/data-keys/import", "{\"keyRef\":\"" + alias + "\",\"name\":\"" + prefix
                + "-plain\",\"description\":\"from the old vault\",\"tags\":{\"source\":\"vault\"},\"plaintext\":\"" + b64(material) + "\"}", admin);
        assertEquals(201, response.statusCode(), response.body());
        JsonObject plain = json(response);
        assertEquals("/api/v1/data-keys/" + plain.getString("dataKeyId"), response.headers().firstValue("Location").orElse(null));
        assertEquals("EXTERNAL", plain.getString("origin"));
        assertEquals(32, plain.getInt("numberOfBytes"));
        assertEquals(keyId, plain.getString("keyId"));
        assertEquals(Map.of("source", "vault"), strings(plain.getJsonObject("tags")));
        assertFalse(plain.containsKey("plaintext"), "an import hands back no material");
        assertArrayEquals(material, plaintextOf(plain.getString("dataKeyId")));

        JsonObject loose = json(post("/keys/" + alias + "/data-keys", "{\"numberOfBytes\":16}", admin));
        JsonObject adopted = imported("{\"name\":\"" + prefix + "-blob\",\"ciphertextBlob\":\"" + loose.getString("ciphertextBlob") + "\"}");
        assertEquals("TENCENT_KMS", adopted.getString("origin"));
        assertEquals(16, adopted.getInt("numberOfBytes"));
        assertEquals(keyId, adopted.getString("keyId"), "the blob names its root key");
        assertArrayEquals(Base64.getDecoder().decode(loose.getString("plaintext")), plaintextOf(adopted.getString("dataKeyId")));

        String withContext = json(post("/keys/" + alias + "/data-keys", "{\"encryptionContext\":{\"a\":\"1\"}}", admin)).getString("ciphertextBlob");
        byte[] tampered = Base64.getDecoder().decode(loose.getString("ciphertextBlob"));
        tampered[tampered.length - 1] ^= 1;
        String[][] refused = {
                // body, status, code
                {"{\"name\":\"" + prefix + "-x\",\"ciphertextBlob\":\"" + loose.getString("ciphertextBlob") + "\",\"keyRef\":\"" + otherKey + "\"}",
                        "400", "DATA_KEY_MATERIAL_INVALID"},
                {"{\"name\":\"" + prefix + "-x\",\"ciphertextBlob\":\"" + withContext + "\"}", "400", "DATA_KEY_MATERIAL_INVALID"},
                {"{\"name\":\"" + prefix + "-x\",\"ciphertextBlob\":\"" + b64(tampered) + "\"}", "400", "DATA_KEY_MATERIAL_INVALID"},
                {"{\"name\":\"" + prefix + "-x\",\"ciphertextBlob\":\"AAAA\"}", "400", "DATA_KEY_MATERIAL_INVALID"},
                {"{\"name\":\"" + prefix + "-x\",\"ciphertextBlob\":\"" + loose.getString("ciphertextBlob") + "\",\"plaintext\":\"aGk=\"}",
                        "400", "INVALID_PARAMETER"},
                {"{\"name\":\"" + prefix + "-x\",\"keyRef\":\"" + alias + "\"}", "400", "MISSING_PARAMETER"},
                {"{\"name\":\"" + prefix + "-x\",\"plaintext\":\"aGk=\"}", "400", "MISSING_PARAMETER"},
                {"{\"name\":\"" + prefix + "-x\",\"keyRef\":\"" + alias + "\",\"plaintext\":\"" + b64(new byte[1025]) + "\"}", "400", "PLAINTEXT_INVALID"},
                {"{\"name\":\"" + prefix + "-x\",\"keyRef\":\"" + alias + "\",\"plaintext\":\"" + b64(new byte[2000]) + "\"}", "400", "INVALID_PARAMETER_VALUE"},
                {"{\"name\":\"" + prefix + "-x\",\"keyRef\":\"" + alias + "\",\"plaintext\":\"not base64!\"}", "400", "INVALID_PARAMETER"},
                {"{\"name\":\"" + prefix + "-x\",\"keyRef\":\"" + alias + "\",\"plaintext\":\"\"}", "400", "PLAINTEXT_INVALID"},
                {"{\"name\":\"" + prefix + "-x\",\"keyRef\":\"" + alias + "\",\"plaintext\":\"aGk=\",\"origin\":\"EXTERNAL\"}", "400", "INVALID_PARAMETER"},
                {"{\"name\":\"" + prefix + "-plain\",\"keyRef\":\"" + alias + "\",\"plaintext\":\"aGk=\"}", "409", "DATA_KEY_NAME_EXISTS"},
                {"{\"keyRef\":\"" + alias + "\",\"plaintext\":\"aGk=\"}", "400", "MISSING_PARAMETER"}};
        for (String[] c : refused) {
            assertProblem(post("/data-keys/import", c[0], admin), Integer.parseInt(c[1]), c[2]);
        }
        assertEquals(2, json(get("/data-keys?search=" + prefix, admin)).getInt("totalCount"), "no refused import hosted a data key");
        assertEquals("rest\t" + secretId() + "\tImportDataKey\tALLOWED", ServerSql.auditOf(plain.getString("dataKeyId"), "ImportDataKey"));
    }

    // ---------------------------------------------------------------- bad input changes nothing

    @Test
    void badInputOnEveryDataKeyEndpointIsRefusedAndChangesNothing() throws Exception {
        String alias = uniqueAlias("dk-strict");
        String name = uniqueAlias("dk-strict");
        createKey(alias);
        String id = generate(alias, name, "\"tags\":{\"team\":\"strict\"}").getString("dataKeyId");
        String path = "/data-keys/" + id;
        String before = dataKey(id).toString();
        String refusedName = uniqueAlias("dk-refused");
        String create = "{\"keyRef\":\"" + alias + "\",\"name\":\"" + refusedName + "\"";

        List<Object[]> cases = List.of(
                // method, path, body, status, code
                new Object[]{"POST", "/data-keys", "{\"name\":\"" + refusedName + "\"}", 400, "MISSING_PARAMETER"},
                new Object[]{"POST", "/data-keys", "{\"keyRef\":\"" + alias + "\"}", 400, "MISSING_PARAMETER"},
                new Object[]{"POST", "/data-keys", "{\"keyRef\":\"" + alias + "\",\"name\":\"bad name!\"}", 400, "DATA_KEY_NAME_INVALID"},
                new Object[]{"POST", "/data-keys", "{\"keyRef\":\"" + alias + "\",\"name\":\"" + "n".repeat(61) + "\"}", 400, "INVALID_PARAMETER_VALUE"},
                new Object[]{"POST", "/data-keys", "{\"keyRef\":\"" + alias + "\",\"name\":7}", 400, "INVALID_PARAMETER"},
                new Object[]{"POST", "/data-keys", create + ",\"keySpec\":\"AES_128\",\"numberOfBytes\":16}", 400, "INVALID_PARAMETER"},
                new Object[]{"POST", "/data-keys", create + ",\"keySpec\":\"AES_512\"}", 400, "INVALID_PARAMETER_VALUE"},
                new Object[]{"POST", "/data-keys", create + ",\"numberOfBytes\":1025}", 400, "INVALID_PARAMETER_VALUE"},
                new Object[]{"POST", "/data-keys", create + ",\"numberOfBytes\":\"16\"}", 400, "INVALID_PARAMETER"},
                new Object[]{"POST", "/data-keys", create + ",\"encryptionContext\":\"{}\"}", 400, "INVALID_PARAMETER"},
                new Object[]{"POST", "/data-keys", create + ",\"tags\":{\"qcloud:x\":\"y\"}}", 400, "TAG_INVALID"},
                new Object[]{"POST", "/data-keys", create + ",\"tags\":[\"team\"]}", 400, "INVALID_PARAMETER"},
                new Object[]{"POST", "/data-keys", create + ",\"description\":\"" + "d".repeat(101) + "\"}", 400, "INVALID_PARAMETER_VALUE"},
                new Object[]{"POST", "/data-keys", create + ",\"hosted\":true}", 400, "INVALID_PARAMETER"},
                new Object[]{"POST", "/data-keys", create.replace(alias, "bad!ref") + "}", 400, "KEY_ID_INVALID"},
                new Object[]{"POST", "/data-keys", create.replace(alias, "00000000-0000-0000-0000-000000000000") + "}", 404, "KEY_NOT_FOUND"},
                new Object[]{"POST", "/data-keys", create, 400, "MALFORMED_REQUEST"},
                new Object[]{"PATCH", path, "{}", 400, "MISSING_PARAMETER"},
                new Object[]{"PATCH", path, "{\"description\":1}", 400, "INVALID_PARAMETER"},
                new Object[]{"PATCH", path, "{\"description\":\"x\",\"name\":\"y\"}", 400, "INVALID_PARAMETER"},
                new Object[]{"PUT", path + "/name", "{}", 400, "MISSING_PARAMETER"},
                new Object[]{"PUT", path + "/name", "{\"name\":\"bad name!\"}", 400, "DATA_KEY_NAME_INVALID"},
                new Object[]{"POST", path + "/enable", "{\"force\":true}", 400, "INVALID_PARAMETER"},
                new Object[]{"POST", path + "/disable", "{\"force\":true}", 400, "INVALID_PARAMETER"},
                new Object[]{"POST", path + "/schedule-deletion", "{\"pendingWindowInDays\":\"7\"}", 400, "INVALID_PARAMETER"},
                new Object[]{"POST", path + "/schedule-deletion", "{}", 400, "MISSING_PARAMETER"},
                new Object[]{"POST", path + "/cancel-deletion", "{\"now\":true}", 400, "INVALID_PARAMETER"},
                new Object[]{"POST", path + "/plaintext", "{\"publicKey\":\"x\"}", 400, "INVALID_PARAMETER"},
                new Object[]{"GET", "/data-keys/not-a-uuid", null, 400, "DATA_KEY_ID_INVALID"},
                new Object[]{"GET", "/data-keys/" + id.toUpperCase(java.util.Locale.ROOT), null, 400, "DATA_KEY_ID_INVALID"},
                new Object[]{"GET", "/data-keys/" + "d".repeat(65), null, 400, "DATA_KEY_ID_INVALID"},
                new Object[]{"GET", "/data-keys/00000000-0000-0000-0000-000000000000", null, 404, "DATA_KEY_NOT_FOUND"},
                new Object[]{"POST", "/data-keys/00000000-0000-0000-0000-000000000000/plaintext", "", 404, "DATA_KEY_NOT_FOUND"});
        for (Object[] c : cases) {
            byte[] body = c[2] == null ? null : ((String) c[2]).getBytes(StandardCharsets.UTF_8);
            assertProblem(send((String) c[0], (String) c[1], body, body == null || body.length == 0 ? null : "application/json",
                    "Bearer " + admin), (Integer) c[3], (String) c[4]);
        }
        assertProblem(send("PATCH", path, "{\"description\":\"x\"}".getBytes(StandardCharsets.UTF_8), "text/plain", "Bearer " + admin),
                415, "MALFORMED_REQUEST");

        assertEquals(before, dataKey(id).toString(), "no refused request changed the data key");
        assertEquals(0, json(get("/data-keys?search=" + refusedName, admin)).getInt("totalCount"), "no refused request hosted a data key");
        assertEquals(List.of("rest\t" + secretId() + "\tScheduleDataKeyDeletion\tDENIED", "rest\t" + secretId() + "\tScheduleDataKeyDeletion\tDENIED"),
                audited(id, "ScheduleDataKeyDeletion"), "bad input is audited under the data key's id too");
    }

    // ---------------------------------------------------------------- bindings

    @Test
    void aBoundKeyCannotBeDisabledUntilItIsUnbound() throws Exception {
        String alias = uniqueAlias("dk-bound");
        String keyId = createKey(alias);
        String bindings = "/keys/" + alias + "/bindings";
        assertEquals(0, json(get(bindings, admin)).getJsonArray("bindings").size());

        String resource = "bucket/orders 2026";
        String bind = "{\"productId\":\"cos\",\"resourceId\":\"" + resource + "\"}";
        HttpResponse<String> bound = post(bindings, bind, admin);
        assertEquals(201, bound.statusCode(), bound.body());
        JsonObject binding = json(bound);
        assertEquals(keyId, binding.getString("keyId"));
        assertEquals("cos", binding.getString("productId"));
        assertEquals(resource, binding.getString("resourceId"));
        assertEquals(secretId(), binding.getString("boundBy"));
        assertNotNull(Instant.parse(binding.getString("createTime")));
        assertEquals(binding, json(post(bindings, bind, admin)), "binding the same pair again changes nothing");
        assertEquals(List.of(binding), json(get(bindings, admin)).getJsonArray("bindings").getValuesAs(JsonObject.class));

        HttpResponse<String> refused = post("/keys/" + alias + "/disable", "", admin);
        assertProblem(refused, 409, "KEY_IN_USE_BY_RESOURCE");
        assertTrue(json(refused).getString("detail").contains("unbound"), refused.body());
        assertProblem(post("/keys/" + alias + "/archive", "", admin), 409, "KEY_IN_USE_BY_RESOURCE");
        assertEquals("Enabled", json(get("/keys/" + alias, admin)).getString("state"), "a bound key stays enabled");

        String unbind = bindings + "/cos/" + URLEncoder.encode(resource, StandardCharsets.UTF_8).replace("+", "%20").replace("%2F", "/");
        assertEquals(204, send("DELETE", unbind, null, null, "Bearer " + admin).statusCode());
        assertEquals(0, json(get(bindings, admin)).getJsonArray("bindings").size());
        assertProblem(send("DELETE", unbind, null, null, "Bearer " + admin), 404, "BINDING_NOT_FOUND");
        assertProblem(send("DELETE", bindings + "/ssm/" + "no-such-resource", null, null, "Bearer " + admin), 404, "BINDING_NOT_FOUND");
        assertEquals(204, post("/keys/" + alias + "/disable", "", admin).statusCode(), "unbound, the key can be disabled");
        assertEquals("Disabled", json(get("/keys/" + alias, admin)).getString("state"));

        String principal = secretId();
        String rest = "rest\t" + principal + "\t";
        assertEquals(List.of(rest + "BindCloudResource\tALLOWED", rest + "BindCloudResource\tALLOWED"), audited(keyId, "BindCloudResource"));
        assertEquals(List.of(rest + "UnbindCloudResource\tALLOWED", rest + "UnbindCloudResource\tDENIED", rest + "UnbindCloudResource\tDENIED"),
                audited(keyId, "UnbindCloudResource"));
        assertEquals(List.of(rest + "DisableKey\tALLOWED", rest + "DisableKey\tDENIED"), audited(keyId, "DisableKey"));
    }

    @Test
    void badBindingsAreRefusedAndBindNothing() throws Exception {
        String alias = uniqueAlias("dk-bind-strict");
        createKey(alias);
        String bindings = "/keys/" + alias + "/bindings";
        String[][] cases = {
                {"{}", "400", "MISSING_PARAMETER"},
                {"{\"productId\":\"cos\"}", "400", "MISSING_PARAMETER"},
                {"{\"productId\":\"c o s\",\"resourceId\":\"r\"}", "400", "INVALID_PARAMETER_VALUE"},
                {"{\"productId\":\"" + "p".repeat(65) + "\",\"resourceId\":\"r\"}", "400", "INVALID_PARAMETER_VALUE"},
                {"{\"productId\":\"cos\",\"resourceId\":\"" + "r".repeat(257) + "\"}", "400", "INVALID_PARAMETER_VALUE"},
                {"{\"productId\":\"cos\",\"resourceId\":\"line\\u0001break\"}", "400", "INVALID_PARAMETER_VALUE"},
                {"{\"productId\":\"cos\",\"resourceId\":7}", "400", "INVALID_PARAMETER"},
                {"{\"productId\":\"cos\",\"resourceId\":\"r\",\"region\":\"x\"}", "400", "INVALID_PARAMETER"}};
        for (String[] c : cases) {
            assertProblem(post(bindings, c[0], admin), Integer.parseInt(c[1]), c[2]);
        }
        assertProblem(post("/keys/00000000-0000-0000-0000-000000000000/bindings", "{\"productId\":\"cos\",\"resourceId\":\"r\"}", admin),
                404, "KEY_NOT_FOUND");
        assertProblem(get("/keys/bad%21ref/bindings", admin), 400, "KEY_ID_INVALID");
        assertProblem(send("DELETE", bindings + "/" + "p".repeat(65) + "/r", null, null, "Bearer " + admin), 400, "INVALID_PARAMETER_VALUE");
        assertProblem(send("DELETE", bindings + "/cos/r", "{\"all\":true}".getBytes(StandardCharsets.UTF_8), "application/json",
                "Bearer " + admin), 400, "INVALID_PARAMETER");
        assertEquals("[]", json(get(bindings, admin)).getJsonArray("bindings").toString(), "no refused request bound the key");
        assertEquals(204, post("/keys/" + alias + "/disable", "", admin).statusCode(), "and it can still be disabled");
    }

    // ---------------------------------------------------------------- another tenant

    @Test
    void anotherTenantSeesNothingOfTheDataKeyNorOfTheBindings() throws Exception {
        String alias = uniqueAlias("dk-tenant");
        String keyId = createKey(alias);
        String name = uniqueAlias("dk-tenant");
        String id = generate(alias, name, null).getString("dataKeyId");
        assertEquals(201, post("/keys/" + alias + "/bindings", "{\"productId\":\"cos\",\"resourceId\":\"ours\"}", admin).statusCode());
        String ourBlob = json(post("/keys/" + alias + "/data-keys", "{}", admin)).getString("ciphertextBlob");
        String before = dataKey(id).toString();

        String other = otherTenantToken();
        String unknown = "/data-keys/00000000-0000-0000-0000-000000000000";
        for (String[] request : List.of(new String[]{"GET", ""}, new String[]{"POST", "/plaintext"}, new String[]{"GET", "/ciphertext"},
                new String[]{"POST", "/disable"}, new String[]{"PUT", "/name"}, new String[]{"PATCH", ""})) {
            byte[] body = switch (request[0]) {
                case "PUT" -> "{\"name\":\"stolen\"}".getBytes(StandardCharsets.UTF_8);
                case "PATCH" -> "{\"description\":\"stolen\"}".getBytes(StandardCharsets.UTF_8);
                default -> null;
            };
            String type = body == null ? null : "application/json";
            HttpResponse<String> foreign = send(request[0], "/data-keys/" + id + request[1], body, type, "Bearer " + other);
            HttpResponse<String> absent = send(request[0], unknown + request[1], body, type, "Bearer " + other);
            assertProblem(foreign, 404, "DATA_KEY_NOT_FOUND");
            assertProblem(absent, 404, "DATA_KEY_NOT_FOUND");
            assertEquals(json(absent).getString("detail"), json(foreign).getString("detail"), "another tenant's data key is an unknown one");
        }
        assertEquals(0, json(get("/data-keys?search=" + name, other)).getInt("totalCount"));
        assertEquals(0, json(get("/data-keys?search=" + id, other)).getInt("totalCount"));
        assertProblem(get("/keys/" + keyId + "/bindings", other), 404, "KEY_NOT_FOUND");
        assertProblem(send("DELETE", "/keys/" + keyId + "/bindings/cos/ours", null, null, "Bearer " + other), 404, "KEY_NOT_FOUND");
        assertProblem(post("/data-keys/import", "{\"name\":\"" + uniqueAlias("dk-foreign") + "\",\"ciphertextBlob\":\"" + ourBlob + "\"}",
                other), 400, "DATA_KEY_MATERIAL_INVALID");

        assertEquals(before, dataKey(id).toString(), "the other tenant changed nothing");
        assertEquals(1, json(get("/keys/" + alias + "/bindings", admin)).getJsonArray("bindings").size());
        assertEquals(204, send("DELETE", "/keys/" + alias + "/bindings/cos/ours", null, null, "Bearer " + admin).statusCode());
    }

    // ---------------------------------------------------------------- helpers

    /** A tenant the operator creates in the console, and its administrator's token (a credential made in the console). */
    private static String otherTenantToken() throws Exception {
        String password = "datakeys-admin-password-1";
        String tenantAdmin = uniqueAlias("dk-admin");
        try (ConsoleBrowser browser = ConsoleBrowser.start(baseUrl())) {
            OperatorPage.open(browser);
            OperatorPage.createTenant(browser, uniqueAlias("dk-tenant"), tenantAdmin, password);
            AccessPage.logOut(browser);
            AccessPage.open(browser, tenantAdmin, password);
            String[] credential = AccessPage.newCredential(browser, tenantAdmin);
            return RestApiV1IT.token(credential[0], credential[1]);
        }
    }

    private static String createKey(String alias) throws Exception {
        HttpResponse<String> created = post("/keys", "{\"alias\":\"" + alias + "\"}", admin);
        assertEquals(201, created.statusCode(), created.body());
        return json(created).getString("keyId");
    }

    /** A data key generated under {@code keyRef} ({@code extra}: more JSON members, or null), as created. */
    private static JsonObject generate(String keyRef, String name, String extra) throws Exception {
        HttpResponse<String> response = post("/data-keys", "{\"keyRef\":\"" + keyRef + "\",\"name\":\"" + name + "\""
                + (extra == null ? "" : "," + extra) + "}", admin);
        assertEquals(201, response.statusCode(), response.body());
        return json(response);
    }

    private static JsonObject imported(String body) throws Exception {
        HttpResponse<String> response = post("/data-keys/import", body, admin);
        assertEquals(201, response.statusCode(), response.body());
        return json(response);
    }

    private static JsonObject dataKey(String id) throws Exception {
        HttpResponse<String> response = get("/data-keys/" + id, admin);
        assertEquals(200, response.statusCode(), response.body());
        return json(response);
    }

    private static byte[] plaintextOf(String id) throws Exception {
        HttpResponse<String> response = post("/data-keys/" + id + "/plaintext", "", admin);
        assertEquals(200, response.statusCode(), response.body());
        return Base64.getDecoder().decode(json(response).getString("plaintext"));
    }

    private static List<String> listedIds(String query) throws Exception {
        HttpResponse<String> response = get("/data-keys?" + query, admin);
        assertEquals(200, response.statusCode(), response.body());
        JsonObject page = json(response);
        assertNull(page.get("nextCursor"), "one page: " + query);
        return page.getJsonArray("dataKeys").getValuesAs(JsonObject.class).stream().map(d -> d.getString("dataKeyId")).toList();
    }

    private static HttpResponse<String> put(String path, String body) throws Exception {
        return send("PUT", path, body.getBytes(StandardCharsets.UTF_8), "application/json", "Bearer " + admin);
    }

    private static HttpResponse<String> patch(String path, String body) throws Exception {
        return send("PATCH", path, body.getBytes(StandardCharsets.UTF_8), "application/json", "Bearer " + admin);
    }

    /** A Tencent action through the SDK's generic client: its Response object. */
    private static JsonObject tencent(String action, String body) throws Exception {
        return Json.createReader(new StringReader(commonClient().call(action, body))).readObject().getJsonObject("Response");
    }

    /** The audit records of one action on one key or data key, sorted: door, principal, action, outcome. */
    private static List<String> audited(String keyId, String action) throws Exception {
        return ServerSql.auditOf(keyId, action).lines().sorted().toList();
    }

    private static Map<String, String> strings(JsonObject object) {
        Map<String, String> pairs = new TreeMap<>();
        object.forEach((k, v) -> pairs.put(k, ((JsonString) v).getString()));
        return pairs;
    }

    private static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
