package org.selfkms.client;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;

/**
 * A caller's session with the REST API v1 (docs/rest-api.md): the server's address and a bearer token. Made from
 * a credential, it exchanges the credential for a token ({@code POST /api/v1/tokens}) and again whenever the
 * token has expired or is refused (a restarted server forgets its tokens); made from a token alone (what kmsctl
 * caches), it never sees the credential and a refused token is the caller's to renew.
 *
 * <p>{@link #call} is the one place that sends a request and turns an error answer (an RFC 9457 problem document)
 * into a {@link KmsRequestException}. Thread-safe.
 */
public final class RestV1Session {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    /** A token is renewed this long before its expiry, so that a request never races it. */
    private static final Duration RENEW_BEFORE = Duration.ofSeconds(30);

    private final URI server;
    private final HttpClient http;
    private final Credential credential;
    private Token token;

    private RestV1Session(URI server, HttpClient http, Credential credential, Token token) {
        this.server = withoutTrailingSlash(server);
        this.http = Objects.requireNonNull(http);
        this.credential = credential;
        this.token = token;
    }

    /** A session that logs in with the credential now and again whenever its token runs out. */
    public static RestV1Session login(URI server, Credential credential, HttpClient http) {
        RestV1Session session = new RestV1Session(server, http, Objects.requireNonNull(credential), null);
        session.renewToken();
        return session;
    }

    public static RestV1Session login(URI server, Credential credential) {
        return login(server, credential, defaultHttpClient());
    }

    /** A session on a token obtained earlier; when the server refuses it, calls fail with an authentication error. */
    public static RestV1Session withToken(URI server, String token, HttpClient http) {
        return new RestV1Session(server, http, null, new Token(token, Instant.MAX));
    }

    public static HttpClient defaultHttpClient() {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    public URI server() {
        return server;
    }

    /** The current bearer token (for a caller that keeps it, such as kmsctl's login). */
    public synchronized String token() {
        return token.value();
    }

    /** When the current token expires ({@link Instant#MAX} when the session was made from a bare token). */
    public synchronized Instant tokenExpiry() {
        return token.expiry();
    }

    /** A GET; the answer's JSON object, or an empty object for 204. */
    public JsonObject get(String path) {
        return call("GET", path, null);
    }

    public JsonObject post(String path, JsonObject body) {
        return call("POST", path, body);
    }

    /**
     * Sends one request under {@code /api/v1} ({@code path} starts with a slash; encode its parameters with
     * {@link #segment}) and answers the JSON object of a 2xx answer (empty for 204). A refused token is renewed
     * once when the session holds the credential.
     */
    public JsonObject call(String method, String path, JsonObject body) {
        String bearer = currentToken();
        HttpResponse<String> answer = send(method, path, body, bearer);
        if (answer.statusCode() == 401 && credential != null) {
            synchronized (this) {
                if (token.value().equals(bearer)) {
                    renewToken();
                }
            }
            answer = send(method, path, body, currentToken());
        }
        return json(answer);
    }

    /** One path segment, percent-encoded (a key alias or a tag key may hold characters a path cannot). */
    public static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** A query parameter's value, percent-encoded. */
    public static String query(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private synchronized String currentToken() {
        if (credential != null && Instant.now().isAfter(token.expiry().minus(RENEW_BEFORE))) {
            renewToken();
        }
        return token.value();
    }

    private synchronized void renewToken() {
        String basic = Base64.getEncoder().encodeToString(
                (credential.secretId() + ":" + credential.secretKey()).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(server.resolve("/api/v1/tokens"))
                .timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Basic " + basic)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build();
        JsonObject issued = json(exchange(request));
        Instant expiry = Instant.now().plusSeconds(issued.getJsonNumber("expiresIn").longValue());
        token = new Token(issued.getString("token"), expiry);
    }

    private HttpResponse<String> send(String method, String path, JsonObject body, String bearer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.resolve("/api/v1" + path))
                .timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Bearer " + bearer)
                .header("Accept", "application/json");
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
        }
        return exchange(request.build());
    }

    private HttpResponse<String> exchange(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new KmsUnavailableException("The KMS at " + server + " did not answer: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KmsUnavailableException("Interrupted while waiting for the KMS at " + server, e);
        }
    }

    private JsonObject json(HttpResponse<String> answer) {
        String requestId = answer.headers().firstValue("X-Request-Id").orElse(null);
        if (answer.statusCode() == 204 || (answer.statusCode() / 100 == 2 && answer.body().isEmpty())) {
            return JsonObject.EMPTY_JSON_OBJECT;
        }
        JsonObject json;
        try (var reader = Json.createReader(new StringReader(answer.body()))) {
            JsonStructure structure = reader.read();
            if (!(structure instanceof JsonObject object)) {
                throw new JsonException("not an object");
            }
            json = object;
        } catch (JsonException e) {
            throw new KmsUnavailableException("The server at " + server + " answered HTTP " + answer.statusCode()
                    + " with something that is not the KMS's JSON", e);
        }
        if (answer.statusCode() / 100 != 2) {
            throw new KmsRequestException(answer.statusCode(), json.getString("code", "HTTP_" + answer.statusCode()),
                    json.getString("detail", json.getString("title", "")), json.getString("requestId", requestId));
        }
        return json;
    }

    private static URI withoutTrailingSlash(URI server) {
        String text = server.toString();
        return text.endsWith("/") ? URI.create(text.substring(0, text.length() - 1)) : server;
    }

    private record Token(String value, Instant expiry) {
        @Override
        public String toString() {
            return "Token[expires " + expiry + "]";
        }
    }
}
