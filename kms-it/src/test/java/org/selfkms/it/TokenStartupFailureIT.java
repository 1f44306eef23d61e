package org.selfkms.it;

import com.tencentcloudapi.kms.v20190118.KmsClient;
import com.tencentcloudapi.kms.v20190118.models.CreateKeyRequest;
import com.tencentcloudapi.kms.v20190118.models.DecryptRequest;
import com.tencentcloudapi.kms.v20190118.models.EncryptRequest;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A wrong token PIN gives a clear startup and health error and no half-started service - the KMS
 * application does not deploy at all rather than answering requests it cannot serve - and the right PIN
 * brings everything back with nothing lost. Runs against whichever token the run uses (software keystore or
 * PKCS#11), by restarting the test server with KMS_TOKEN_PIN set to a wrong value.
 */
class TokenStartupFailureIT extends DeployedKms {

    private static final String WRONG_PIN = "not-the-token-pin-7351";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void wrongPinKeepsTheServiceDownWithAClearErrorAndTheRightPinBringsItBack() throws Exception {
        KmsClient kms = kms();
        CreateKeyRequest create = new CreateKeyRequest();
        create.setAlias(uniqueAlias("pin"));
        String keyId = kms.CreateKey(create).getKeyId();
        EncryptRequest encrypt = new EncryptRequest();
        encrypt.setKeyId(keyId);
        encrypt.setPlaintext(Base64.getEncoder().encodeToString("made before the restart".getBytes(StandardCharsets.UTF_8)));
        String blob = kms.Encrypt(encrypt).getCiphertextBlob();

        ServerProcess.stop();
        ServerProcess.LogPosition logBefore = ServerProcess.logPosition();
        ServerProcess.start("wrong-pin", Map.of("KMS_TOKEN_PIN", WRONG_PIN));
        String log = ServerProcess.logSince(logBefore);
        assertTrue(log.contains("wrong PIN"), "the log must say why the KMS did not start");
        assertFalse(log.contains(WRONG_PIN), "the PIN itself never appears in the log");
        assertEquals("FAILED", ServerProcess.deploymentStatus("kms.ear"), "the application must not be half-started");
        HttpResponse<String> ready = get("http://127.0.0.1:" + managementPort() + "/health/ready");
        assertEquals(503, ready.statusCode(), "readiness must report the failure: " + ready.body());
        assertTrue(ready.body().replace(" ", "").contains("\"kms.ear\":\"FAILED\""), ready.body());
        assertNotEquals(200, post(baseUrl() + "/").statusCode(), "no Tencent door without a token");

        ServerProcess.stop();
        ServerProcess.start("right-pin", Map.of());
        assertEquals("OK", ServerProcess.deploymentStatus("kms.ear"));
        assertEquals(200, get("http://127.0.0.1:" + managementPort() + "/health/ready").statusCode());
        DecryptRequest decrypt = new DecryptRequest();
        decrypt.setCiphertextBlob(blob);
        assertEquals("made before the restart", new String(Base64.getDecoder().decode(
                kms().Decrypt(decrypt).getPlaintext()), StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
    }
}
