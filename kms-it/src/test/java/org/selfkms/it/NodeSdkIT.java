package org.selfkms.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tencentcloudapi.kms.v20190118.models.DecryptRequest;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The official Tencent Cloud Node.js SDK ({@code tencentcloud-sdk-nodejs}, installed from npm with the machine's
 * {@code npm} into {@code target/node-sdk}), unchanged, against this server on its non-default port: keys, Encrypt
 * and Decrypt with an encryption context, data keys, signing and verifying, and the error codes
 * ({@code src/test/node/kms-slice.js}). It signs the host without the port while its HTTP client sends the port;
 * what it encrypted, the Java SDK decrypts.
 */
@org.junit.jupiter.api.Tag("clients")
class NodeSdkIT extends SdkKeyTest {

    static final String SDK = "tencentcloud-sdk-nodejs@4.1.313";
    private static final Path INSTALL = Path.of("target", "node-sdk");
    private static final Path SCRIPT = Path.of("src", "test", "node", "kms-slice.js");
    private static final Path EVERY_ACTION = Path.of("src", "test", "node", "kms-every-action.js");

    @BeforeAll
    static void installTheSdk() throws Exception {
        assertTrue(Files.isExecutable(Path.of("/usr/bin/node")) && Files.isExecutable(Path.of("/usr/bin/npm")),
                "node and npm are missing: install Debian's nodejs and npm");
        if (!Files.isDirectory(INSTALL.resolve("node_modules").resolve("tencentcloud-sdk-nodejs"))) {
            Files.createDirectories(INSTALL);
            Process npm = new ProcessBuilder("npm", "install", "--prefix", INSTALL.toString(), "--no-audit", "--no-fund",
                    "--loglevel=error", SDK).redirectErrorStream(true).start();
            String output = new String(npm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(npm.waitFor(5, TimeUnit.MINUTES) && npm.exitValue() == 0, "npm install " + SDK + ": " + output);
        }
    }

    @Test
    void theNodeSdkWorksUnchangedAgainstThisServer() throws Exception {
        Map<String, JsonObject> steps = runSlice(uniqueAlias("node"));

        String keyId = steps.get("CreateKey").getString("keyId");
        assertEquals("Enabled", steps.get("CreateKey").getString("state"));
        assertEquals("ENCRYPT_DECRYPT", steps.get("CreateKey").getString("usage"));
        assertEquals("made by the Node.js SDK", steps.get("DescribeKey").getString("description"));
        assertTrue(steps.get("ListKeys").getBoolean("found"), "ListKeys finds the key: " + steps.get("ListKeys"));
        assertTrue(steps.get("EncryptDecrypt").getBoolean("roundTrip"), steps.get("EncryptDecrypt").toString());
        assertEquals(keyId, steps.get("EncryptDecrypt").getString("keyId"));
        DecryptRequest wrongContext = new DecryptRequest();
        wrongContext.setCiphertextBlob(steps.get("EncryptDecrypt").getString("blob"));
        wrongContext.setEncryptionContext("{\"app\":\"other\"}");
        assertEquals(javaSdkCode(wrongContext), steps.get("DecryptWrongContext").getString("code"),
                "a blob decrypts only with its context, refused with the code the Java SDK gets");
        assertEquals(32, steps.get("GenerateDataKey").getInt("bytes"));
        assertTrue(steps.get("GenerateDataKey").getBoolean("matches"), "the data key's blob decrypts to its plaintext");
        assertTrue(steps.get("SignVerify").getBoolean("valid"), "the signature verifies");
        assertEquals(false, steps.get("SignVerify").getBoolean("forgedValid"), "another message does not");
        assertEquals("ResourceUnavailable.CmkNotFound", steps.get("UnknownKey").getString("code"));
        assertEquals("ResourceUnavailable.CmkDisabled", steps.get("DisabledKey").getString("code"));
        DecryptRequest badBlob = new DecryptRequest();
        badBlob.setCiphertextBlob("bm90IGEgYmxvYg==");
        assertEquals(javaSdkCode(badBlob), steps.get("BadBlob").getString("code"));

        // what the Node.js SDK encrypted, the Java SDK decrypts: one service, whichever SDK
        DecryptRequest decrypt = new DecryptRequest();
        decrypt.setCiphertextBlob(steps.get("EncryptDecrypt").getString("blob"));
        decrypt.setEncryptionContext("{\"app\":\"node-sdk\",\"purpose\":\"it\"}");
        assertEquals("node sdk plaintext", new String(Base64.getDecoder().decode(kms.Decrypt(decrypt).getPlaintext()), StandardCharsets.UTF_8));
        assertEquals("Disabled", state(steps.get("DisabledKey").getString("keyId")), "the Node.js SDK's DisableKey holds");
    }

    /**
     * Every action of the Node.js SDK's KMS client (69 in this version: the Java SDK's 68 and RotateKey) with an empty
     * request: each one served answers or names the missing field; only the 13 white-box actions are refused.
     */
    @Test
    void everyActionButTheWhiteBoxOnesIsServedToTheNodeSdk() throws Exception {
        Map<String, String> codes = new java.util.TreeMap<>();
        for (String line : run(EVERY_ACTION, "unused")) {
            JsonObject step = Json.createReader(new StringReader(line)).readObject();
            codes.put(step.getString("action"), step.getString("code"));
        }
        assertEquals(69, codes.size(), "actions reported: " + codes.keySet());
        List<String> refused = codes.entrySet().stream()
                .filter(e -> e.getValue().equals("InvalidAction") || e.getValue().startsWith("UnsupportedOperation")
                        && !e.getValue().equals("UnsupportedOperation.NotRoleOperation"))
                .map(Map.Entry::getKey).sorted().toList();
        assertEquals(13, refused.size(), "refused: " + refused);
        assertTrue(refused.stream().allMatch(action -> action.contains("WhiteBox")), "only white-box actions are refused: " + refused);
    }

    /** The Tencent error code the Java SDK gets for a Decrypt that must be refused. */
    private static String javaSdkCode(DecryptRequest refused) {
        try {
            kms.Decrypt(refused);
            return "accepted";
        } catch (com.tencentcloudapi.common.exception.TencentCloudSDKException e) {
            assertTrue(e.getErrorCode().startsWith("InvalidParameter") || e.getErrorCode().startsWith("FailedOperation"), e.getErrorCode());
            return e.getErrorCode();
        }
    }

    /** Runs the slice; @return each step's line by its name */
    private static Map<String, JsonObject> runSlice(String aliasPrefix) throws Exception {
        Map<String, JsonObject> steps = new HashMap<>();
        List<String> lines = run(SCRIPT, aliasPrefix);
        for (String line : lines) {
            JsonObject step = Json.createReader(new StringReader(line)).readObject();
            steps.put(step.getString("step"), step);
        }
        for (String step : List.of("CreateKey", "DescribeKey", "ListKeys", "EncryptDecrypt", "DecryptWrongContext", "GenerateDataKey",
                "SignVerify", "UnknownKey", "DisabledKey", "BadBlob")) {
            assertTrue(steps.containsKey(step), "step " + step + " reported: " + lines);
        }
        return steps;
    }

    /** Runs a script with this server's endpoint and the test credential in the environment; @return its JSON lines */
    private static List<String> run(Path script, String aliasPrefix) throws Exception {
        ProcessBuilder node = new ProcessBuilder("node", script.toString()).redirectErrorStream(true);
        Map<String, String> environment = node.environment();
        environment.put("NODE_PATH", INSTALL.resolve("node_modules").toAbsolutePath().toString());
        environment.put("KMS_ENDPOINT", "127.0.0.1:" + httpPort());
        environment.put("KMS_SECRET_ID", secretId());
        environment.put("KMS_SECRET_KEY", secretKey());
        environment.put("KMS_ALIAS_PREFIX", aliasPrefix);
        Process process = node.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(2, TimeUnit.MINUTES), "the Node.js script " + script + " did not finish: " + output);
        assertEquals(0, process.exitValue(), "the Node.js script " + script + " failed: " + output);
        return java.util.Arrays.stream(output.split("\n")).filter(line -> line.startsWith("{")).toList();
    }
}
