package org.selfkms.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.TreeMap;

/** The test server's MicroProfile Health endpoints on the management interface (docs/observability.md, "Health"). */
final class ServerHealth {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** One answer: its HTTP status, overall status and each check's status by name. */
    record Answer(int httpStatus, String status, Map<String, String> checks, String body) {
    }

    private ServerHealth() {
    }

    /** @param path {@code /health/ready}, {@code /health/live} or {@code /health} */
    static Answer get(String path) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + DeployedKms.managementPort() + path)).build(), HttpResponse.BodyHandlers.ofString());
        JsonObject body = Json.createReader(new StringReader(response.body())).readObject();
        Map<String, String> checks = new TreeMap<>();
        body.getJsonArray("checks").forEach(check -> checks.put(check.asJsonObject().getString("name"),
                check.asJsonObject().getString("status")));
        return new Answer(response.statusCode(), body.getString("status"), checks, response.body());
    }
}
