package org.selfkms.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The REST door at /api/v1: the curl examples of docs/rest-api.md run verbatim (curl and jq required), every kind
 * of bad input refused with problem details and nothing changed, authentication refusals, role refusals with a
 * service principal's credential, the OpenAPI document served as checked in, and the Tencent door still at "/".
 */
class RestApiV1IT extends DeployedKms {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Path DOCS = Path.of(System.getProperty("user.dir")).resolveSibling("docs");
    private static String token;

    @BeforeAll
    static void token() throws Exception {
        token = token(secretId(), secretKey());
    }

    // ---------------------------------------------------------------- documentation examples, run verbatim

    /** What each ```sh block of docs/rest-api.md must print, in order (regular expressions, whole output). */
    private static final List<String> EXPECTED_OUTPUTS = List.of(
            "",                                                                    // TOKEN=...
            "(?=.*\"status\":400)(?=.*\"code\":\"INVALID_PARAMETER\")(?=.*'colour').*", // unknown field
            "\\{.*\"alias\":\"shop-orders\".*\"state\":\"Enabled\".*\\}\\s*Enabled",  // create two keys
            "shop-orders Enabled ENCRYPT_DECRYPT",                                 // describe
            "(shop-orders\nshop-invoices|shop-invoices\nshop-orders)\nnull",      // two pages, the last without cursor
            "204\n409 KEY_DISABLED\n204",                                          // disable, refused encrypt, enable
            "201\n204\n204\nbilling-journal: Ledger entries",                      // create, describe, rename
            "204\n204\n\\{\"team\":\"billing\"\\}\nbilling-journal",                  // tags, listing by tag
            "204\ntrue\n2\n\\[\\{\"version\":1,\"current\":false\\},\\{\"version\":2,\"current\":true\\}\\]", // rotation
            "204\n204\n204\n\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z\nPendingDelete\n204\nDisabled", // archive, deletion
            "\\[\"ENCRYPT\",\"DECRYPT\"\\]\nrole:KEY_USER\n204\n0",             // key policy set, read, removed
            "ASYMMETRIC_SIGN_VERIFY_ECC\n-----BEGIN PUBLIC KEY-----\ntrue",          // sign and verify
            "201\nquantum-safe",                                                  // post-quantum round trip
            "PendingImport\nEnabled",                                             // BYOK
            "",                                                                    // BLOB=...
            "card 4111",                                                           // decrypt
            "32",                                                                  // data key length
            "true",                                                                // re-encrypt
            "16",                                                                  // random
            "orders-table Enabled 32 shop-orders\ntrue\ntrue",                     // hosted data key: plaintext, blob
            "orders-table\n1\n204\n204\n409 DATA_KEY_DISABLED",                    // listed, renamed, disabled
            "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z\norders-table-2026 PendingDelete\n204\nDisabled", // deletion
            "EXTERNAL 32\nTENCENT_KMS 16 shop-orders",                             // data keys imported
            "cos bucket/invoices-2026\n409 KEY_IN_USE_BY_RESOURCE\n204\n\\[\\]",   // bound, disable refused, unbound
            "\\S+ schema \\d+\n401",                                              // version; anonymous refused
            "204\nAUTH_SIGNATURE_EXPIRED",                                         // revoke, then refused
            "openapi: 3.1.0",                                                      // OpenAPI document
            "CreateKey ALLOWED rest true",                                         // audit search by key and action
            "DescribeKey\n\\w+\nCreateKey\nnull",                                  // audit pages: newest two, then the oldest
            "intact: true, records checked: \\d+",                                 // trail verification
            "Verified OK",                                                         // checkpoint checked with openssl
            "intact: true",                                                        // verification against it
            "shop-auditor AUDITOR\nAUDITOR",                                       // user created and listed
            "shop-auditor true false",                                             // credential listed without its secret
            "200\n403 UNAUTHORIZED",                                               // an auditor's token: audit yes, credentials no
            "cos true",                                                            // service principal
            "204\n401\n204\n204",                                                  // disable, its token refused, delete both
            "Shop Ltd false",                                                      // the operator creates a tenant
            "204\ntrue\n204\n403 UNAUTHORIZED");                                   // suspend, listed, resume; admin refused

    @Test
    void theDocumentedCurlExamplesRunVerbatimAndAnswerAsDocumented() throws Exception {
        String markdown = Files.readString(DOCS.resolve("rest-api.md"));
        List<String> blocks = new ArrayList<>();
        Matcher fence = Pattern.compile("(?m)^```sh\\n(.*?)^```$", Pattern.DOTALL).matcher(markdown);
        while (fence.find()) {
            blocks.add(fence.group(1));
        }
        assertEquals(EXPECTED_OUTPUTS.size(), blocks.size(), "one expected output per sh block of docs/rest-api.md");
        StringBuilder script = new StringBuilder("set -e -o pipefail\n");
        for (int i = 0; i < blocks.size(); i++) {
            script.append("printf '\\n@@@ block ").append(i).append("\\n'\n").append(blocks.get(i));
        }
        ProcessBuilder shell = new ProcessBuilder("bash", "-c", script.toString()).redirectErrorStream(true);
        shell.environment().put("KMS", baseUrl());
        shell.environment().put("SECRET_ID", secretId());
        shell.environment().put("SECRET_KEY", secretKey());
        shell.environment().remove("TOKEN");
        requireTool("curl");
        requireTool("jq");
        Process process = shell.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), "the examples ran to the end:\n" + output);
        String[] outputs = output.split("(?m)^@@@ block \\d+\\n", -1);
        assertEquals(blocks.size() + 1, outputs.length, output);
        for (int i = 0; i < blocks.size(); i++) {
            String printed = outputs[i + 1].strip();
            assertTrue(Pattern.compile(EXPECTED_OUTPUTS.get(i), Pattern.DOTALL).matcher(printed).matches(),
                    "block " + i + ":\n" + blocks.get(i) + "printed:\n" + printed);
        }
    }

    private static void requireTool(String tool) throws Exception {
        Process which = new ProcessBuilder("bash", "-c", "command -v " + tool).start();
        assertEquals(0, which.waitFor(), tool + " is required to run the documented examples (not skipped: install it)");
    }

    // ---------------------------------------------------------------- authentication

    @Test
    void tokensComeFromTheCredentialAndAreRefusedOtherwise() throws Exception {
        HttpResponse<String> issued = send("POST", "/tokens", null, null, "Basic " + basic(secretId(), secretKey()));
        assertEquals(201, issued.statusCode());
        JsonObject body = json(issued);
        assertTrue(body.getString("token").matches("skms_[A-Za-z0-9_-]{43}"));
        assertEquals(900, body.getInt("expiresIn"));
        assertEquals("TENANT_ADMIN", body.getString("role"));
        assertEquals("no-store", issued.headers().firstValue("Cache-Control").orElse(null));

        // wrong key and unknown SecretId look the same to the caller
        HttpResponse<String> wrongKey = send("POST", "/tokens", null, null, "Basic " + basic(secretId(), secretKey() + "x"));
        HttpResponse<String> unknownId = send("POST", "/tokens", null, null, "Basic " + basic("AKIDnoSuchCredential000", secretKey()));
        for (HttpResponse<String> refused : List.of(wrongKey, unknownId)) {
            assertProblem(refused, 401, "AUTH_LOGIN_FAILED");
            assertEquals("The API credentials are not valid", json(refused).getString("detail"));
            assertTrue(refused.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"));
        }
        assertProblem(send("POST", "/tokens", null, null, "Basic !!!"), 401, "AUTH_LOGIN_FAILED");
        assertProblem(send("POST", "/tokens", null, null, null), 401, "AUTH_LOGIN_FAILED");
        assertProblem(send("GET", "/keys", null, null, null), 401, "AUTH_MALFORMED");
        assertProblem(send("GET", "/keys", null, null, "Bearer skms_forged"), 401, "AUTH_SIGNATURE_EXPIRED");
        assertProblem(send("GET", "/keys", null, null, "Basic " + basic(secretId(), secretKey())), 401, "AUTH_MALFORMED");

        String revoked = body.getString("token");
        assertEquals(200, send("GET", "/keys", null, null, "Bearer " + revoked).statusCode());
        assertEquals(204, send("DELETE", "/tokens/current", null, null, "Bearer " + revoked).statusCode());
        assertProblem(send("GET", "/keys", null, null, "Bearer " + revoked), 401, "AUTH_SIGNATURE_EXPIRED");
    }

    @Test
    void aTokenActsWithTheRoleOfItsCredential() throws Exception {
        String service = token(ServicePrincipals.credential("cos")[0], ServicePrincipals.credential("cos")[1]);
        String alias = uniqueAlias("rest-role");
        assertProblem(post("/keys", "{\"alias\":\"" + alias + "\"}", service), 403, "UNAUTHORIZED");
        assertProblem(get("/keys", service), 403, "UNAUTHORIZED");
        assertEquals(200, post("/random", "{\"numberOfBytes\":8}", service).statusCode(), "a service uses keys");
        assertProblem(get("/keys/" + alias, token), 404, "KEY_NOT_FOUND");
    }

    // ---------------------------------------------------------------- bad input changes nothing

    @Test
    void badBodiesAreRefusedWithProblemDetailsAndCreateNothing() throws Exception {
        String alias = uniqueAlias("rest-bad");
        String[][] cases = {
                {"{\"alias\":", "MALFORMED_REQUEST"},
                {"[]", "MALFORMED_REQUEST"},
                {"{\"alias\":\"" + alias + "\"} {}", "MALFORMED_REQUEST"},
                {"{\"alias\":\"" + alias + "\",\"alias\":\"" + alias + "\"}", "MALFORMED_REQUEST"},
                {"{\"alias\":\"" + alias + "\",\"tags\":" + "{\"a\":".repeat(10) + "\"x\"" + "}".repeat(10) + "}", "MALFORMED_REQUEST"},
                {"{\"alias\":\"" + alias + "\",\"colour\":\"blue\"}", "INVALID_PARAMETER"},
                {"{\"alias\":42}", "INVALID_PARAMETER"},
                {"{\"alias\":\"" + alias + "\",\"description\":true}", "INVALID_PARAMETER"},
                {"{\"alias\":\"" + alias + "\",\"tags\":[\"team\"]}", "INVALID_PARAMETER"},
                {"{\"alias\":\"" + alias + "\",\"tags\":{\"team\":1}}", "INVALID_PARAMETER"},
                {"{\"alias\":\"" + alias + "\",\"description\":\"" + "d".repeat(1025) + "\"}", "INVALID_PARAMETER_VALUE"},
                {"{\"alias\":\"" + "a".repeat(61) + "\"}", "INVALID_PARAMETER_VALUE"},
                {"{\"alias\":\"" + alias + "\",\"usage\":\"SHRED\"}", "KEY_USAGE_INVALID"},
                {"{\"alias\":\"" + alias + "\",\"protectionLevel\":\"CLOUD\"}", "INVALID_PARAMETER_VALUE"},
                {"{\"alias\":\"bad alias!\"}", "ALIAS_INVALID"},
                {"{}", "MISSING_PARAMETER"},
        };
        for (String[] c : cases) {
            assertProblem(post("/keys", c[0], token), 400, c[1]);
        }
        HttpResponse<String> notUtf8 = send("POST", "/keys", new byte[]{'{', '"', (byte) 0xC3, '"', ':', '1', '}'}, "application/json", "Bearer " + token);
        assertProblem(notUtf8, 400, "MALFORMED_REQUEST");
        assertProblem(send("POST", "/keys", ("{\"alias\":\"" + alias + "\"}").getBytes(StandardCharsets.UTF_8), "text/plain", "Bearer " + token),
                415, "MALFORMED_REQUEST");
        byte[] huge = ("{\"alias\":\"" + alias + "\",\"description\":\"" + "d".repeat(70_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        assertProblem(send("POST", "/keys", huge, "application/json", "Bearer " + token), 413, "MALFORMED_REQUEST");

        assertProblem(get("/keys/" + alias, token), 404, "KEY_NOT_FOUND");
        assertEquals(0, json(get("/keys?search=" + alias, token)).getInt("totalCount"), "no refused request created a key");
    }

    @Test
    void badDataRequestsAreRefused() throws Exception {
        String alias = uniqueAlias("rest-data");
        assertEquals(201, post("/keys", "{\"alias\":\"" + alias + "\"}", token).statusCode());
        String path = "/keys/" + alias;
        assertProblem(post(path + "/encrypt", "{\"plaintext\":\"not base64!\"}", token), 400, "INVALID_PARAMETER");
        assertProblem(post(path + "/encrypt", "{\"plaintext\":\"" + Base64.getEncoder().encodeToString(new byte[4097]) + "\"}", token),
                400, "PLAINTEXT_INVALID");
        assertProblem(post(path + "/encrypt", "{\"plaintext\":\"" + Base64.getEncoder().encodeToString(new byte[6000]) + "\"}", token),
                400, "INVALID_PARAMETER_VALUE");
        assertProblem(post(path + "/encrypt", "{\"plaintext\":\"aGk=\",\"encryptionContext\":\"{}\"}", token), 400, "INVALID_PARAMETER");
        assertProblem(post(path + "/encrypt", "{\"plaintext\":\"aGk=\",\"encryptionContext\":{\"n\":1}}", token), 400, "INVALID_PARAMETER");
        assertProblem(post(path + "/encrypt", "{\"plaintext\":\"aGk=\",\"key\":\"x\"}", token), 400, "INVALID_PARAMETER");
        assertProblem(post(path + "/data-keys", "{\"numberOfBytes\":\"16\"}", token), 400, "INVALID_PARAMETER");
        assertProblem(post(path + "/data-keys", "{\"numberOfBytes\":1.5}", token), 400, "INVALID_PARAMETER");
        assertProblem(post(path + "/data-keys", "{\"numberOfBytes\":1025}", token), 400, "INVALID_PARAMETER_VALUE");
        assertProblem(post(path + "/data-keys", "{\"numberOfBytes\":99999999999999999999}", token), 400, "INVALID_PARAMETER_VALUE");
        assertProblem(post(path + "/data-keys", "{\"numberOfBytes\":16,\"keySpec\":\"AES_128\"}", token), 400, "INVALID_PARAMETER");
        assertProblem(post("/random", "{\"numberOfBytes\":0}", token), 400, "INVALID_PARAMETER_VALUE");
        assertProblem(post("/decrypt", "{\"ciphertextBlob\":\"AAAA\"}", token), 400, "CIPHERTEXT_INVALID");
        assertProblem(post("/decrypt", "{\"ciphertextBlob\":\"" + "A".repeat(16 * 1024 + 1) + "\"}", token), 400, "INVALID_PARAMETER_VALUE");
        assertProblem(post(path + "/enable", "{\"force\":true}", token), 400, "INVALID_PARAMETER");

        // invalid ids: malformed, too long, unknown
        assertProblem(get("/keys/bad%21alias", token), 400, "KEY_ID_INVALID");
        assertProblem(get("/keys/" + "k".repeat(129), token), 400, "KEY_ID_INVALID");
        assertProblem(get("/keys/00000000-0000-0000-0000-000000000000", token), 404, "KEY_NOT_FOUND");
        assertProblem(post("/keys/00000000-0000-0000-0000-000000000000/encrypt", "{\"plaintext\":\"aGk=\"}", token), 404, "KEY_NOT_FOUND");

        // a conflict, and the key stays as it was
        assertProblem(post("/keys", "{\"alias\":\"" + alias + "\"}", token), 409, "ALIAS_EXISTS");
        assertEquals("Enabled", json(get(path, token)).getString("state"));
    }

    @Test
    void listingPagesWithOpaqueCursorsAndRefusesInvalidOnes() throws Exception {
        String prefix = uniqueAlias("rest-page");
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> response = post("/keys", "{\"alias\":\"" + prefix + "-" + i + "\"}", token);
            assertEquals(201, response.statusCode());
            assertEquals("/api/v1/keys/" + json(response).getString("keyId"), response.headers().firstValue("Location").orElse(null));
            created.add(prefix + "-" + i);
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        String lastCursor = null;
        do {
            JsonObject page = json(get("/keys?limit=2&search=" + prefix + (cursor == null ? "" : "&cursor=" + cursor), token));
            assertEquals(5, page.getInt("totalCount"));
            page.getJsonArray("keys").forEach(k -> seen.add(k.asJsonObject().getString("alias")));
            lastCursor = cursor == null ? lastCursor : cursor;
            cursor = page.getString("nextCursor", null);
        } while (cursor != null);
        assertEquals(created.size(), seen.size(), "no key twice: " + seen);
        assertEquals(new java.util.HashSet<>(created), new java.util.HashSet<>(seen), "every key once");
        assertNotNull(lastCursor);

        assertProblem(get("/keys?cursor=" + lastCursor, token), 400, "INVALID_PARAMETER_VALUE"); // other filters
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString("v1:1:0000000000000000".getBytes(StandardCharsets.US_ASCII));
        for (String bad : List.of("garbage!", "AAAA", forged, "", "x".repeat(201))) {
            assertProblem(get("/keys?search=" + prefix + "&cursor=" + bad, token), 400, "INVALID_PARAMETER_VALUE");
        }
        assertProblem(get("/keys?limit=0", token), 400, "INVALID_PARAMETER_VALUE");
        assertProblem(get("/keys?limit=201", token), 400, "INVALID_PARAMETER_VALUE");
        assertProblem(get("/keys?limit=ten", token), 400, "INVALID_PARAMETER");
        assertProblem(get("/keys?limit=1&limit=2", token), 400, "INVALID_PARAMETER");
        assertProblem(get("/keys?offset=2", token), 400, "INVALID_PARAMETER");
        assertProblem(get("/keys?state=Deleted", token), 400, "INVALID_PARAMETER_VALUE");
    }

    @Test
    void dataRoundTripsThroughTheJavaClientToo() throws Exception {
        String alias = uniqueAlias("rest-java");
        assertEquals(201, post("/keys", "{\"alias\":\"" + alias + "\",\"tags\":{\"team\":\"shop\"}}", token).statusCode());
        byte[] secret = "attack at dawn".getBytes(StandardCharsets.UTF_8);
        JsonObject encrypted = json(post("/keys/" + alias + "/encrypt", "{\"plaintext\":\"" + Base64.getEncoder().encodeToString(secret)
                + "\",\"encryptionContext\":{\"b\":\"2\",\"a\":\"1\"}}", token));
        String blob = encrypted.getString("ciphertextBlob");
        JsonObject decrypted = json(post("/decrypt", "{\"ciphertextBlob\":\"" + blob + "\",\"encryptionContext\":{\"a\":\"1\",\"b\":\"2\"}}", token));
        assertArrayEquals(secret, Base64.getDecoder().decode(decrypted.getString("plaintext")), "context order does not matter");
        assertEquals(encrypted.getString("keyId"), decrypted.getString("keyId"));
        assertProblem(post("/decrypt", "{\"ciphertextBlob\":\"" + blob + "\"}", token), 400, "CIPHERTEXT_INVALID");
        JsonObject dataKey = json(post("/keys/" + alias + "/data-keys", "{\"numberOfBytes\":24}", token));
        assertEquals(24, Base64.getDecoder().decode(dataKey.getString("plaintext")).length);
        assertEquals(204, post("/keys/" + alias + "/disable", "", token).statusCode());
        assertProblem(post("/decrypt", "{\"ciphertextBlob\":\"" + blob + "\",\"encryptionContext\":{\"a\":\"1\",\"b\":\"2\"}}", token),
                409, "KEY_DISABLED");
        assertEquals("Disabled", json(get("/keys/" + alias, token)).getString("state"));
    }

    // ---------------------------------------------------------------- the door itself

    @Test
    void unknownPathsAndMethodsAreProblemsAndTheTencentDoorStillAnswersAtTheRoot() throws Exception {
        assertProblem(get("/no-such-thing", token), 404, "UNKNOWN_ACTION");
        HttpResponse<String> wrongMethod = send("DELETE", "/keys", null, null, "Bearer " + token);
        assertProblem(wrongMethod, 405, "UNKNOWN_ACTION");

        HttpResponse<String> tencent = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).header("Content-Type", "application/json")
                .header("X-TC-Action", "DescribeKeys").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, tencent.statusCode(), "Tencent's envelope, always 200");
        assertTrue(json(tencent).getJsonObject("Response").containsKey("Error"), tencent.body());
    }

    @Test
    void theServedOpenApiDocumentIsTheCheckedInOne() throws Exception {
        HttpResponse<byte[]> served = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/openapi.yaml")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, served.statusCode());
        assertArrayEquals(Files.readAllBytes(DOCS.resolve("openapi.yaml")), served.body());
    }

    @Test
    void theVersionNamesThisBuildAndTheDatabaseSchemaForAuthenticatedCallersOnly() throws Exception {
        HttpResponse<String> answer = send("GET", "/version", null, null, "Bearer " + token);
        assertEquals(200, answer.statusCode(), answer.body());
        JsonObject version = json(answer);
        assertEquals(System.getProperty("kms.it.project.version"), version.getString("version"));
        assertTrue(version.getString("commit").matches("[0-9a-f]{40}|unknown"), version.toString());
        assertTrue(java.time.Instant.parse(version.getString("buildTime")).isBefore(java.time.Instant.now()));
        // the newest migration script the EAR carries is the schema the server reports
        String index = Files.readString(DOCS.resolveSibling("kms-ejb/ejb/src/main/resources/db/migration/index.txt"));
        int newest = Pattern.compile("(?m)^V(\\d+)__").matcher(index).results()
                .mapToInt(m -> Integer.parseInt(m.group(1))).max().orElseThrow();
        assertEquals(newest, version.getInt("schemaVersion"));

        assertProblem(send("GET", "/version", null, null, null), 401, "AUTH_MALFORMED");
    }

    // ---------------------------------------------------------------- helpers

    static void assertProblem(HttpResponse<String> response, int status, String code) {
        String where = response.request().method() + " " + response.request().uri() + " -> " + response.statusCode() + " " + response.body();
        assertEquals(status, response.statusCode(), where);
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse("").split(";")[0], where);
        JsonObject problem = json(response);
        assertEquals(code, problem.getString("code"), where);
        assertEquals(status, problem.getInt("status"), where);
        assertTrue(problem.getString("type").startsWith("urn:selfkms:problem:"), where);
        assertFalse(problem.getString("title").isEmpty(), where);
        assertFalse(response.body().contains("Exception") || response.body().contains("\tat "), "no stack trace: " + where);
        assertEquals(response.headers().firstValue("X-Request-Id").orElse(null), problem.getString("requestId"), where);
    }

    static String token(String secretId, String secretKey) throws Exception {
        HttpResponse<String> response = send("POST", "/tokens", null, null, "Basic " + basic(secretId, secretKey));
        assertEquals(201, response.statusCode(), response.body());
        return json(response).getString("token");
    }

    private static String basic(String secretId, String secretKey) {
        return Base64.getEncoder().encodeToString((secretId + ":" + secretKey).getBytes(StandardCharsets.UTF_8));
    }

    static HttpResponse<String> get(String path, String bearer) throws Exception {
        return send("GET", path, null, null, "Bearer " + bearer);
    }

    static HttpResponse<String> post(String path, String body, String bearer) throws Exception {
        return send("POST", path, body.getBytes(StandardCharsets.UTF_8), "application/json", "Bearer " + bearer);
    }

    static HttpResponse<String> send(String method, String path, byte[] body, String contentType, String authorization)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1" + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonObject json(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).readObject();
    }
}
