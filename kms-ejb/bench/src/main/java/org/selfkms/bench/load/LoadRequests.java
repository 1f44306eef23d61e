package org.selfkms.bench.load;

import com.tencentcloudapi.common.Credential;
import com.tencentcloudapi.common.exception.TencentCloudSDKException;
import com.tencentcloudapi.common.profile.ClientProfile;
import com.tencentcloudapi.common.profile.HttpProfile;
import com.tencentcloudapi.kms.v20190118.KmsClient;
import com.tencentcloudapi.kms.v20190118.models.CreateKeyRequest;
import com.tencentcloudapi.kms.v20190118.models.DescribeKeyRequest;
import com.tencentcloudapi.kms.v20190118.models.EncryptRequest;
import org.selfkms.identity.Tc3Signature;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the requests of one load-benchmark scenario as a Lua table for {@code load.lua} (wrk), signed just now
 * so that wrk can replay them within the server's 5-minute signature window, and checks that the server
 * answers the first of them without an error (a benchmark of refusals would measure the wrong thing).
 *
 * <p>Arguments: endpoint (host:port), SecretId, scenario, output file. The SecretKey comes from the environment
 * variable {@code KMS_BENCH_SECRET_KEY}. The keys it needs (aliases {@code bench-aes}, {@code bench-ecc}) are
 * created on first use, at the server's default protection level.
 *
 * <p>Scenarios: {@code noop} (the floor: the Encrypt request, sent to the no-op endpoint), {@code encrypt},
 * {@code decrypt}, {@code generate-data-key}, {@code re-encrypt}, {@code sign} through the Tencent door, and
 * {@code rest-encrypt}, {@code rest-decrypt} through {@code /api/v1} with a bearer token. Plaintexts are 64 bytes.
 * {@code action:<Name>} sends any other Tencent action with an empty body (to take a request's cost apart).
 */
public final class LoadRequests {

    /** Distinct requests per scenario: enough that no cache of the server sees one request only. */
    static final int DISTINCT = 64;
    static final String NOOP_PATH = "/noop/";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
    private static final SecureRandom RANDOM = new SecureRandom();

    record SignedRequest(String path, Map<String, String> headers, String body) {
    }

    private final String endpoint;
    private final String secretId;
    private final String secretKey;
    private final KmsClient kms;
    private final HttpClient http = HttpClient.newHttpClient();

    private LoadRequests(String endpoint, String secretId, String secretKey) {
        this.endpoint = endpoint;
        this.secretId = secretId;
        this.secretKey = secretKey;
        HttpProfile profile = new HttpProfile();
        profile.setEndpoint(endpoint);
        profile.setProtocol("http://");
        ClientProfile client = new ClientProfile();
        client.setHttpProfile(profile);
        this.kms = new KmsClient(new Credential(secretId, secretKey), "ap-guangzhou", client);
    }

    public static void main(String[] args) throws Exception {
        String secretKey = System.getenv("KMS_BENCH_SECRET_KEY");
        if (secretKey == null) {
            throw new IllegalArgumentException("KMS_BENCH_SECRET_KEY is not set");
        }
        if (args.length == 5 && args[0].equals("--sign-only") && args[3].equals("probe")) {
            // before the server runs: one signed ListKeys as a curl configuration, to time the server's start
            LoadRequests load = new LoadRequests(args[1], args[2], secretKey);
            Files.writeString(Path.of(args[4] + ".curl"), load.curlConfig(load.tencent("ListKeys", "{}")), StandardCharsets.UTF_8);
            return;
        }
        if (args.length != 4) {
            throw new IllegalArgumentException("usage: LoadRequests <host:port> <secret-id> <scenario> <out.lua>\n"
                    + "       LoadRequests --sign-only <host:port> <secret-id> probe <out>");
        }
        LoadRequests load = new LoadRequests(args[0], args[1], secretKey);
        List<SignedRequest> requests = load.scenario(args[2]);
        load.check(args[2], requests.get(0));
        Files.writeString(Path.of(args[3]), lua(requests), StandardCharsets.UTF_8);
    }

    List<SignedRequest> scenario(String name) throws Exception {
        List<SignedRequest> requests = new ArrayList<>(DISTINCT);
        switch (name) {
            case "noop" -> {
                String key = key("bench-aes", "ENCRYPT_DECRYPT");
                for (int i = 0; i < DISTINCT; i++) {
                    SignedRequest encrypt = tencent("Encrypt", encryptBody(key));
                    requests.add(new SignedRequest(NOOP_PATH, encrypt.headers(), encrypt.body()));
                }
            }
            case "encrypt" -> {
                String key = key("bench-aes", "ENCRYPT_DECRYPT");
                for (int i = 0; i < DISTINCT; i++) {
                    requests.add(tencent("Encrypt", encryptBody(key)));
                }
            }
            case "decrypt" -> {
                for (String blob : ciphertexts()) {
                    requests.add(tencent("Decrypt", "{\"CiphertextBlob\":\"" + blob + "\"}"));
                }
            }
            case "generate-data-key" -> {
                String key = key("bench-aes", "ENCRYPT_DECRYPT");
                for (int i = 0; i < DISTINCT; i++) {
                    requests.add(tencent("GenerateDataKey", "{\"KeyId\":\"" + key + "\",\"KeySpec\":\"AES_256\"}"));
                }
            }
            case "re-encrypt" -> {
                for (String blob : ciphertexts()) {
                    requests.add(tencent("ReEncrypt", "{\"CiphertextBlob\":\"" + blob + "\"}"));
                }
            }
            case "sign" -> {
                String key = key("bench-ecc", "ASYMMETRIC_SIGN_VERIFY_ECC");
                for (int i = 0; i < DISTINCT; i++) {
                    requests.add(tencent("SignByAsymmetricKey", "{\"KeyId\":\"" + key + "\",\"Algorithm\":\"ECC_P256_R1\","
                            + "\"MessageType\":\"RAW\",\"Message\":\"" + randomBase64(64) + "\"}"));
                }
            }
            case "rest-encrypt" -> {
                String key = key("bench-aes", "ENCRYPT_DECRYPT");
                String token = bearerToken();
                for (int i = 0; i < DISTINCT; i++) {
                    requests.add(rest("/api/v1/keys/" + key + "/encrypt", token, "{\"plaintext\":\"" + randomBase64(64) + "\"}"));
                }
            }
            case "rest-decrypt" -> {
                String token = bearerToken();
                for (String blob : ciphertexts()) {
                    requests.add(rest("/api/v1/decrypt", token, "{\"ciphertextBlob\":\"" + blob + "\"}"));
                }
            }
            default -> {
                if (!name.startsWith("action:")) {
                    throw new IllegalArgumentException("unknown scenario " + name);
                }
                // any other Tencent action with an empty body, to take a request's cost apart (e.g. action:ListAlgorithms)
                for (int i = 0; i < DISTINCT; i++) {
                    requests.add(tencent(name.substring("action:".length()), "{}"));
                }
            }
        }
        return requests;
    }

    private static String encryptBody(String key) {
        return "{\"KeyId\":\"" + key + "\",\"Plaintext\":\"" + randomBase64(64) + "\"}";
    }

    /** The key with this alias, created if missing. */
    private String key(String alias, String usage) throws TencentCloudSDKException {
        DescribeKeyRequest describe = new DescribeKeyRequest();
        describe.setKeyId("alias/" + alias);
        try {
            return kms.DescribeKey(describe).getKeyMetadata().getKeyId();
        } catch (TencentCloudSDKException missing) {
            CreateKeyRequest create = new CreateKeyRequest();
            create.setAlias(alias);
            create.setKeyUsage(usage);
            create.setDescription("load benchmark");
            return kms.CreateKey(create).getKeyId();
        }
    }

    private List<String> ciphertexts() throws TencentCloudSDKException {
        String key = key("bench-aes", "ENCRYPT_DECRYPT");
        List<String> blobs = new ArrayList<>(DISTINCT);
        for (int i = 0; i < DISTINCT; i++) {
            EncryptRequest encrypt = new EncryptRequest();
            encrypt.setKeyId(key);
            encrypt.setPlaintext(randomBase64(64));
            blobs.add(kms.Encrypt(encrypt).getCiphertextBlob());
        }
        return blobs;
    }

    /** Signed as the official Java SDK signs: content-type and host (with the port), service from the endpoint. */
    private SignedRequest tencent(String action, String body) {
        String timestamp = Long.toString(Instant.now().getEpochSecond());
        String date = DATE.format(Instant.ofEpochSecond(Long.parseLong(timestamp)));
        String service = endpoint.split("\\.")[0];
        String contentType = "application/json; charset=utf-8";
        Map<String, String> signed = Map.of("content-type", contentType, "host", endpoint);
        String canonical = Tc3Signature.canonicalRequest("POST", "", List.of("content-type", "host"), signed,
                Tc3Signature.sha256Hex(body.getBytes(StandardCharsets.UTF_8)));
        String scope = date + "/" + service + "/tc3_request";
        String signature = Tc3Signature.signature(secretKey.getBytes(StandardCharsets.UTF_8), date, service,
                Tc3Signature.stringToSign(timestamp, scope, canonical));
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", Tc3Signature.ALGORITHM + " Credential=" + secretId + "/" + scope
                + ", SignedHeaders=content-type;host, Signature=" + signature);
        headers.put("Content-Type", contentType);
        headers.put("Host", endpoint);
        headers.put("X-TC-Action", action);
        headers.put("X-TC-Timestamp", timestamp);
        headers.put("X-TC-Version", "2019-01-18");
        headers.put("X-TC-Region", "ap-guangzhou");
        return new SignedRequest("/", headers, body);
    }

    private SignedRequest rest(String path, String token, String body) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Bearer " + token);
        headers.put("Content-Type", "application/json");
        headers.put("Host", endpoint);
        return new SignedRequest(path, headers, body);
    }

    private String bearerToken() throws IOException, InterruptedException {
        String basic = Base64.getEncoder().encodeToString((secretId + ":" + secretKey).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create("http://" + endpoint + "/api/v1/tokens"))
                .header("Authorization", "Basic " + basic).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 201) {
            throw new IllegalStateException("POST /api/v1/tokens answered " + answer.statusCode() + ": " + answer.body());
        }
        String body = answer.body();
        int start = body.indexOf("\"token\":\"") + 9;
        return body.substring(start, body.indexOf('"', start));
    }

    /** The first request must be served: HTTP 2xx and no Tencent error envelope. */
    private void check(String scenario, SignedRequest request) throws IOException, InterruptedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://" + endpoint + request.path()))
                .POST(HttpRequest.BodyPublishers.ofString(request.body()));
        request.headers().forEach((name, value) -> {
            if (!name.equals("Host")) {
                builder.header(name, value);
            }
        });
        HttpResponse<String> answer = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() / 100 != 2 || answer.body().contains("\"Error\"")) {
            throw new IllegalStateException("scenario " + scenario + ": the server refused its request (HTTP "
                    + answer.statusCode() + "): " + answer.body());
        }
    }

    private String curlConfig(SignedRequest request) {
        StringBuilder config = new StringBuilder("url = \"http://" + endpoint + request.path() + "\"\nrequest = \"POST\"\n");
        request.headers().forEach((name, value) -> config.append("header = ").append(quoted(name + ": " + value)).append('\n'));
        return config.append("data-binary = ").append(quoted(request.body())).append('\n').toString();
    }

    private static String randomBase64(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return Base64.getEncoder().encodeToString(random);
    }

    static String lua(List<SignedRequest> requests) {
        StringBuilder out = new StringBuilder("return {\n");
        for (SignedRequest r : requests) {
            out.append("  { path = ").append(quoted(r.path())).append(", body = ").append(quoted(r.body())).append(", headers = {");
            r.headers().forEach((name, value) -> out.append(" [").append(quoted(name)).append("] = ").append(quoted(value)).append(','));
            out.append(" } },\n");
        }
        return out.append("}\n").toString();
    }

    private static String quoted(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + '"';
    }
}
