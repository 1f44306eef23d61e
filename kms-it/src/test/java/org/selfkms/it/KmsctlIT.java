package org.selfkms.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.selfkms.cli.Invocation;
import org.selfkms.cli.Kmsctl;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * kmsctl against the test server, run in-process through its entry point with an environment of the test's own
 * (a fresh configuration directory per test): login and its session file, keys, data, files through the
 * envelope library, signatures, audit, credentials, and the exit codes scripts rely on (docs/clients.md, "kmsctl").
 */
@org.junit.jupiter.api.Tag("clients")
class KmsctlIT extends DeployedKms {

    @TempDir
    Path work;

    private Path config;

    @BeforeEach
    void login() {
        config = work.resolve("config");
        Result login = run(Map.of(), secretKey() + "\n", "login", "--server", baseUrl(), "--secret-id", secretId(), "--secret-key-stdin");
        assertEquals(0, login.exitCode(), login.stderr());
    }

    // ---------------------------------------------------------------- login and the session

    @Test
    void loginKeepsOnlyATokenInAnOwnerOnlyFileAndLogoutRevokesIt() throws Exception {
        Path sessionFile = config.resolve("session.json");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(sessionFile)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(config)));
        JsonObject session = Json.createReader(new StringReader(Files.readString(sessionFile))).readObject();
        assertEquals(baseUrl(), session.getString("server"));
        assertFalse(Files.readString(sessionFile).contains(secretKey()), "never the SecretKey");
        String token = session.getString("token");
        assertEquals(200, RestApiV1IT.get("/keys", token).statusCode());

        assertEquals(0, kmsctl("keys", "list", "--limit", "1").exitCode());
        Result logout = kmsctl("logout");
        assertEquals(0, logout.exitCode(), logout.stderr());
        assertFalse(Files.exists(sessionFile));
        assertEquals(401, RestApiV1IT.get("/keys", token).statusCode(), "logout revoked the token");

        Result loggedOut = kmsctl("keys", "list");
        assertEquals(3, loggedOut.exitCode());
        assertTrue(loggedOut.stderr().startsWith("kmsctl: not logged in: run kmsctl login"), loggedOut.stderr());
    }

    @Test
    void aTokenTheServerRefusesMeansTheSessionExpired() throws Exception {
        Path sessionFile = config.resolve("session.json");
        JsonObject session = Json.createReader(new StringReader(Files.readString(sessionFile))).readObject();
        // the server forgets tokens when it restarts: the session file then names one it does not know
        assertEquals(204, RestApiV1IT.send("DELETE", "/tokens/current", null, null, "Bearer " + session.getString("token")).statusCode());

        Result refused = kmsctl("keys", "describe", "no-such-key");
        assertEquals(3, refused.exitCode());
        assertEquals("kmsctl: session expired: run kmsctl login\n", refused.stderr());
    }

    @Test
    void wrongCredentialsAreAnAuthenticationFailureWithTheServersCode() {
        Result login = run(Map.of("SELFKMS_SECRET_KEY", secretKey() + "x"), "", "login", "--server", baseUrl(), "--secret-id", secretId());
        assertEquals(3, login.exitCode());
        assertTrue(login.stderr().contains("AUTH_LOGIN_FAILED") && !login.stderr().contains(secretKey()), login.stderr());

        Result environment = run(Map.of("SELFKMS_URL", baseUrl(), "SELFKMS_SECRET_ID", secretId(), "SELFKMS_SECRET_KEY", "wrong"), "",
                "keys", "list");
        assertEquals(3, environment.exitCode(), environment.stderr());
    }

    @Test
    void credentialsInTheEnvironmentNeedNoLogin() {
        Result version = run(Map.of("SELFKMS_CONFIG_DIR", work.resolve("no-login").toString(), "SELFKMS_URL", baseUrl(),
                "SELFKMS_SECRET_ID", secretId(), "SELFKMS_SECRET_KEY", secretKey()), "", "version", "-o", "json");
        assertEquals(0, version.exitCode(), version.stderr());
        JsonObject versions = json(version);
        assertEquals(System.getProperty("kms.it.project.version"), versions.getJsonObject("server").getString("version"));
        assertEquals(versions.getString("client"), System.getProperty("kms.it.project.version"));
        assertFalse(Files.exists(work.resolve("no-login/session.json")), "nothing kept");
    }

    @Test
    void overHttpsItTrustsExactlyTheGivenCertificate() throws Exception {
        Path pem = work.resolve("kms-tls.pem");
        Files.writeString(pem, presentedCertificatePem());
        String server = "https://localhost:" + httpsPort();
        Path httpsConfig = work.resolve("https");

        Result untrusted = run(Map.of("SELFKMS_CONFIG_DIR", httpsConfig.toString(), "SELFKMS_SECRET_KEY", secretKey()), "",
                "login", "--server", server, "--secret-id", secretId());
        assertEquals(5, untrusted.exitCode(), "the JDK's trust store does not hold the server's own certificate: " + untrusted.stderr());

        Result login = run(Map.of("SELFKMS_CONFIG_DIR", httpsConfig.toString(), "SELFKMS_SECRET_KEY", secretKey()), "",
                "login", "--server", server, "--cacert", pem.toString(), "--secret-id", secretId());
        assertEquals(0, login.exitCode(), login.stderr());
        Result listed = run(Map.of("SELFKMS_CONFIG_DIR", httpsConfig.toString()), "", "keys", "list", "--limit", "1", "-o", "json");
        assertEquals(0, listed.exitCode(), "the session keeps the certificate for later commands: " + listed.stderr());
        assertTrue(json(listed).containsKey("keys"), listed.stdout());
    }

    /** The certificate the server presents on its HTTPS port, fetched without trusting it (as openssl s_client would). */
    private static String presentedCertificatePem() throws Exception {
        javax.net.ssl.SSLContext tls = javax.net.ssl.SSLContext.getInstance("TLS");
        tls.init(null, new javax.net.ssl.TrustManager[]{new javax.net.ssl.X509TrustManager() {
            @Override
            public void checkClientTrusted(java.security.cert.X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(java.security.cert.X509Certificate[] chain, String authType) {
            }

            @Override
            public java.security.cert.X509Certificate[] getAcceptedIssuers() {
                return new java.security.cert.X509Certificate[0];
            }
        }}, null);
        try (javax.net.ssl.SSLSocket socket = (javax.net.ssl.SSLSocket) tls.getSocketFactory().createSocket("localhost", httpsPort())) {
            socket.startHandshake();
            byte[] der = socket.getSession().getPeerCertificates()[0].getEncoded();
            return "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                    + "\n-----END CERTIFICATE-----\n";
        }
    }

    // ---------------------------------------------------------------- keys

    @Test
    void aKeysLifeFromCreationToCancelledDeletion() {
        String alias = uniqueAlias("cli-life");
        Result created = kmsctl("keys", "create", "--alias", alias, "--description", "Ledger", "--tag", "team=billing", "-o", "json");
        assertEquals(0, created.exitCode(), created.stderr());
        String keyId = json(created).getString("keyId");
        assertEquals("Enabled", json(created).getString("state"));

        JsonObject listed = json(kmsctl("keys", "list", "--search", alias, "--tag", "team=billing", "-o", "json"));
        assertEquals(1, listed.getInt("totalCount"));
        assertEquals(keyId, listed.getJsonArray("keys").getJsonObject(0).getString("keyId"));
        assertEquals(0, json(kmsctl("keys", "list", "--search", alias, "--tag", "team=other", "-o", "json")).getInt("totalCount"));
        String table = kmsctl("keys", "list", "--search", alias).stdout();
        assertTrue(table.matches("(?s)KEY ID +ALIAS +STATE +USAGE +VERSION +CREATED\n" + keyId + " +" + alias + " +Enabled +ENCRYPT_DECRYPT +1 +\\S+\n"),
                table);

        assertEquals(0, kmsctl("keys", "disable", alias).exitCode());
        assertEquals("Disabled", describe(alias).getString("state"));
        assertEquals(1, json(kmsctl("keys", "list", "--search", alias, "--state", "Disabled", "-o", "json")).getInt("totalCount"));
        assertEquals(0, kmsctl("keys", "enable", alias).exitCode());
        assertEquals("Enabled", describe(keyId).getString("state"), "by key id as by alias");

        assertEquals(0, kmsctl("keys", "tag", alias, "env=prod", "cost/centre=42").exitCode());
        assertEquals(0, kmsctl("keys", "untag", alias, "team", "cost/centre").exitCode());
        assertEquals(Json.createObjectBuilder().add("env", "prod").build(), json(kmsctl("keys", "tags", alias, "-o", "json")).getJsonObject("tags"));
        assertEquals("TAG  VALUE\nenv  prod\n", kmsctl("keys", "tags", alias).stdout());

        String renamed = alias + "-2";
        assertEquals(0, kmsctl("keys", "alias", alias, renamed).exitCode());
        assertEquals(renamed, describe(keyId).getString("alias"));
        assertEquals(4, kmsctl("keys", "describe", alias).exitCode(), "the old alias no longer names it");
        assertEquals(0, kmsctl("keys", "set-description", renamed, "Journal").exitCode());
        assertEquals("Journal", describe(renamed).getString("description"));

        assertEquals(0, kmsctl("keys", "rotation", "enable", renamed, "--days", "90").exitCode());
        assertTrue(json(kmsctl("keys", "rotation", "status", renamed, "-o", "json")).getBoolean("rotationEnabled"));
        assertEquals(2, json(kmsctl("keys", "rotate", renamed, "-o", "json")).getInt("currentVersion"));
        JsonArray versions = json(kmsctl("keys", "versions", renamed, "-o", "json")).getJsonArray("versions");
        assertEquals(2, versions.size());
        assertTrue(versions.getJsonObject(1).getBoolean("current"));
        assertEquals(0, kmsctl("keys", "rotation", "disable", renamed).exitCode());
        assertFalse(json(kmsctl("keys", "rotation", "status", renamed, "-o", "json")).getBoolean("rotationEnabled"));

        Result enabledKey = kmsctl("keys", "schedule-deletion", renamed, "--days", "7");
        assertEquals(4, enabledKey.exitCode(), "only a disabled key can be scheduled for deletion");
        assertTrue(enabledKey.stderr().matches("kmsctl: refused \\(HTTP 409\\): KEY_\\w+: .+ \\(request \\S+\\)\n"), enabledKey.stderr());
        assertEquals(0, kmsctl("keys", "disable", renamed).exitCode());
        Result scheduled = kmsctl("keys", "schedule-deletion", renamed, "--days", "7", "-o", "json");
        assertEquals(0, scheduled.exitCode(), scheduled.stderr());
        assertTrue(json(scheduled).getString("deletionDate").matches("\\d{4}-\\d{2}-\\d{2}T.*Z"));
        assertEquals("PendingDelete", describe(renamed).getString("state"));
        assertEquals(0, kmsctl("keys", "cancel-deletion", renamed).exitCode());
        assertEquals("Disabled", describe(renamed).getString("state"));
    }

    @Test
    void listingEveryPageMergesThemAndOnePageSaysHowToGoOn() {
        String prefix = uniqueAlias("cli-pages");
        for (int i = 0; i < 3; i++) {
            assertEquals(0, kmsctl("keys", "create", "--alias", prefix + "-" + i).exitCode());
        }
        JsonObject all = json(kmsctl("keys", "list", "--search", prefix, "--limit", "1", "--all", "-o", "json"));
        assertEquals(3, all.getJsonArray("keys").size());
        assertFalse(all.containsKey("nextCursor"));
        Result onePage = kmsctl("keys", "list", "--search", prefix, "--limit", "2");
        assertEquals(3, onePage.stdout().lines().count(), "a header and two keys");
        assertTrue(onePage.stderr().startsWith("(more: the same command with --cursor "), onePage.stderr());
        String cursor = onePage.stderr().split("--cursor ")[1].split(",")[0];
        assertEquals(1, json(kmsctl("keys", "list", "--search", prefix, "--limit", "2", "--cursor", cursor, "-o", "json"))
                .getJsonArray("keys").size());
    }

    @Test
    void theServersRefusalsAreExitCodeFourWithCodeAndRequestId() {
        Result notFound = kmsctl("keys", "describe", "cli-no-such-key");
        assertEquals(4, notFound.exitCode());
        assertTrue(notFound.stderr().matches("kmsctl: refused \\(HTTP 404\\): KEY_NOT_FOUND: .+ \\(request [\\w-]+\\)\n"), notFound.stderr());
        assertEquals("", notFound.stdout());
        assertEquals(4, kmsctl("keys", "create", "--alias", "bad alias!").exitCode());
        assertEquals(4, kmsctl("keys", "list", "--state", "Deleted").exitCode());
    }

    @Test
    void usageErrorsAndAServerThatDoesNotAnswerHaveTheirOwnCodes() throws Exception {
        assertEquals(2, kmsctl("keys", "describe").exitCode());
        assertEquals(2, kmsctl("encrypt", "--key", "k", "--data", "x", "--in", "y").exitCode());
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Result down = run(Map.of("SELFKMS_URL", "http://127.0.0.1:" + port, "SELFKMS_SECRET_ID", secretId(),
                "SELFKMS_SECRET_KEY", secretKey()), "", "keys", "list");
        assertEquals(5, down.exitCode(), down.stderr());
        assertFalse(down.stderr().contains("\tat "), "no stack trace without --debug");
        Result login = run(Map.of("SELFKMS_SECRET_KEY", secretKey()), "", "login", "--server", "http://127.0.0.1:" + port,
                "--secret-id", secretId());
        assertEquals(5, login.exitCode());
    }

    // ---------------------------------------------------------------- data

    @Test
    void smallDataRoundTripsThroughTheServerWithItsContext() throws Exception {
        String alias = uniqueAlias("cli-data");
        assertEquals(0, kmsctl("keys", "create", "--alias", alias).exitCode());
        Result encrypted = kmsctl("encrypt", "--key", alias, "--data", "card 4111", "--context", "order=42", "--context", "shop=7");
        assertEquals(0, encrypted.exitCode(), encrypted.stderr());
        String blob = encrypted.stdout().strip();
        assertTrue(blob.matches("[A-Za-z0-9+/]+=*"), blob);

        assertEquals("card 4111", kmsctl("decrypt", "--blob", blob, "--context", "shop=7", "--context", "order=42").stdout());
        Result noContext = kmsctl("decrypt", "--blob", blob);
        assertEquals(4, noContext.exitCode());
        assertTrue(noContext.stderr().contains("CIPHERTEXT_INVALID"), noContext.stderr());
        JsonObject decrypted = json(kmsctl("decrypt", "--blob", blob, "--context", "order=42", "--context", "shop=7", "-o", "json"));
        assertEquals("card 4111", new String(Base64.getDecoder().decode(decrypted.getString("plaintext")), StandardCharsets.UTF_8));
        assertEquals(describe(alias).getString("keyId"), decrypted.getString("keyId"));

        // the blob in a file, and from standard input
        Path blobFile = work.resolve("secret.b64");
        assertEquals(0, kmsctl("encrypt", "--key", alias, "--data", "pin 1234", "--out", blobFile.toString()).exitCode());
        assertEquals("pin 1234", kmsctl("decrypt", "--in", blobFile.toString()).stdout());
        assertEquals("card 4111", run(Map.of(), blob + "\n", "decrypt", "--blob", "-", "--context", "order=42", "--context", "shop=7").stdout());

        assertEquals(0, kmsctl("keys", "disable", alias).exitCode());
        Result disabled = kmsctl("decrypt", "--in", blobFile.toString());
        assertEquals(4, disabled.exitCode());
        assertTrue(disabled.stderr().contains("KEY_DISABLED"), disabled.stderr());
    }

    @Test
    void dataKeysComeWithTheirBlob() {
        String alias = uniqueAlias("cli-datakey");
        assertEquals(0, kmsctl("keys", "create", "--alias", alias).exitCode());
        JsonObject dataKey = json(kmsctl("datakey", "generate", "--key", alias, "--bytes", "24", "--context", "table=orders", "-o", "json"));
        assertEquals(24, Base64.getDecoder().decode(dataKey.getString("plaintext")).length);
        Result again = run(Map.of(), "", "decrypt", "--blob", dataKey.getString("ciphertextBlob"), "--context", "table=orders");
        assertEquals(0, again.exitCode(), again.stderr());
        assertArrayEquals(Base64.getDecoder().decode(dataKey.getString("plaintext")), again.stdoutBytes());
        assertEquals(16, Base64.getDecoder().decode(json(kmsctl("datakey", "generate", "--key", alias, "--spec", "AES_128", "-o", "json"))
                .getString("plaintext")).length);
    }

    @Test
    void filesRoundTripThroughTheEnvelopeLibraryAndATamperedOneLeavesNothing() throws Exception {
        String alias = uniqueAlias("cli-files");
        assertEquals(0, kmsctl("keys", "create", "--alias", alias).exitCode());
        byte[] content = new byte[300_000];
        new Random(7).nextBytes(content);
        Path plain = Files.write(work.resolve("ledger.bin"), content);
        Path message = work.resolve("ledger.bin.skme");
        Path back = work.resolve("ledger.out");

        Result encrypted = kmsctl("encrypt", "--key", alias, "--in", plain.toString(), "--out", message.toString(), "--context", "file=ledger");
        assertEquals(0, encrypted.exitCode(), encrypted.stderr());
        assertTrue(Files.size(message) > content.length);
        Result decrypted = kmsctl("decrypt", "--in", message.toString(), "--out", back.toString(), "--context", "file=ledger", "-o", "json");
        assertEquals(0, decrypted.exitCode(), decrypted.stderr());
        assertArrayEquals(content, Files.readAllBytes(back));
        assertEquals(describe(alias).getString("keyId"), json(decrypted).getString("keyId"));
        assertEquals("ledger", json(decrypted).getJsonObject("encryptionContext").getString("file"));

        Result otherContext = kmsctl("decrypt", "--in", message.toString(), "--out", work.resolve("other").toString(), "--context", "file=x");
        assertEquals(6, otherContext.exitCode(), otherContext.stderr());
        assertFalse(Files.exists(work.resolve("other")));

        byte[] tampered = Files.readAllBytes(message);
        tampered[tampered.length / 2] ^= 1;
        Path forged = Files.write(work.resolve("forged.skme"), tampered);
        Result refused = kmsctl("decrypt", "--in", forged.toString(), "--out", work.resolve("forged.out").toString());
        assertEquals(6, refused.exitCode(), refused.stderr());
        assertFalse(Files.exists(work.resolve("forged.out")), "nothing of a message that does not verify");

        // through pipes: standard input to standard output, both ways
        Result piped = run(Map.of(), content, "encrypt", "--key", alias, "--in", "-", "--out", "-");
        assertEquals(0, piped.exitCode(), piped.stderr());
        Result unpiped = run(Map.of(), piped.stdoutBytes(), "decrypt", "--in", "-");
        assertEquals(0, unpiped.exitCode(), unpiped.stderr());
        assertArrayEquals(content, unpiped.stdoutBytes());
    }

    @Test
    void signaturesVerifyAndATamperedMessageExitsOne() throws Exception {
        String alias = uniqueAlias("cli-signer");
        assertEquals(0, kmsctl("keys", "create", "--alias", alias, "--usage", "ASYMMETRIC_SIGN_VERIFY_ECC").exitCode());
        assertTrue(kmsctl("keys", "public-key", alias).stdout().startsWith("-----BEGIN PUBLIC KEY-----\n"));
        Result signed = kmsctl("sign", "--key", alias, "--algorithm", "ECC_P256_R1", "--message", "pay 100 to bob");
        assertEquals(0, signed.exitCode(), signed.stderr());
        String signature = signed.stdout().strip();

        Result valid = kmsctl("verify", "--key", alias, "--algorithm", "ECC_P256_R1", "--message", "pay 100 to bob", "--signature", signature);
        assertEquals(0, valid.exitCode(), valid.stderr());
        assertEquals("signature valid\n", valid.stdout());
        Result tampered = kmsctl("verify", "--key", alias, "--algorithm", "ECC_P256_R1", "--message", "pay 900 to bob",
                "--signature", signature, "-o", "json");
        assertEquals(1, tampered.exitCode());
        assertFalse(json(tampered).getBoolean("signatureValid"));

        // a digest computed here signs what the message signs
        Path digest = Files.write(work.resolve("digest.bin"),
                MessageDigest.getInstance("SHA-256").digest("pay 100 to bob".getBytes(StandardCharsets.UTF_8)));
        String ofDigest = kmsctl("sign", "--key", alias, "--algorithm", "ECC_P256_R1", "--in", digest.toString(), "--digest").stdout().strip();
        assertEquals(0, kmsctl("verify", "--key", alias, "--algorithm", "ECC_P256_R1", "--message", "pay 100 to bob",
                "--signature", ofDigest).exitCode());
    }

    // ---------------------------------------------------------------- audit and access

    @Test
    void theAuditTrailIsSearchedAndVerified() throws Exception {
        String alias = uniqueAlias("cli-audit");
        String keyId = json(kmsctl("keys", "create", "--alias", alias, "-o", "json")).getString("keyId");
        JsonArray records = json(kmsctl("audit", "search", "--key", keyId, "--action", "CreateKey", "-o", "json")).getJsonArray("records");
        assertEquals(1, records.size());
        assertEquals("ALLOWED", records.getJsonObject(0).getString("outcome"));
        assertEquals(secretId(), records.getJsonObject(0).getString("principal"));
        String table = kmsctl("audit", "search", "--key", keyId, "--from", "2020-01-01T00:00:00Z").stdout();
        assertTrue(table.startsWith("TIME") && table.contains(" CreateKey ") && table.contains(keyId), table);

        Result verified = kmsctl("audit", "verify", "-o", "json");
        assertEquals(0, verified.exitCode(), verified.stderr());
        assertTrue(json(verified).getBoolean("intact"));
        Path checkpoint = work.resolve("checkpoint.json");
        assertEquals(0, kmsctl("audit", "checkpoint", "--out", checkpoint.toString()).exitCode());
        Result against = kmsctl("audit", "verify", "--checkpoint", checkpoint.toString());
        assertEquals(0, against.exitCode(), against.stdout() + against.stderr());
        assertTrue(against.stdout().contains("intact") && against.stdout().contains("true"), against.stdout());

        // a checkpoint this installation did not sign does not verify: the answer is no, exit code 1
        JsonObject exported = Json.createReader(new StringReader(Files.readString(checkpoint))).readObject();
        byte[] signature = Base64.getDecoder().decode(exported.getString("signature"));
        signature[signature.length - 1] ^= 1;
        Files.writeString(checkpoint, Json.createObjectBuilder(exported)
                .add("signature", Base64.getEncoder().encodeToString(signature)).build().toString());
        Result forged = kmsctl("audit", "verify", "--checkpoint", checkpoint.toString(), "-o", "json");
        assertEquals(1, forged.exitCode(), forged.stdout() + forged.stderr());
        assertFalse(json(forged).getBoolean("intact"));
    }

    @Test
    void usersAndCredentialsAreManagedAndADisabledCredentialIsRefused() {
        String user = uniqueAlias("cli-auditor");
        Result created = run(Map.of("SELFKMS_USER_PASSWORD", "Auditor-Passw0rd-" + user), "", "users", "create", user, "--role", "AUDITOR");
        assertEquals(0, created.exitCode(), created.stderr());
        assertTrue(kmsctl("users", "list").stdout().matches("(?s).*\n" + user + " +AUDITOR .*"));

        Result credential = kmsctl("credentials", "create", "--user", user, "-o", "json");
        assertEquals(0, credential.exitCode(), credential.stderr());
        String newId = json(credential).getString("secretId");
        String newKey = json(credential).getString("secretKey");
        JsonObject listed = json(kmsctl("credentials", "list", "-o", "json")).getJsonArray("credentials").stream()
                .map(JsonObject.class::cast).filter(c -> c.getString("secretId").equals(newId)).findFirst().orElseThrow();
        assertFalse(listed.containsKey("secretKey"));
        Result tableCreate = kmsctl("credentials", "create", "--user", user);
        assertTrue(tableCreate.stdout().contains("secretKey") && tableCreate.stderr().contains("this once"), tableCreate.stderr());

        Map<String, String> asAuditor = Map.of("SELFKMS_URL", baseUrl(), "SELFKMS_SECRET_ID", newId, "SELFKMS_SECRET_KEY", newKey);
        assertEquals(0, run(asAuditor, "", "audit", "search", "--limit", "1").exitCode());
        Result forbidden = run(asAuditor, "", "credentials", "list");
        assertEquals(4, forbidden.exitCode(), "a role refusal is the server refusing");
        assertTrue(forbidden.stderr().contains("HTTP 403") && forbidden.stderr().contains("UNAUTHORIZED"), forbidden.stderr());

        assertEquals(0, kmsctl("credentials", "disable", newId).exitCode());
        assertFalse(json(kmsctl("credentials", "list", "-o", "json")).getJsonArray("credentials").stream()
                .map(JsonObject.class::cast).filter(c -> c.getString("secretId").equals(newId)).findFirst().orElseThrow().getBoolean("enabled"));
        assertEquals(3, run(asAuditor, "", "audit", "search", "--limit", "1").exitCode());
        assertEquals(0, kmsctl("credentials", "enable", newId).exitCode());
        assertEquals(0, run(asAuditor, "", "audit", "search", "--limit", "1").exitCode());
        assertEquals(0, kmsctl("credentials", "delete", newId).exitCode());
        assertEquals(0, kmsctl("users", "delete", user).exitCode());
        assertEquals(4, kmsctl("users", "delete", user).exitCode());
    }

    // ---------------------------------------------------------------- helpers

    record Result(int exitCode, byte[] stdoutBytes, String stderr) {
        String stdout() {
            return new String(stdoutBytes, StandardCharsets.UTF_8);
        }
    }

    private JsonObject describe(String key) {
        Result described = kmsctl("keys", "describe", key, "-o", "json");
        assertEquals(0, described.exitCode(), described.stderr());
        return json(described);
    }

    /** kmsctl with the login of {@link #login()}. */
    private Result kmsctl(String... args) {
        return run(Map.of(), "", args);
    }

    private Result run(Map<String, String> environment, String stdin, String... args) {
        return run(environment, stdin.getBytes(StandardCharsets.UTF_8), args);
    }

    /** One in-process run; the configuration directory is this test's unless the environment names another. */
    private Result run(Map<String, String> environment, byte[] stdin, String... args) {
        Map<String, String> env = new HashMap<>();
        env.put("SELFKMS_CONFIG_DIR", config.toString());
        env.putAll(environment);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exitCode = Kmsctl.execute(new Invocation(env, new ByteArrayInputStream(stdin),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), null), args);
        return new Result(exitCode, out.toByteArray(), err.toString(StandardCharsets.UTF_8));
    }

    private static JsonObject json(Result result) {
        assertEquals(1, result.stdout().lines().count(), "one line of JSON: " + result.stdout() + result.stderr());
        return Json.createReader(new StringReader(result.stdout())).readObject();
    }
}
