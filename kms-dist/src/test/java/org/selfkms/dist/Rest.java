package org.selfkms.dist;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The few REST v1 calls an operator makes around a backup (docs/backup.md): token, version, audit verification. */
final class Rest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Rest() {
    }

    static String token(Installation installation, String secretId, String secretKey) throws Exception {
        String basic = Base64.getEncoder().encodeToString((secretId + ":" + secretKey).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> issued = send(request(installation, "/tokens").header("Authorization", "Basic " + basic)
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertEquals(201, issued.statusCode(), issued.body());
        return parse(issued.body()).getString("token");
    }

    static JsonObject get(Installation installation, String bearer, String path) throws Exception {
        return parse(getText(installation, bearer, path));
    }

    static String getText(Installation installation, String bearer, String path) throws Exception {
        HttpResponse<String> answer = send(request(installation, path).header("Authorization", "Bearer " + bearer).GET());
        assertEquals(200, answer.statusCode(), path + ": " + answer.body());
        return answer.body();
    }

    static JsonObject post(Installation installation, String bearer, String path, String json) throws Exception {
        HttpResponse<String> answer = send(request(installation, path).header("Authorization", "Bearer " + bearer)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
        assertEquals(200, answer.statusCode(), path + ": " + answer.body());
        return parse(answer.body());
    }

    private static HttpRequest.Builder request(Installation installation, String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + installation.httpPort() + "/api/v1" + path))
                .timeout(Duration.ofSeconds(60));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonObject parse(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }
}
