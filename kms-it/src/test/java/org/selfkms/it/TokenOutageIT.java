package org.selfkms.it;

import com.tencentcloudapi.common.exception.TencentCloudSDKException;
import com.tencentcloudapi.kms.v20190118.KmsClient;
import com.tencentcloudapi.kms.v20190118.models.CreateKeyRequest;
import com.tencentcloudapi.kms.v20190118.models.DecryptRequest;
import com.tencentcloudapi.kms.v20190118.models.EncryptRequest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The token disappears while the server runs - requests fail cleanly with Tencent's InternalError
 * and change nothing - and once it is back they succeed again without a restart.
 *
 * <p>Runs in CI's SoftHSM2 run only (tag {@code token-outage}): there the server's PKCS#11 library is the
 * outage shim (kms-hsm/rar/src/test/c) in front of SoftHSM2, which answers as a pulled-out token while the
 * file named by KMS_SHIM_OUTAGE_FILE exists, and CMKs are at the HSM protection level, so every Encrypt and
 * Decrypt needs the token. Meanwhile readiness (/health/ready) is DOWN, its token check saying why, and it is UP
 * again once the token is back.
 */
@Tag("token-outage")
class TokenOutageIT extends DeployedKms {

    private static final Duration RECOVERY_TIMEOUT = Duration.ofSeconds(30);

    @Test
    void requestsFailCleanlyWhileTheTokenIsGoneAndSucceedOnceItIsBack() throws Exception {
        Path outage = Path.of(Objects.requireNonNull(System.getenv("KMS_SHIM_OUTAGE_FILE"),
                "KMS_SHIM_OUTAGE_FILE must name the outage shim's marker file (see .ci/run)"));
        KmsClient kms = kms();
        String keyId = createKey(kms, uniqueAlias("outage"));
        String blob = encrypt(kms, keyId, "made before the outage");
        String aliasTriedDuringOutage = uniqueAlias("outage-new");
        ServerProcess.LogPosition logBefore = ServerProcess.logPosition();

        assertReadiness(200, "UP");
        Files.createFile(outage);
        try {
            assertInternalError(() -> encrypt(kms, keyId, "during the outage"));
            assertInternalError(() -> decrypt(kms, blob));
            assertInternalError(() -> createKey(kms, aliasTriedDuringOutage));
            // not ready while the token is out: a load balancer stops sending requests here
            ServerHealth.Answer down = assertReadiness(503, "DOWN");
            assertEquals("DOWN", down.checks().get("token"), down.body());
            assertEquals("UP", down.checks().get("database"), down.body());
        } finally {
            Files.deleteIfExists(outage);
        }

        Instant deadline = Instant.now().plus(RECOVERY_TIMEOUT);
        while (true) {
            try {
                encrypt(kms, keyId, "after the outage");
                break;
            } catch (TencentCloudSDKException stillDown) {
                assertEquals("InternalError", stillDown.getErrorCode());
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError("no recovery within " + RECOVERY_TIMEOUT + " of the token's return", stillDown);
                }
                Thread.sleep(250);
            }
        }
        assertEquals("made before the outage", decrypt(kms, blob));
        assertReadiness(200, "UP");
        // the CreateKey refused during the outage left nothing behind: its alias is still free
        createKey(kms, aliasTriedDuringOutage);
        String log = ServerProcess.logSince(logBefore);
        assertTrue(log.contains("Token unavailable, will reconnect") && log.contains("Token reconnected"), log);
    }

    /** Readiness reaches this state within the recovery timeout (the token's probe is reused for a few seconds). */
    private static ServerHealth.Answer assertReadiness(int httpStatus, String status) throws Exception {
        Instant deadline = Instant.now().plus(RECOVERY_TIMEOUT);
        ServerHealth.Answer ready = ServerHealth.get("/health/ready");
        while (ready.httpStatus() != httpStatus && Instant.now().isBefore(deadline)) {
            Thread.sleep(250);
            ready = ServerHealth.get("/health/ready");
        }
        assertEquals(httpStatus, ready.httpStatus(), ready.body());
        assertEquals(status, ready.status(), ready.body());
        return ready;
    }

    private static void assertInternalError(Executable call) {
        TencentCloudSDKException e = assertThrows(TencentCloudSDKException.class, call,
                "with the token gone and CMKs at the HSM protection level, this must fail");
        assertEquals("InternalError", e.getErrorCode(), e.getMessage());
        assertTrue(e.getMessage().contains("temporarily unavailable"), e.getMessage());
    }

    private static String createKey(KmsClient kms, String alias) throws TencentCloudSDKException {
        CreateKeyRequest create = new CreateKeyRequest();
        create.setAlias(alias);
        return kms.CreateKey(create).getKeyId();
    }

    private static String encrypt(KmsClient kms, String keyId, String plaintext) throws TencentCloudSDKException {
        EncryptRequest request = new EncryptRequest();
        request.setKeyId(keyId);
        request.setPlaintext(Base64.getEncoder().encodeToString(plaintext.getBytes(StandardCharsets.UTF_8)));
        return kms.Encrypt(request).getCiphertextBlob();
    }

    private static String decrypt(KmsClient kms, String blob) throws TencentCloudSDKException {
        DecryptRequest request = new DecryptRequest();
        request.setCiphertextBlob(blob);
        return new String(Base64.getDecoder().decode(kms.Decrypt(request).getPlaintext()), StandardCharsets.UTF_8);
    }
}
