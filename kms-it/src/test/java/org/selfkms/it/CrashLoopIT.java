package org.selfkms.it;

import com.tencentcloudapi.common.exception.TencentCloudSDKException;
import com.tencentcloudapi.kms.v20190118.KmsClient;
import com.tencentcloudapi.kms.v20190118.models.CreateKeyRequest;
import com.tencentcloudapi.kms.v20190118.models.DecryptRequest;
import com.tencentcloudapi.kms.v20190118.models.DescribeKeyRequest;
import com.tencentcloudapi.kms.v20190118.models.EncryptRequest;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The crash loop of the reliability suite (docs/security.md, "Reliability suite"): the server is killed with
 * SIGKILL while clients create keys and encrypt, and started again, {@code kms.crash.cycles} times. Whatever was
 * acknowledged before a kill - a created key, a ciphertext - must be there after it: every key found, every
 * ciphertext decrypted to its plaintext; at the end the audit trail verifies intact. Restart times are printed.
 *
 * <p>Tag {@code reliability}: CI runs 3 cycles beside the fuzzer; the suite's 20:
 * {@code mvn verify -pl kms-it -Dit.test=CrashLoopIT -Dit.excluded.groups=none -Dkms.crash.cycles=20}.
 */
@Tag("reliability")
class CrashLoopIT extends DeployedKms {

    private static final int CYCLES = Integer.getInteger("kms.crash.cycles", 3);
    private static final int CLIENTS = 4;

    private record Acknowledged(String keyId, String ciphertext, byte[] plaintext) {
    }

    @Test
    void nothingAcknowledgedIsLostAcrossKills() throws Exception {
        List<Acknowledged> acknowledged = Collections.synchronizedList(new ArrayList<>());
        List<Long> restartMillis = new ArrayList<>();
        Random random = new Random();
        for (int cycle = 1; cycle <= CYCLES; cycle++) {
            AtomicBoolean running = new AtomicBoolean(true);
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                int round = cycle;
                clients.submit(() -> load(kms(), "crash-" + round + "-" + client, running, acknowledged));
            }
            Thread.sleep(1500 + random.nextInt(2500));
            ServerProcess.kill();
            running.set(false);
            clients.shutdown();
            assertTrue(clients.awaitTermination(60, TimeUnit.SECONDS), "the clients stop once the server is gone");

            Instant started = Instant.now();
            ServerProcess.start("crash-loop-" + cycle, Map.of());
            restartMillis.add(Duration.between(started, Instant.now()).toMillis());
            assertAllThere(acknowledged, cycle);
        }
        String admin = RestApiV1IT.token(secretId(), secretKey());
        JsonObject verified = RestApiV1IT.json(RestApiV1IT.get("/audit-records/verification", admin));
        assertTrue(verified.getBoolean("intact"), "the audit trail after " + CYCLES + " kills: " + verified);
        System.out.printf("CrashLoopIT: %d kills, %d acknowledged items all kept, restarts (ms): %s%n",
                CYCLES, acknowledged.size(), restartMillis);
        assertTrue(acknowledged.size() > CYCLES, "the load ran: " + acknowledged.size() + " items acknowledged");
    }

    /** Creates a key and encrypts under it, again and again; only what the server answered counts as acknowledged. */
    private static void load(KmsClient kms, String prefix, AtomicBoolean running, List<Acknowledged> acknowledged) {
        for (int i = 0; running.get(); i++) {
            try {
                CreateKeyRequest create = new CreateKeyRequest();
                create.setAlias(uniqueAlias(prefix));
                String keyId = kms.CreateKey(create).getKeyId();
                byte[] plaintext = (prefix + " #" + i).getBytes(StandardCharsets.UTF_8);
                EncryptRequest encrypt = new EncryptRequest();
                encrypt.setKeyId(keyId);
                encrypt.setPlaintext(Base64.getEncoder().encodeToString(plaintext));
                acknowledged.add(new Acknowledged(keyId, kms.Encrypt(encrypt).getCiphertextBlob(), plaintext));
            } catch (TencentCloudSDKException | RuntimeException e) {
                // the kill: what was not answered was not acknowledged
                return;
            }
        }
    }

    private static void assertAllThere(List<Acknowledged> acknowledged, int cycle) throws Exception {
        KmsClient kms = kms();
        List<Acknowledged> all;
        synchronized (acknowledged) {
            all = List.copyOf(acknowledged);
        }
        for (Acknowledged item : all) {
            DescribeKeyRequest describe = new DescribeKeyRequest();
            describe.setKeyId(item.keyId());
            assertEquals(item.keyId(), kms.DescribeKey(describe).getKeyMetadata().getKeyId(), "cycle " + cycle + ": key lost");
            DecryptRequest decrypt = new DecryptRequest();
            decrypt.setCiphertextBlob(item.ciphertext());
            assertArrayEquals(item.plaintext(), Base64.getDecoder().decode(kms.Decrypt(decrypt).getPlaintext()),
                    "cycle " + cycle + ": ciphertext of " + item.keyId() + " no longer decrypts");
        }
    }
}
