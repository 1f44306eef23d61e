package org.selfkms.it;

import com.tencentcloudapi.kms.v20190118.models.CreateKeyRequest;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Requests an attacker sends to make the server log or fail, each first seen to work against the server (an HTML
 * page or an InternalError, and kilobytes of stack trace in server.log per request): unreadable media-type and
 * language headers, paths and queries whose %-escapes cannot be decoded, a malformed cookie, JSON nested thousands of levels deep, a member given twice; and OPTIONS,
 * which the JAX-RS runtime answered itself, unaudited. Each must get a clean refusal in the door's own format, leave
 * its audit record like any refused request, and add no stack trace to the log.
 */
class HostileRequestsIT extends DeployedKms {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** Header values the container's own parsers fail on (before the application, without the filter in front). */
    private static final List<Map.Entry<String, String>> UNREADABLE = List.of(
            Map.entry("Accept", "*/*;q=x"),
            Map.entry("Content-Type", ";;;=="),
            Map.entry("Accept-Language", "*;q=x"));

    @Deployment(name = "sql", order = 2, testable = false)
    public static WebArchive sqlAccess() {
        return ServerSql.archive();
    }

    @Test
    void unreadableHeadersAreRefusedInEachDoorsFormatAuditedAndNotLogged() throws Exception {
        ServerProcess.LogPosition logBefore = ServerProcess.logPosition();
        for (Map.Entry<String, String> header : UNREADABLE) {
            String name = header.getKey();
            HttpResponse<String> tencent = post("/", header, "X-TC-Action", "Encrypt");
            assertEquals(200, tencent.statusCode(), name + ": " + tencent.body());
            assertTrue(tencent.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), name);
            JsonObject answer = json(tencent.body()).getJsonObject("Response");
            assertEquals("InvalidRequest", answer.getJsonObject("Error").getString("Code"), name + ": " + tencent.body());
            assertTrue(answer.getJsonObject("Error").getString("Message").startsWith("The " + name + " header"), tencent.body());
            assertAudited(answer.getString("RequestId"), "tencent");

            HttpResponse<String> rest = post("/api/v1/keys", header);
            assertEquals(400, rest.statusCode(), name + ": " + rest.body());
            assertEquals("application/problem+json", rest.headers().firstValue("Content-Type").orElse(""), name);
            JsonObject problem = json(rest.body());
            assertEquals("MALFORMED_REQUEST", problem.getString("code"), rest.body());
            assertTrue(problem.getString("detail").startsWith("The " + name + " header"), rest.body());
            assertAudited(problem.getString("requestId"), "rest");
        }

        // A cookie the container cannot parse: the doors never read cookies, the console turns it away unlogged.
        Map.Entry<String, String> cookie = Map.entry("Cookie", "$Version=x; a=b");
        HttpResponse<String> tencent = post("/", cookie, "X-TC-Action", "Encrypt");
        assertEquals("AuthFailure.InvalidAuthorization", json(tencent.body()).getJsonObject("Response").getJsonObject("Error").getString("Code"),
                "the request goes on to the signature check: " + tencent.body());
        HttpResponse<String> rest = post("/api/v1/keys", cookie);
        assertEquals("AUTH_MALFORMED", json(rest.body()).getString("code"), rest.body());
        HttpResponse<String> console = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/console/"))
                .header("Cookie", "$Version=x; a=b").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(400, console.statusCode(), console.body());

        assertNoStackTraceLoggedSince(logBefore);
    }

    @Test
    void pathsAndQueriesThatCannotBeDecodedAreRefusedInEachDoorsFormatAndAudited() throws Exception {
        ServerProcess.LogPosition logBefore = ServerProcess.logPosition();
        for (String target : List.of("/api/v1/keys/%zz", "/api/v1/keys?tagKey=%zz", "/api/v1/keys?cursor=%C3%28")) {
            RawAnswer rest = rawRequest("GET " + target);
            assertEquals(400, rest.status(), target + ": " + rest.body());
            JsonObject problem = json(rest.body());
            assertEquals("MALFORMED_REQUEST", problem.getString("code"), rest.body());
            assertTrue(problem.getString("detail").contains("not UTF-8 in %-encoding"), rest.body());
            assertAudited(problem.getString("requestId"), "rest");
        }
        for (String target : List.of("/%zz", "/?a=%zz")) {
            RawAnswer tencent = rawRequest("POST " + target, "X-TC-Action: Encrypt", "Content-Type: application/json");
            assertEquals(200, tencent.status(), target + ": " + tencent.body());
            JsonObject answer = json(tencent.body()).getJsonObject("Response");
            assertEquals("InvalidRequest", answer.getJsonObject("Error").getString("Code"), tencent.body());
            assertAudited(answer.getString("RequestId"), "tencent");
        }
        assertEquals(200, rawRequest("GET /console/?a=%zz").status(), "the console leaves an unreadable query unread");
        assertNoStackTraceLoggedSince(logBefore);
    }

    @Test
    void deepOrDuplicatedJsonIsAnInvalidParameterAndNotLogged() throws Exception {
        ServerProcess.LogPosition logBefore = ServerProcess.logPosition();
        RawTencentClient raw = new RawTencentClient("127.0.0.1:" + httpPort(), secretId(), secretKey());
        long now = Instant.now().getEpochSecond();

        RawTencentClient.Answer deep = raw.post("Encrypt", "{\"a\":".repeat(3000) + "1" + "}".repeat(3000), now);
        assertEquals("InvalidParameter", deep.errorCode(), deep.body());
        assertTrue(deep.body().contains("nested too deeply"), deep.body());
        assertAudited(deep.response().getString("RequestId"), "tencent");

        RawTencentClient.Answer deepArrays = raw.post("Encrypt", "{\"a\":" + "[".repeat(3000) + "]".repeat(3000) + "}", now);
        assertEquals("InvalidParameter", deepArrays.errorCode(), deepArrays.body());

        RawTencentClient.Answer twice = raw.post("Encrypt", "{\"KeyId\":\"a\",\"KeyId\":\"b\",\"Plaintext\":\"eA==\"}", now);
        assertEquals("InvalidParameter", twice.errorCode(), twice.body());
        assertTrue(twice.body().contains("'KeyId' twice"), twice.body());

        // an encryption context with a key twice: which value would be bound? Refused, not "the last one wins"
        String keyId = kms().CreateKey(createKey()).getKeyId();
        RawTencentClient.Answer context = raw.post("Encrypt", Json.createObjectBuilder().add("KeyId", keyId).add("Plaintext", "eA==")
                .add("EncryptionContext", "{\"dept\":\"a\",\"dept\":\"b\"}").build().toString(), now);
        assertTrue(context.errorCode() != null && context.errorCode().startsWith("InvalidParameter"), context.body());
        assertTrue(context.body().contains("'dept' twice"), context.body());

        assertNoStackTraceLoggedSince(logBefore);
    }

    @Test
    void optionsIsRefusedInEachDoorsFormatAndAudited() throws Exception {
        ServerProcess.LogPosition logBefore = ServerProcess.logPosition();
        HttpResponse<String> rest = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/keys"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(405, rest.statusCode(), rest.body());
        assertEquals("application/problem+json", rest.headers().firstValue("Content-Type").orElse(""));
        JsonObject problem = json(rest.body());
        assertEquals("UNKNOWN_ACTION", problem.getString("code"), rest.body());
        assertAudited(problem.getString("requestId"), "rest");

        HttpResponse<String> tencent = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("X-TC-Action", "Encrypt").build(),
                HttpResponse.BodyHandlers.ofString());
        JsonObject answer = json(tencent.body()).getJsonObject("Response");
        assertEquals("UnsupportedProtocol", answer.getJsonObject("Error").getString("Code"), tencent.body());
        assertAudited(answer.getString("RequestId"), "tencent");
        assertNoStackTraceLoggedSince(logBefore);
    }

    @Test
    void answersKeepFramesSniffersAndCachesOut() throws Exception {
        for (HttpResponse<String> answer : List.of(post("/", Map.entry("X-TC-Action", "GetRegions")),
                post("/api/v1/keys", Map.entry("Accept", "application/json")))) {
            assertEquals("no-store", answer.headers().firstValue("Cache-Control").orElse(null), answer.uri().toString());
            assertEquals("nosniff", answer.headers().firstValue("X-Content-Type-Options").orElse(null));
            assertEquals("DENY", answer.headers().firstValue("X-Frame-Options").orElse(null));
            assertEquals("frame-ancestors 'none'", answer.headers().firstValue("Content-Security-Policy").orElse(null));
        }
        HttpResponse<String> console = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/console/")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals("DENY", console.headers().firstValue("X-Frame-Options").orElse(null));
        assertTrue(console.headers().allValues("Set-Cookie").stream().anyMatch(cookie -> cookie.startsWith("JSESSIONID=")
                && cookie.contains("SameSite=Strict")), console.headers().toString());
    }

    private static CreateKeyRequest createKey() {
        CreateKeyRequest create = new CreateKeyRequest();
        create.setAlias(uniqueAlias("hostile"));
        return create;
    }

    private static HttpResponse<String> post(String path, Map.Entry<String, String> header, String... more) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .POST(HttpRequest.BodyPublishers.ofString("{}"));
        if (!header.getKey().equals("Content-Type")) {
            request.header("Content-Type", "application/json");
        }
        request.header(header.getKey(), header.getValue());
        for (int i = 0; i < more.length; i += 2) {
            request.header(more[i], more[i + 1]);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private record RawAnswer(int status, String body) {
    }

    /**
     * A Tencent-door body over the door's limit (1 MiB) is refused with Tencent's RequestSizeLimitExceeded, which the
     * SDK reads as any other error; a body declared larger than the door's limit is refused unread, the same way, and
     * audited (up to the platform's own limit, 10 MB: docs/security.md, "Hostile requests").
     */
    @Test
    void oversizedBodiesGetTencentsSizeErrorAndAreAudited() throws Exception {
        com.tencentcloudapi.kms.v20190118.models.EncryptRequest huge = new com.tencentcloudapi.kms.v20190118.models.EncryptRequest();
        huge.setKeyId("alias/nothing-needed");
        huge.setPlaintext("A".repeat(1024 * 1024 + 4));
        com.tencentcloudapi.common.exception.TencentCloudSDKException refused = org.junit.jupiter.api.Assertions.assertThrows(
                com.tencentcloudapi.common.exception.TencentCloudSDKException.class, () -> kms().Encrypt(huge));
        assertEquals("RequestSizeLimitExceeded", refused.getErrorCode(), refused.getMessage());
        assertAudited(refused.getRequestId(), "tencent");

        try (Socket socket = new Socket("127.0.0.1", httpPort())) {
            socket.setSoTimeout(15_000);
            String head = "POST / HTTP/1.1\r\nHost: 127.0.0.1:" + httpPort() + "\r\nConnection: close\r\nX-TC-Action: Encrypt\r\n"
                    + "Content-Type: application/json\r\nContent-Length: 5000000\r\n\r\n{\"KeyId\":";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.ISO_8859_1));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(answer.startsWith("HTTP/1.1 200"), answer);
            JsonObject error = json(answer.substring(answer.indexOf("\r\n\r\n") + 4).strip()).getJsonObject("Response");
            assertEquals("RequestSizeLimitExceeded", error.getJsonObject("Error").getString("Code"), answer);
            assertAudited(error.getString("RequestId"), "tencent");
        }
    }

    /**
     * One request written on a socket as given: {@link HttpClient} refuses to send a URI with a broken %-escape. The
     * request line is {@code "METHOD target"}; the body is {@code {}}.
     */
    private static RawAnswer rawRequest(String requestLine, String... headers) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", httpPort())) {
            socket.setSoTimeout(15_000);
            StringBuilder request = new StringBuilder(requestLine).append(" HTTP/1.1\r\nHost: 127.0.0.1:").append(httpPort())
                    .append("\r\nConnection: close\r\nContent-Length: 2\r\n");
            for (String header : headers) {
                request.append(header).append("\r\n");
            }
            socket.getOutputStream().write(request.append("\r\n{}").toString().getBytes(StandardCharsets.ISO_8859_1));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int status = Integer.parseInt(answer.substring(9, 12));
            int headEnd = answer.indexOf("\r\n\r\n");
            String body = answer.substring(headEnd + 4);
            if (answer.substring(0, headEnd).toLowerCase(Locale.ROOT).contains("transfer-encoding: chunked")) {
                StringBuilder content = new StringBuilder();
                for (int at = 0, size; (size = Integer.parseInt(body.substring(at, body.indexOf("\r\n", at)).strip(), 16)) > 0; ) {
                    at = body.indexOf("\r\n", at) + 2;
                    content.append(body, at, at + size);
                    at += size + 2;
                }
                body = content.toString();
            }
            return new RawAnswer(status, body);
        }
    }

    private static JsonObject json(String body) {
        return Json.createReader(new StringReader(body)).readObject();
    }

    /** One DENIED record of the door with that request id (journalled records reach the table within a second or so). */
    private static void assertAudited(String requestId, String door) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        String rows;
        do {
            rows = ServerSql.run("SELECT door, outcome, error_code FROM kms_audit_record WHERE request_id = '" + requestId + "'").strip();
            if (!rows.isEmpty()) {
                break;
            }
            Thread.sleep(200);
        } while (Instant.now().isBefore(deadline));
        assertEquals(door + "\tDENIED\t", rows.substring(0, Math.min(rows.length(), door.length() + 8)), "the record of " + requestId + ": " + rows);
        assertEquals(1, rows.lines().count(), rows);
    }

    private static void assertNoStackTraceLoggedSince(ServerProcess.LogPosition offset) throws Exception {
        String logged = ServerProcess.logSince(offset);
        String traces = logged.lines().filter(line -> line.startsWith("\tat ") || line.contains("Exception"))
                .limit(10).collect(Collectors.joining("\n"));
        assertTrue(traces.isEmpty(), "stack traces in server.log:\n" + traces);
    }
}
