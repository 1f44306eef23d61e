package org.selfkms.client;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;

/**
 * {@link Kms} over the Tencent Cloud KMS compatible door (API 2019-01-18, docs/api.md): each request signed with
 * TC3-HMAC-SHA256 under the credential, as Tencent's SDKs sign, so the SecretKey never crosses the wire. For
 * applications that already hold Tencent-style credentials and talk to the server's root path.
 */
public final class TencentKms implements Kms {

    private static final String VERSION = "2019-01-18";
    private static final String CONTENT_TYPE = "application/json; charset=utf-8";
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final URI endpoint;
    private final String region;
    private final Credential credential;
    private final HttpClient http;

    /**
     * @param endpoint the server's address ({@code https://kms.example.com}); requests go to its root path
     * @param region   sent as X-TC-Region; null sends none (the server then accepts any of the regions it serves)
     */
    public TencentKms(URI endpoint, String region, Credential credential, HttpClient http) {
        this.endpoint = endpoint.resolve("/");
        this.region = region;
        this.credential = Objects.requireNonNull(credential);
        this.http = Objects.requireNonNull(http);
    }

    public TencentKms(URI endpoint, String region, Credential credential) {
        this(endpoint, region, credential, RestV1Session.defaultHttpClient());
    }

    @Override
    public DataKey generateDataKey(String keyRef, int numberOfBytes, EncryptionContext context) {
        JsonObject answer = call("GenerateDataKey", withContext(Json.createObjectBuilder()
                .add("KeyId", keyRef).add("NumberOfBytes", numberOfBytes), context));
        return new DataKey(answer.getString("KeyId"), Base64.getDecoder().decode(answer.getString("Plaintext")),
                Base64.getDecoder().decode(answer.getString("CiphertextBlob")));
    }

    @Override
    public Ciphertext encrypt(String keyRef, byte[] plaintext, EncryptionContext context) {
        JsonObject answer = call("Encrypt", withContext(Json.createObjectBuilder()
                .add("KeyId", keyRef).add("Plaintext", Base64.getEncoder().encodeToString(plaintext)), context));
        return new Ciphertext(answer.getString("KeyId"), Base64.getDecoder().decode(answer.getString("CiphertextBlob")));
    }

    @Override
    public Plaintext decrypt(byte[] ciphertextBlob, EncryptionContext context) {
        JsonObject answer = call("Decrypt", withContext(Json.createObjectBuilder()
                .add("CiphertextBlob", Base64.getEncoder().encodeToString(ciphertextBlob)), context));
        return new Plaintext(answer.getString("KeyId"), Base64.getDecoder().decode(answer.getString("Plaintext")));
    }

    /** The Tencent API carries the context as a JSON string inside the JSON body. */
    private static JsonObject withContext(JsonObjectBuilder body, EncryptionContext context) {
        if (!context.isEmpty()) {
            body.add("EncryptionContext", context.toJson().toString());
        }
        return body.build();
    }

    private JsonObject call(String action, JsonObject request) {
        String body = request.toString();
        long timestamp = Instant.now().getEpochSecond();
        HttpRequest.Builder builder = HttpRequest.newBuilder(endpoint)
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", CONTENT_TYPE)
                .header("Authorization", authorization(body, timestamp))
                .header("X-TC-Action", action)
                .header("X-TC-Version", VERSION)
                .header("X-TC-Timestamp", Long.toString(timestamp))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (region != null) {
            builder.header("X-TC-Region", region);
        }
        HttpResponse<String> answer;
        try {
            answer = http.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new KmsUnavailableException("The KMS at " + endpoint + " did not answer: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KmsUnavailableException("Interrupted while waiting for the KMS at " + endpoint, e);
        }
        JsonObject response;
        try (var reader = Json.createReader(new StringReader(answer.body()))) {
            response = reader.readObject().getJsonObject("Response");
        } catch (JsonException | ClassCastException e) {
            response = null;
        }
        if (response == null) {
            throw new KmsUnavailableException("The server at " + endpoint + " answered HTTP " + answer.statusCode()
                    + " with something that is not the Tencent API's JSON", null);
        }
        if (response.containsKey("Error")) {
            JsonObject error = response.getJsonObject("Error");
            throw new KmsRequestException(answer.statusCode(), error.getString("Code", "InternalError"),
                    error.getString("Message", ""), response.getString("RequestId", null));
        }
        return response;
    }

    /** TC3-HMAC-SHA256 over content-type and host (docs/api.md, "Signing"). */
    private String authorization(String body, long timestamp) {
        String host = endpoint.getPort() < 0 ? endpoint.getHost() : endpoint.getHost() + ":" + endpoint.getPort();
        String date = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC).format(Instant.ofEpochSecond(timestamp));
        String service = "kms";
        String canonical = "POST\n/\n\ncontent-type:" + CONTENT_TYPE + "\nhost:" + host + "\n\ncontent-type;host\n" + sha256(body);
        String scope = date + "/" + service + "/tc3_request";
        String toSign = "TC3-HMAC-SHA256\n" + timestamp + "\n" + scope + "\n" + sha256(canonical);
        byte[] key = hmac(("TC3" + credential.secretKey()).getBytes(StandardCharsets.UTF_8), date);
        key = hmac(key, service);
        key = hmac(key, "tc3_request");
        return "TC3-HMAC-SHA256 Credential=" + credential.secretId() + "/" + scope
                + ", SignedHeaders=content-type;host, Signature=" + HexFormat.of().formatHex(hmac(key, toSign));
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static byte[] hmac(byte[] key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
