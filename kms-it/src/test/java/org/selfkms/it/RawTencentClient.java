package org.selfkms.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/**
 * Requests the SDK would never send (stale timestamps, broken JSON, other methods), signed the way the SDK
 * signs, to prove the server answers them in Tencent's envelope. The signing here is an independent
 * implementation written from the API reference.
 */
final class RawTencentClient {

    record Answer(int status, String contentType, JsonObject response, String body) {
        String errorCode() {
            return response.containsKey("Error") ? response.getJsonObject("Error").getString("Code") : null;
        }
    }

    private final HttpClient http = HttpClient.newHttpClient();
    private final String host;
    private final String secretId;
    private final String secretKey;

    RawTencentClient(String host, String secretId, String secretKey) {
        this.host = host;
        this.secretId = secretId;
        this.secretKey = secretKey;
    }

    Answer post(String action, String body, long timestamp) throws Exception {
        return send(HttpRequest.newBuilder(URI.create("http://" + host + "/"))
                .header("Content-Type", "application/json; charset=utf-8")
                .header("Authorization", authorization(body, timestamp))
                .header("X-TC-Action", action)
                .header("X-TC-Version", "2019-01-18")
                .header("X-TC-Timestamp", Long.toString(timestamp))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build());
    }

    /**
     * Signs {@code x-tc-action} as well, the way Tencent's signing guide does (the value lower-cased), with
     * {@code signedAction} as the signed value and {@code action} as the header sent.
     */
    Answer postSigningAction(String action, String signedAction, String body, long timestamp) throws Exception {
        String date = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC).format(Instant.ofEpochSecond(timestamp));
        String service = host.split("\\.")[0];
        String canonical = "POST\n/\n\ncontent-type:application/json; charset=utf-8\nhost:" + host + "\nx-tc-action:"
                + signedAction.toLowerCase(java.util.Locale.ROOT) + "\n\ncontent-type;host;x-tc-action\n" + sha256(body);
        String scope = date + "/" + service + "/tc3_request";
        String toSign = "TC3-HMAC-SHA256\n" + timestamp + "\n" + scope + "\n" + sha256(canonical);
        byte[] key = hmac(hmac(hmac(("TC3" + secretKey).getBytes(StandardCharsets.UTF_8), date), service), "tc3_request");
        String authorization = "TC3-HMAC-SHA256 Credential=" + secretId + "/" + scope
                + ", SignedHeaders=content-type;host;x-tc-action, Signature=" + HexFormat.of().formatHex(hmac(key, toSign));
        return send(HttpRequest.newBuilder(URI.create("http://" + host + "/"))
                .header("Content-Type", "application/json; charset=utf-8")
                .header("Authorization", authorization)
                .header("X-TC-Action", action)
                .header("X-TC-Version", "2019-01-18")
                .header("X-TC-Timestamp", Long.toString(timestamp))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build());
    }

    Answer send(HttpRequest request) throws Exception {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        JsonObject json = null;
        try {
            json = Json.createReader(new StringReader(response.body())).readObject().getJsonObject("Response");
        } catch (RuntimeException notJson) {
            // left null: the assertions will say so
        }
        return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), json, response.body());
    }

    String authorization(String body, long timestamp) throws Exception {
        String date = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC).format(Instant.ofEpochSecond(timestamp));
        String service = host.split("\\.")[0];
        String canonical = "POST\n/\n\ncontent-type:application/json; charset=utf-8\nhost:" + host + "\n\ncontent-type;host\n" + sha256(body);
        String scope = date + "/" + service + "/tc3_request";
        String toSign = "TC3-HMAC-SHA256\n" + timestamp + "\n" + scope + "\n" + sha256(canonical);
        byte[] key = hmac(("TC3" + secretKey).getBytes(StandardCharsets.UTF_8), date);
        key = hmac(key, service);
        key = hmac(key, "tc3_request");
        String signature = HexFormat.of().formatHex(hmac(key, toSign));
        return "TC3-HMAC-SHA256 Credential=" + secretId + "/" + scope + ", SignedHeaders=content-type;host, Signature=" + signature;
    }

    private static String sha256(String s) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] hmac(byte[] key, String message) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
    }
}
