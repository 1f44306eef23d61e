package org.selfkms.it;

import com.tencentcloudapi.kms.v20190118.models.DescribeKeyRequest;
import com.tencentcloudapi.kms.v20190118.models.EncryptRequest;
import com.tencentcloudapi.kms.v20190118.models.ListKeyDetailRequest;
import com.tencentcloudapi.kms.v20190118.models.PostQuantumCryptoDecryptRequest;
import com.tencentcloudapi.kms.v20190118.models.PostQuantumCryptoVerifyRequest;
import com.tencentcloudapi.kms.v20190118.models.TagFilter;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.crypto.Cipher;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.selfkms.it.RestApiV1IT.assertProblem;
import static org.selfkms.it.RestApiV1IT.get;
import static org.selfkms.it.RestApiV1IT.json;
import static org.selfkms.it.RestApiV1IT.post;
import static org.selfkms.it.RestApiV1IT.send;

/**
 * The key resources of the REST door beyond create/list/enable/disable - lifecycle, aliases, tags, versions, key
 * pairs, BYOK import - checked against the outside world: signatures verify with the JDK and the Tencent SDK,
 * imported material decrypts what the SDK encrypts, what REST changes the SDK sees. Every new endpoint refuses bad
 * input with a problem and changes nothing; a key user and an auditor (made in the console, as an administrator
 * does) get 403 where their role stops.
 */
class RestApiV1KeysIT extends SdkKeyTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final byte[] MESSAGE = "pay 100 to bob".getBytes(StandardCharsets.UTF_8);
    private static String admin;

    @Deployment(name = "sql", order = 2, testable = false)
    public static WebArchive sqlAccess() {
        return ServerSql.archive();
    }

    @BeforeAll
    static void adminToken() throws Exception {
        admin = RestApiV1IT.token(secretId(), secretKey());
    }

    // ---------------------------------------------------------------- key pairs

    @Test
    void signaturesMadeThroughRestVerifyWithTheJdkAndTheSdk() throws Exception {
        record Case(String usage, String algorithm, String jdkKey, String jdkSignature) {
        }
        for (Case c : List.of(new Case("ASYMMETRIC_SIGN_VERIFY_ECC", "ECC_P256_R1", "EC", "SHA256withECDSA"),
                new Case("ASYMMETRIC_SIGN_VERIFY_RSA_2048", "RSA_PKCS1_SHA_256", "RSA", "SHA256withRSA"))) {
            String keyId = createRest(uniqueAlias("rest-sign"), "\"usage\":\"" + c.usage() + "\"");
            JsonObject publicKey = json(get("/keys/" + keyId + "/public-key", admin));
            assertEquals(keyId, publicKey.getString("keyId"));
            assertTrue(publicKey.getString("publicKeyPem").startsWith("-----BEGIN PUBLIC KEY-----"));
            PublicKey jdkKey = KeyFactory.getInstance(c.jdkKey())
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(publicKey.getString("publicKey"))));

            byte[] raw = signRest(keyId, c.algorithm(), "RAW", MESSAGE);
            byte[] digest = signRest(keyId, c.algorithm(), "DIGEST", MessageDigest.getInstance("SHA-256").digest(MESSAGE));
            for (byte[] signature : List.of(raw, digest)) {
                Signature jdk = Signature.getInstance(c.jdkSignature());
                jdk.initVerify(jdkKey);
                jdk.update(MESSAGE);
                assertTrue(jdk.verify(signature), c.algorithm() + ": the JDK accepts the signature");
                assertTrue(AsymmetricKeysIT.verify(keyId, c.algorithm(), "RAW", MESSAGE, signature),
                        c.algorithm() + ": the SDK's VerifyByAsymmetricKey accepts it");
                assertTrue(verifyRest(keyId, c.algorithm(), MESSAGE, signature));
            }
            byte[] other = "pay 900 to bob".getBytes(StandardCharsets.UTF_8);
            assertFalse(verifyRest(keyId, c.algorithm(), other, raw), "another message does not verify");
            assertFalse(AsymmetricKeysIT.verify(keyId, c.algorithm(), "RAW", other, raw));
            // and the other way round: what the SDK signed verifies through REST
            assertTrue(verifyRest(keyId, c.algorithm(), MESSAGE, AsymmetricKeysIT.sign(keyId, c.algorithm(), "RAW", MESSAGE)));
        }
    }

    @Test
    void asymmetricDecryptOpensWhatTheJdkEncryptedToThePublicKey() throws Exception {
        String keyId = createRest(uniqueAlias("rest-inbox"), "\"usage\":\"ASYMMETRIC_DECRYPT_RSA_2048\"");
        PublicKey publicKey = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(
                Base64.getDecoder().decode(json(get("/keys/" + keyId + "/public-key", admin)).getString("publicKey"))));
        byte[] secret = "the vault code is 2718".getBytes(StandardCharsets.UTF_8);
        byte[] ciphertext = oaepSha256(publicKey, secret);
        JsonObject opened = json(post("/keys/" + keyId + "/asymmetric-decrypt", "{\"algorithm\":\"RSAES_OAEP_SHA_256\",\"ciphertext\":\""
                + b64(ciphertext) + "\"}", admin));
        assertEquals(keyId, opened.getString("keyId"));
        assertArrayEquals(secret, Base64.getDecoder().decode(opened.getString("plaintext")));
        ciphertext[10] ^= 1;
        assertProblem(post("/keys/" + keyId + "/asymmetric-decrypt", "{\"algorithm\":\"RSAES_OAEP_SHA_256\",\"ciphertext\":\""
                + b64(ciphertext) + "\"}", admin), 400, "DECRYPT_FAILED");
        assertProblem(post("/keys/" + keyId + "/asymmetric-decrypt", "{\"algorithm\":\"SM2\",\"ciphertext\":\"" + b64(secret) + "\"}", admin),
                400, "INVALID_PARAMETER_VALUE");
    }

    @Test
    void postQuantumKeysSignAndEncryptThroughTheSameShape() throws Exception {
        String signer = createRest(uniqueAlias("rest-mldsa"), "\"usage\":\"ASYMMETRIC_SIGN_VERIFY_DILITHIUM\",\"protectionLevel\":\"SOFTWARE\"");
        byte[] signature = signRest(signer, "Dilithium", "RAW", MESSAGE);
        assertTrue(verifyRest(signer, "Dilithium", MESSAGE, signature));
        PostQuantumCryptoVerifyRequest verify = new PostQuantumCryptoVerifyRequest();
        verify.setKeyId(signer);
        verify.setMessage(b64(MESSAGE));
        verify.setSignatureValue(b64(signature));
        assertTrue(kms.PostQuantumCryptoVerify(verify).getSignatureValid(), "the SDK's PostQuantumCryptoVerify accepts it");

        String vault = createRest(uniqueAlias("rest-mlkem"), "\"usage\":\"ASYMMETRIC_Encrypt_Decrypt_Kyber_AES\",\"protectionLevel\":\"SOFTWARE\"");
        JsonObject sealed = json(post("/keys/" + vault + "/post-quantum-encrypt", "{\"plaintext\":\"" + b64(MESSAGE) + "\"}", admin));
        assertEquals(vault, sealed.getString("keyId"));
        PostQuantumCryptoDecryptRequest decrypt = new PostQuantumCryptoDecryptRequest();
        decrypt.setCiphertextBlob(sealed.getString("ciphertextBlob"));
        assertArrayEquals(MESSAGE, Base64.getDecoder().decode(kms.PostQuantumCryptoDecrypt(decrypt).getPlainText()), "the SDK opens it");
        JsonObject opened = json(post("/post-quantum-decrypt", "{\"ciphertextBlob\":\"" + sealed.getString("ciphertextBlob") + "\"}", admin));
        assertArrayEquals(MESSAGE, Base64.getDecoder().decode(opened.getString("plaintext")));
        assertProblem(post("/post-quantum-decrypt", "{\"ciphertextBlob\":\"" + encrypt(createKey(uniqueAlias("rest-sym"))) + "\"}", admin),
                400, "CIPHERTEXT_INVALID");
    }

    // ---------------------------------------------------------------- BYOK

    @Test
    void materialImportedThroughRestDecryptsWhatTheSdkEncrypts() throws Exception {
        String alias = uniqueAlias("rest-byok");
        JsonObject created = json(post("/keys", "{\"alias\":\"" + alias + "\",\"origin\":\"EXTERNAL\"}", admin));
        String keyId = created.getString("keyId");
        assertEquals("PendingImport", created.getString("state"));
        byte[] material = new byte[32];
        RANDOM.nextBytes(material);

        JsonObject imported = importRest(alias, material);
        assertEquals("Enabled", imported.getString("state"));
        assertEquals("EXTERNAL", imported.getString("origin"));
        String blob = encrypt(keyId);
        JsonObject decrypted = json(post("/decrypt", "{\"ciphertextBlob\":\"" + blob + "\"}", admin));
        assertEquals(PLAINTEXT, decrypted.getString("plaintext"), "REST decrypts what the SDK encrypted under the imported material");

        JsonObject deleted = json(send("DELETE", "/keys/" + alias + "/material", null, null, "Bearer " + admin));
        assertEquals("PendingImport", deleted.getString("state"));
        assertCode("ResourceUnavailable.CmkStateNotSupport", () -> decrypt(blob));

        byte[] otherMaterial = material.clone();
        otherMaterial[0] ^= 1;
        HttpResponse<String> refused = importRestResponse(alias, otherMaterial, null);
        assertProblem(refused, 400, "MATERIAL_NOT_MATCH");
        assertEquals("PendingImport", state(keyId), "refused material changed nothing");

        JsonObject again = importRest(alias, material);
        assertEquals("Enabled", again.getString("state"));
        assertEquals(PLAINTEXT, decrypt(blob), "the same material, imported again, decrypts the old ciphertext through the SDK");

        // a used import token is spent; a key generated by the KMS takes no material
        JsonObject parameters = json(post("/keys/" + alias + "/import-parameters", "{\"wrappingAlgorithm\":\"RSAES_OAEP_SHA_256\"}", admin));
        assertEquals(keyId, parameters.getString("keyId"));
        assertTrue(parameters.getString("parametersValidTo").matches("\\d{4}-\\d{2}-\\d{2}T[\\d:]+Z"));
        String generated = createRest(uniqueAlias("rest-notext"), null);
        assertProblem(post("/keys/" + generated + "/import-parameters", "{\"wrappingAlgorithm\":\"RSAES_OAEP_SHA_256\"}", admin),
                409, "KEY_NOT_EXTERNAL");
        assertProblem(send("DELETE", "/keys/" + generated + "/material", null, null, "Bearer " + admin), 409, "KEY_NOT_EXTERNAL");
    }

    @Test
    void materialWithAnExpiryShowsItsValidTo() throws Exception {
        String alias = uniqueAlias("rest-byok-exp");
        post("/keys", "{\"alias\":\"" + alias + "\",\"origin\":\"EXTERNAL\"}", admin);
        byte[] material = new byte[32];
        RANDOM.nextBytes(material);
        HttpResponse<String> response = importRestResponse(alias, material, "2031-01-02T03:04:05Z");
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("2031-01-02T03:04:05Z", json(response).getString("validTo"));
    }

    // ---------------------------------------------------------------- lifecycle, versions, aliases, tags

    @Test
    void rotationAddsVersionsAndOldCiphertextStillDecrypts() throws Exception {
        String alias = uniqueAlias("rest-rotate");
        String keyId = createRest(alias, null);
        String before = encrypt(keyId);
        assertProblem(post("/keys/" + alias + "/rotate", "", admin), 409, "ROTATION_NOT_SUPPORTED");
        assertFalse(json(get("/keys/" + alias + "/rotation", admin)).getBoolean("rotationEnabled"));
        assertEquals(204, post("/keys/" + alias + "/rotation/enable", "{\"rotateDays\":30}", admin).statusCode());
        assertTrue(json(get("/keys/" + alias + "/rotation", admin)).getBoolean("rotationEnabled"));
        assertEquals(30, json(get("/keys/" + alias, admin)).getInt("rotateDays"));
        assertEquals(2, json(post("/keys/" + alias + "/rotate", "", admin)).getInt("currentVersion"));
        JsonObject rotated = json(post("/keys/" + alias + "/rotate", "", admin));
        assertEquals(3, rotated.getInt("currentVersion"));
        assertTrue(rotated.containsKey("lastRotateTime"));

        List<JsonObject> versions = json(get("/keys/" + alias + "/versions", admin)).getJsonArray("versions").getValuesAs(JsonObject.class);
        assertEquals(List.of(1, 2, 3), versions.stream().map(v -> v.getInt("version")).toList());
        assertEquals(List.of(false, false, true), versions.stream().map(v -> v.getBoolean("current")).toList());
        assertEquals(PLAINTEXT, decrypt(before), "version 1 still decrypts");

        assertEquals(204, post("/keys/" + alias + "/rotation/disable", "", admin).statusCode());
        assertFalse(describe(keyId).getKeyRotationEnabled(), "the SDK sees rotation off");
    }

    @Test
    void rotationCanBeSetAtCreationAndARefusedPeriodMakesNoKey() throws Exception {
        String rotating = createRest(uniqueAlias("rest-rotating"), "\"rotateDays\":90");
        assertTrue(describe(rotating).getKeyRotationEnabled(), "the SDK sees rotation on from the start");
        assertEquals(90, json(get("/keys/" + rotating, admin)).getInt("rotateDays"));
        assertTrue(json(get("/keys/" + rotating, admin)).containsKey("nextRotateTime"), "the next rotation is scheduled");

        String tooShort = uniqueAlias("rest-rotating");
        assertProblem(post("/keys", "{\"alias\":\"" + tooShort + "\",\"rotateDays\":6}", admin), 400, "INVALID_PARAMETER_VALUE");
        String external = uniqueAlias("rest-rotating");
        assertProblem(post("/keys", "{\"alias\":\"" + external + "\",\"origin\":\"EXTERNAL\",\"rotateDays\":30}", admin),
                409, "ROTATION_NOT_SUPPORTED");
        String pair = uniqueAlias("rest-rotating");
        assertProblem(post("/keys", "{\"alias\":\"" + pair + "\",\"usage\":\"ASYMMETRIC_SIGN_VERIFY_ECC\",\"rotateDays\":30}", admin),
                400, "KEY_USAGE_INVALID");
        for (String refused : List.of(tooShort, external, pair)) {
            assertEquals(404, get("/keys/" + refused, admin).statusCode(), "no key " + refused + " was made");
        }
    }

    @Test
    void lifecycleChangesThroughRestAreWhatTheSdkSees() throws Exception {
        String alias = uniqueAlias("rest-life");
        String keyId = createRest(alias, null);
        assertEquals(204, send("PATCH", "/keys/" + alias, "{\"description\":\"ledger\"}".getBytes(StandardCharsets.UTF_8),
                "application/json", "Bearer " + admin).statusCode());
        assertEquals("ledger", describe(keyId).getDescription());
        String blob = encrypt(keyId);

        assertEquals(204, post("/keys/" + alias + "/archive", "", admin).statusCode());
        assertEquals("Archived", state(keyId));
        assertEquals(PLAINTEXT, json(post("/decrypt", "{\"ciphertextBlob\":\"" + blob + "\"}", admin)).getString("plaintext"),
                "an archived key still decrypts");
        assertProblem(post("/keys/" + alias + "/encrypt", "{\"plaintext\":\"" + PLAINTEXT + "\"}", admin), 409, "KEY_ARCHIVED");
        assertEquals(204, post("/keys/" + alias + "/unarchive", "", admin).statusCode());
        assertEquals("Enabled", state(keyId));

        assertProblem(post("/keys/" + alias + "/schedule-deletion", "{\"pendingWindowInDays\":7}", admin), 409, "KEY_SHOULD_BE_DISABLED");
        assertEquals(204, post("/keys/" + alias + "/disable", "", admin).statusCode());
        assertProblem(post("/keys/" + alias + "/schedule-deletion", "{\"pendingWindowInDays\":6}", admin), 400, "PENDING_WINDOW_INVALID");
        JsonObject scheduled = json(post("/keys/" + alias + "/schedule-deletion", "{\"pendingWindowInDays\":7}", admin));
        assertEquals("PendingDelete", state(keyId));
        assertEquals(java.time.Instant.parse(scheduled.getString("deletionDate")).getEpochSecond(), describe(keyId).getDeletionDate());
        assertProblem(send("PATCH", "/keys/" + alias, "{\"description\":\"x\"}".getBytes(StandardCharsets.UTF_8), "application/json",
                "Bearer " + admin), 409, "KEY_STATE_NOT_SUPPORTED");
        assertEquals(204, post("/keys/" + alias + "/cancel-deletion", "", admin).statusCode());
        assertEquals("Disabled", state(keyId));
        assertProblem(post("/keys/" + alias + "/cancel-deletion", "", admin), 409, "KEY_NOT_PENDING_DELETE");
    }

    @Test
    void anAliasChangedThroughRestIsWhatTheSdkUses() throws Exception {
        String oldAlias = uniqueAlias("rest-alias");
        String newAlias = uniqueAlias("rest-renamed");
        String keyId = createRest(oldAlias, null);
        assertEquals(204, send("PUT", "/keys/" + oldAlias + "/alias", ("{\"alias\":\"" + newAlias + "\"}").getBytes(StandardCharsets.UTF_8),
                "application/json", "Bearer " + admin).statusCode());
        assertEquals(newAlias, describe(keyId).getAlias(), "DescribeKey through the SDK shows the new alias");
        DescribeKeyRequest byAlias = new DescribeKeyRequest();
        byAlias.setKeyId("alias/" + newAlias);
        assertEquals(keyId, kms.DescribeKey(byAlias).getKeyMetadata().getKeyId(), "the SDK finds the key by its new alias");
        EncryptRequest encrypt = new EncryptRequest();
        encrypt.setKeyId(newAlias);
        encrypt.setPlaintext(PLAINTEXT);
        assertEquals(keyId, kms.Encrypt(encrypt).getKeyId());
        assertProblem(get("/keys/" + oldAlias, admin), 404, "KEY_NOT_FOUND");
        assertEquals(keyId, json(get("/keys?search=" + newAlias, admin)).getJsonArray("keys").getJsonObject(0).getString("keyId"));

        String other = uniqueAlias("rest-taken");
        createRest(other, null);
        assertProblem(send("PUT", "/keys/" + newAlias + "/alias", ("{\"alias\":\"" + other + "\"}").getBytes(StandardCharsets.UTF_8),
                "application/json", "Bearer " + admin), 409, "ALIAS_EXISTS");
        assertEquals(newAlias, describe(keyId).getAlias());
    }

    @Test
    void tagsRoundTripAndSelectKeysThroughBothDoors() throws Exception {
        String team = "team-" + Long.toString(System.nanoTime(), 36);
        String alias = uniqueAlias("rest-tags");
        String keyId = createRest(alias, "\"tags\":{\"team\":\"" + team + "\"}");
        String other = createRest(uniqueAlias("rest-tags-other"), "\"tags\":{\"team\":\"" + team + "-other\"}");
        assertEquals(204, post("/keys/" + alias + "/tags", "{\"tags\":{\"env\":\"prod\",\"cost/centre\":\"4711\",\"team\":\"" + team + "\"}}",
                admin).statusCode());
        assertEquals(Map.of("team", team, "env", "prod", "cost/centre", "4711"), tags(alias));
        assertEquals(204, post("/keys/" + alias + "/tags", "{\"tags\":{\"env\":\"staging\"}}", admin).statusCode());
        assertEquals("staging", tags(alias).get("env"), "a value is replaced");
        assertEquals(204, send("DELETE", "/keys/" + alias + "/tags/cost/centre", null, null, "Bearer " + admin).statusCode());
        assertEquals(204, send("DELETE", "/keys/" + alias + "/tags/not-there", null, null, "Bearer " + admin).statusCode());
        assertEquals(Map.of("team", team, "env", "staging"), tags(alias));

        assertEquals(List.of(keyId), listedIds("tagKey=team&tagValue=" + team));
        assertEquals(List.of(other), listedIds("tagKey=team&tagValue=" + team + "-other"));
        assertTrue(listedIds("tagKey=team").containsAll(List.of(keyId, other)));
        ListKeyDetailRequest request = new ListKeyDetailRequest();
        TagFilter filter = new TagFilter();
        filter.setTagKey("env");
        filter.setTagValue(new String[]{"staging"});
        TagFilter teamFilter = new TagFilter();
        teamFilter.setTagKey("team");
        teamFilter.setTagValue(new String[]{team});
        request.setTagFilters(new TagFilter[]{filter, teamFilter});
        assertEquals(List.of(keyId), Arrays.stream(kms.ListKeyDetail(request).getKeyMetadatas()).map(k -> k.getKeyId()).toList(),
                "the SDK's ListKeyDetail sees the tags set through REST");

        // a tag-filtered listing pages with cursors bound to that filter
        String cursor = json(get("/keys?limit=1&tagKey=team", admin)).getString("nextCursor");
        assertProblem(get("/keys?limit=1&tagKey=env&cursor=" + cursor, admin), 400, "INVALID_PARAMETER_VALUE");
    }

    @Test
    void everyNewResourceIsAuditedThroughTheRestDoorServedOrRefused() throws Exception {
        String keyId = createRest(uniqueAlias("rest-audit"), null);
        String signer = createRest(uniqueAlias("rest-audit-sign"), "\"usage\":\"ASYMMETRIC_SIGN_VERIFY_ECC\"");
        assertEquals(204, post("/keys/" + keyId + "/rotation/enable", "{}", admin).statusCode());
        assertEquals(200, post("/keys/" + keyId + "/rotate", "", admin).statusCode());
        assertEquals(200, get("/keys/" + keyId + "/versions", admin).statusCode());
        assertEquals(204, post("/keys/" + keyId + "/tags", "{\"tags\":{\"a\":\"b\"}}", admin).statusCode());
        signRest(signer, "ECC_P256_R1", "RAW", MESSAGE);
        assertProblem(post("/keys/" + keyId + "/schedule-deletion", "{\"pendingWindowInDays\":7}", admin), 409, "KEY_SHOULD_BE_DISABLED");
        assertProblem(post("/keys/" + keyId + "/archive", "{\"colour\":1}", admin), 400, "INVALID_PARAMETER");
        String principal = secretId();
        assertEquals("rest\t" + principal + "\tEnableKeyRotation\tALLOWED", ServerSql.auditOf(keyId, "EnableKeyRotation"));
        assertEquals("rest\t" + principal + "\tRotateKey\tALLOWED", ServerSql.auditOf(keyId, "RotateKey"));
        assertEquals("rest\t" + principal + "\tListKeyVersions\tALLOWED", ServerSql.auditOf(keyId, "ListKeyVersions"));
        assertEquals("rest\t" + principal + "\tTagKey\tALLOWED", ServerSql.auditOf(keyId, "TagKey"));
        assertEquals("rest\t" + principal + "\tSignByAsymmetricKey\tALLOWED", ServerSql.auditOf(signer, "SignByAsymmetricKey"));
        assertEquals("rest\t" + principal + "\tScheduleKeyDeletion\tDENIED", ServerSql.auditOf(keyId, "ScheduleKeyDeletion"));
        assertEquals("rest\t" + principal + "\tArchiveKey\tDENIED", ServerSql.auditOf(keyId, "ArchiveKey"), "bad input is audited too");
    }

    @Test
    void aKeyNamedByAliasIsAuditedUnderItsKeyId() throws Exception {
        String alias = uniqueAlias("rest-audit-alias");
        String keyId = createRest(alias, null);
        assertEquals(204, post("/keys/" + alias + "/disable", "", admin).statusCode());
        assertProblem(post("/keys/" + alias + "/encrypt", "{\"plaintext\":\"" + b64(MESSAGE) + "\"}", admin), 409, "KEY_DISABLED");
        assertEquals(200, get("/keys/" + alias + "/tags", admin).statusCode());
        String principal = secretId();
        assertEquals("rest\t" + principal + "\tDisableKey\tALLOWED", ServerSql.auditOf(keyId, "DisableKey"));
        assertEquals("rest\t" + principal + "\tEncrypt\tDENIED", ServerSql.auditOf(keyId, "Encrypt"),
                "a refused request that resolved its key is audited under the key id too");
        assertEquals("rest\t" + principal + "\tListKeyTags\tALLOWED", ServerSql.auditOf(keyId, "ListKeyTags"));
        assertEquals("", ServerSql.run("SELECT action FROM kms_audit_record WHERE key_id = '" + alias + "'").trim(),
                "no record names the alias");
    }

    // ---------------------------------------------------------------- bad input changes nothing

    @Test
    void badInputOnEveryNewEndpointIsRefusedAndChangesNothing() throws Exception {
        String alias = uniqueAlias("rest-strict");
        String keyId = createRest(alias, "\"tags\":{\"team\":\"strict\"}");
        String signer = createRest(uniqueAlias("rest-strict-sign"), "\"usage\":\"ASYMMETRIC_SIGN_VERIFY_ECC\"");
        String external = uniqueAlias("rest-strict-ext");
        post("/keys", "{\"alias\":\"" + external + "\",\"origin\":\"EXTERNAL\"}", admin);
        String key = "/keys/" + alias;
        String pair = "/keys/" + signer;
        String ext = "/keys/" + external;
        String before = json(get(key, admin)).toString();
        String externalBefore = json(get(ext, admin)).toString();
        String token = json(post(ext + "/import-parameters", "{\"wrappingAlgorithm\":\"RSAES_OAEP_SHA_256\"}", admin)).getString("importToken");
        String longMessage = b64(new byte[6000]); // beyond the Base64 length of 4096 bytes

        List<Object[]> cases = new ArrayList<>(List.of(
                // method, path, body, status, code
                new Object[]{"PATCH", key, "{\"description\":\"x\",\"alias\":\"y\"}", 400, "INVALID_PARAMETER"},
                new Object[]{"PATCH", key, "{\"description\":7}", 400, "INVALID_PARAMETER"},
                new Object[]{"PATCH", key, "{\"description\":\"" + "d".repeat(1025) + "\"}", 400, "INVALID_PARAMETER_VALUE"},
                new Object[]{"PATCH", key, "{}", 400, "MISSING_PARAMETER"},
                new Object[]{"PATCH", key, "{\"description\":", 400, "MALFORMED_REQUEST"},
                new Object[]{"PUT", key + "/alias", "{\"alias\":\"bad alias!\"}", 400, "ALIAS_INVALID"},
                new Object[]{"PUT", key + "/alias", "{\"alias\":\"" + "a".repeat(61) + "\"}", 400, "INVALID_PARAMETER_VALUE"},
                new Object[]{"PUT", key + "/alias", "{\"alias\":[\"x\"]}", 400, "INVALID_PARAMETER"},
                new Object[]{"PUT", key + "/alias", "{}", 400, "MISSING_PARAMETER"},
                new Object[]{"POST", key + "/schedule-deletion", "{\"pendingWindowInDays\":\"7\"}", 400, "INVALID_PARAMETER"},
                new Object[]{"POST", key + "/schedule-deletion", "{\"pendingWindowInDays\":7.5}", 400, "INVALID_PARAMETER"},
                new Object[]{"POST", key + "/schedule-deletion", "{}", 400, "MISSING_PARAMETER"},
                new Object[]{"POST", key + "/cancel-deletion", "{\"now\":true}", 400, "INVALID_PARAMETER"},
                new Object[]{"POST", key + "/archive", "{\"x\":1}", 400, "INVALID_PARAMETER"},
                new Object[]{"POST", key + "/unarchive", "[]", 400, "MALFORMED_REQUEST"},
                new Object[]{"POST", key + "/rotation/enable", "{\"rotateDays\":6}", 400, "INVALID_PARAMETER_VALUE"},
                new Object[]{"POST", key + "/rotation/enable", "{\"rotateDays\":\"90\"}", 400, "INVALID_PARAMETER"},
                new Object[]{"POST", key + "/rotation/enable", "{\"days\":90}", 400, "INVALID_PARAMETER"},
                new Object[]{"POST", key + "/rotation/disable", "{\"x\":1}", 400, "INVALID_PARAMETER"},
                new Object[]{"POST", key + "/rotate", "{\"x\":1}", 400, "INVALID_PARAMETER"},
                new Object[]{"POST", key + "/tags", "{\"tags\":{\"qcloud:x\":\"y\"}}", 400, "TAG_INVALID"},
                new Object[]{"POST", key + "/tags", "{\"tags\":{\"env\":\"semi;colon\"}}", 400, "TAG_INVALID"},
                new Object[]{"POST", key + "/tags", "{\"tags\":{\"env\":1}}", 400, "INVALID_PARAMETER"},
                new Object[]{"POST", key + "/tags", "{\"tags\":[\"env\"]}", 400, "INVALID_PARAMETER"},
                new Object[]{"POST", key + "/tags", "{\"tags\":{}}", 400, "MISSING_PARAMETER"},
                new Object[]{"POST", key + "/tags", "{\"tags\":{\"env\":\"" + "v".repeat(256) + "\"}}", 400, "INVALID_PARAMETER_VALUE"},
                new Object[]{"DELETE", key + "/tags/" + "k".repeat(128), "", 400, "TAG_INVALID"},
                new Object[]{"DELETE", key + "/tags/team", "{\"all\":true}", 400, "INVALID_PARAMETER"},
                new Object[]{"POST", pair + "/sign", "{\"algorithm\":\"ECC_P256_R1\",\"message\":\"not base64!\"}", 400, "INVALID_PARAMETER"},
                new Object[]{"POST", pair + "/sign", "{\"algorithm\":\"ECC_P256_R1\",\"message\":\"" + longMessage + "\"}", 400, "INVALID_PARAMETER_VALUE"},
                new Object[]{"POST", pair + "/sign", "{\"algorithm\":\"ECC_P256_R1\",\"message\":\"aGk=\",\"messageType\":\"HASH\"}", 400, "INVALID_PARAMETER_VALUE"},
                new Object[]{"POST", pair + "/sign", "{\"algorithm\":\"ECC_P256_R1\",\"message\":\"aGk=\",\"messageType\":\"DIGEST\"}", 400, null},
                new Object[]{"POST", pair + "/sign", "{\"algorithm\":\"RSA_PSS_SHA_256\",\"message\":\"aGk=\"}", 400, null},
                new Object[]{"POST", pair + "/sign", "{\"message\":\"aGk=\"}", 400, "MISSING_PARAMETER"},
                new Object[]{"POST", pair + "/sign", "{\"algorithm\":\"ECC_P256_R1\",\"message\":\"aGk=\",\"key\":\"x\"}", 400, "INVALID_PARAMETER"},
                new Object[]{"POST", key + "/sign", "{\"algorithm\":\"ECC_P256_R1\",\"message\":\"aGk=\"}", 400, "KEY_USAGE_INVALID"},
                new Object[]{"POST", pair + "/verify", "{\"algorithm\":\"ECC_P256_R1\",\"message\":\"aGk=\"}", 400, "MISSING_PARAMETER"},
                new Object[]{"POST", pair + "/verify", "{\"algorithm\":\"ECC_P256_R1\",\"message\":\"aGk=\",\"signature\":\"%%%\"}", 400, "INVALID_PARAMETER"},
                new Object[]{"POST", pair + "/verify", "{\"algorithm\":\"ECC_P256_R1\",\"message\":\"aGk=\",\"signature\":true}", 400, "INVALID_PARAMETER"},
                new Object[]{"POST", pair + "/asymmetric-decrypt", "{\"algorithm\":\"RSAES_OAEP_SHA_256\",\"ciphertext\":\"aGk=\"}", 400, "KEY_USAGE_INVALID"},
                new Object[]{"POST", pair + "/asymmetric-decrypt", "{\"algorithm\":\"RSAES_OAEP_SHA_256\",\"ciphertext\":\"" + b64(new byte[9000]) + "\"}",
                        400, "INVALID_PARAMETER_VALUE"},
                new Object[]{"POST", pair + "/asymmetric-decrypt", "{\"ciphertext\":\"aGk=\"}", 400, "MISSING_PARAMETER"},
                new Object[]{"POST", key + "/post-quantum-encrypt", "{\"plaintext\":\"aGk=\"}", 400, "KEY_USAGE_INVALID"},
                new Object[]{"POST", key + "/post-quantum-encrypt", "{\"plaintext\":\"" + longMessage + "\"}", 400, "INVALID_PARAMETER_VALUE"},
                new Object[]{"POST", "/post-quantum-decrypt", "{\"ciphertextBlob\":\"AAAA\"}", 400, "CIPHERTEXT_INVALID"},
                new Object[]{"POST", "/post-quantum-decrypt", "{\"ciphertextBlob\":\"" + "A".repeat(16 * 1024 + 1) + "\"}", 400, "INVALID_PARAMETER_VALUE"},
                new Object[]{"POST", "/post-quantum-decrypt", "{}", 400, "MISSING_PARAMETER"},
                new Object[]{"POST", ext + "/import-parameters", "{\"wrappingAlgorithm\":\"RSAES_OAEP_SHA_512\"}", 400, "INVALID_PARAMETER_VALUE"},
                new Object[]{"POST", ext + "/import-parameters", "{\"wrappingAlgorithm\":\"RSAES_OAEP_SHA_256\",\"wrappingKeySpec\":\"RSA_4096\"}",
                        400, "INVALID_PARAMETER_VALUE"},
                new Object[]{"POST", ext + "/import-parameters", "{}", 400, "MISSING_PARAMETER"},
                new Object[]{"PUT", ext + "/material", "{\"importToken\":\"" + token + "\",\"encryptedKeyMaterial\":\"not base64\"}", 400, "INVALID_PARAMETER"},
                new Object[]{"PUT", ext + "/material", "{\"importToken\":\"" + token + "\",\"encryptedKeyMaterial\":\"" + b64(new byte[2000]) + "\"}",
                        400, "INVALID_PARAMETER_VALUE"},
                new Object[]{"PUT", ext + "/material", "{\"importToken\":\"" + token + "\",\"encryptedKeyMaterial\":\"" + b64(new byte[256]) + "\"}",
                        400, "MATERIAL_DECRYPT_FAILED"},
                new Object[]{"PUT", ext + "/material", "{\"importToken\":\"" + token + "\",\"encryptedKeyMaterial\":\"aGk=\",\"validTo\":\"tomorrow\"}",
                        400, "INVALID_PARAMETER_VALUE"},
                new Object[]{"PUT", ext + "/material", "{\"importToken\":\"" + token + "\",\"encryptedKeyMaterial\":\"aGk=\",\"validTo\":\"2001-01-01T00:00:00Z\"}",
                        400, "INVALID_PARAMETER_VALUE"},
                new Object[]{"PUT", ext + "/material", "{\"importToken\":\"forged\",\"encryptedKeyMaterial\":\"aGk=\"}", 400, "IMPORT_TOKEN_INVALID"},
                new Object[]{"PUT", ext + "/material", "{\"importToken\":\"" + "t".repeat(257) + "\",\"encryptedKeyMaterial\":\"aGk=\"}",
                        400, "INVALID_PARAMETER_VALUE"},
                new Object[]{"PUT", ext + "/material", "{\"encryptedKeyMaterial\":\"aGk=\"}", 400, "MISSING_PARAMETER"},
                new Object[]{"DELETE", ext + "/material", "{\"force\":true}", 400, "INVALID_PARAMETER"},
                new Object[]{"GET", "/keys?tagValue=x", null, 400, "INVALID_PARAMETER"},
                new Object[]{"GET", "/keys?tagKey=" + "k".repeat(128), null, 400, "TAG_INVALID"},
                new Object[]{"GET", "/keys/bad%21ref/versions", null, 400, "KEY_ID_INVALID"},
                new Object[]{"GET", "/keys/00000000-0000-0000-0000-000000000000/tags", null, 404, "KEY_NOT_FOUND"},
                new Object[]{"POST", "/keys/00000000-0000-0000-0000-000000000000/rotate", "", 404, "KEY_NOT_FOUND"}));
        for (Object[] c : cases) {
            byte[] body = c[2] == null ? null : ((String) c[2]).getBytes(StandardCharsets.UTF_8);
            HttpResponse<String> response = send((String) c[0], (String) c[1], body, body == null ? null : "application/json", "Bearer " + admin);
            if (c[4] == null) {
                assertEquals(c[3], response.statusCode(), c[0] + " " + c[1] + " " + c[2] + " -> " + response.body());
            } else {
                assertProblem(response, (Integer) c[3], (String) c[4]);
            }
        }
        byte[] huge = ("{\"description\":\"" + "d".repeat(70_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        assertProblem(send("PATCH", key, huge, "application/json", "Bearer " + admin), 413, "MALFORMED_REQUEST");
        assertProblem(send("PUT", key + "/alias", "{\"alias\":\"x\"}".getBytes(StandardCharsets.UTF_8), "text/plain", "Bearer " + admin),
                415, "MALFORMED_REQUEST");

        assertEquals(before, json(get(key, admin)).toString(), "no refused request changed the key");
        assertEquals(Map.of("team", "strict"), tags(alias));
        assertEquals(1, json(get(key + "/versions", admin)).getJsonArray("versions").size());
        assertEquals(externalBefore, json(get(ext, admin)).toString(), "no refused import changed the external key");
        assertEquals(keyId, json(get(key, admin)).getString("keyId"));
    }

    // ---------------------------------------------------------------- roles (kms-ejb's checks, through this door)

    @Test
    void aKeyUserAndAnAuditorAreRefusedWhereTheirRoleEnds() throws Exception {
        String[][] credentials = keyUserAndAuditorCredentials();
        String keyUser = RestApiV1IT.token(credentials[0][0], credentials[0][1]);
        String auditor = RestApiV1IT.token(credentials[1][0], credentials[1][1]);
        String service = RestApiV1IT.token(ServicePrincipals.credential("cos")[0], ServicePrincipals.credential("cos")[1]);
        String alias = uniqueAlias("rest-roles");
        createRest(alias, "\"tags\":{\"team\":\"roles\"}");
        assertEquals(204, post("/keys/" + alias + "/rotation/enable", "{}", admin).statusCode());
        String signer = createRest(uniqueAlias("rest-roles-sign"), "\"usage\":\"ASYMMETRIC_SIGN_VERIFY_ECC\"");
        String external = uniqueAlias("rest-roles-ext");
        post("/keys", "{\"alias\":\"" + external + "\",\"origin\":\"EXTERNAL\"}", admin);
        String before = json(get("/keys/" + alias, admin)).toString();
        String sign = "{\"algorithm\":\"ECC_P256_R1\",\"message\":\"" + b64(MESSAGE) + "\"}";

        // every role but SERVICE reads
        for (String reader : List.of(keyUser, auditor)) {
            assertEquals(200, get("/keys/" + alias + "/versions", reader).statusCode());
            assertEquals(200, get("/keys/" + alias + "/tags", reader).statusCode());
            assertEquals(200, get("/keys/" + alias + "/rotation", reader).statusCode());
            assertEquals(200, get("/keys/" + signer + "/public-key", reader).statusCode());
        }
        assertProblem(get("/keys/" + alias + "/versions", service), 403, "UNAUTHORIZED");

        // a key user signs and verifies, but changes no key
        byte[] signature = Base64.getDecoder().decode(json(post("/keys/" + signer + "/sign", sign, keyUser)).getString("signature"));
        assertTrue(verifyRest(signer, "ECC_P256_R1", MESSAGE, signature));
        assertEquals(200, post("/keys/" + signer + "/sign", sign, service).statusCode(), "a service uses keys");
        List<String[]> changes = List.of(
                new String[]{"POST", "/keys/" + alias + "/rotate", ""},
                new String[]{"PUT", "/keys/" + alias + "/alias", "{\"alias\":\"" + uniqueAlias("stolen") + "\"}"},
                new String[]{"PATCH", "/keys/" + alias, "{\"description\":\"mine\"}"},
                new String[]{"POST", "/keys/" + alias + "/archive", ""},
                new String[]{"POST", "/keys/" + alias + "/rotation/disable", ""},
                new String[]{"POST", "/keys/" + alias + "/tags", "{\"tags\":{\"team\":\"mine\"}}"},
                new String[]{"DELETE", "/keys/" + alias + "/tags/team", ""},
                new String[]{"POST", "/keys/" + external + "/import-parameters", "{\"wrappingAlgorithm\":\"RSAES_OAEP_SHA_256\"}"},
                new String[]{"DELETE", "/keys/" + external + "/material", ""});
        for (String caller : List.of(keyUser, auditor, service)) {
            for (String[] change : changes) {
                byte[] body = change[2].getBytes(StandardCharsets.UTF_8);
                assertProblem(send(change[0], change[1], body, body.length == 0 ? null : "application/json", "Bearer " + caller),
                        403, "UNAUTHORIZED");
            }
        }
        // an auditor uses no key
        assertProblem(post("/keys/" + signer + "/sign", sign, auditor), 403, "UNAUTHORIZED");
        assertProblem(post("/keys/" + signer + "/verify", "{\"algorithm\":\"ECC_P256_R1\",\"message\":\"" + b64(MESSAGE)
                + "\",\"signature\":\"" + b64(signature) + "\"}", auditor), 403, "UNAUTHORIZED");

        assertEquals(before, json(get("/keys/" + alias, admin)).toString(), "the refused requests changed nothing");
        assertEquals(Map.of("team", "roles"), tags(alias));
        assertEquals("PendingImport", json(get("/keys/" + external, admin)).getString("state"));
    }

    // ---------------------------------------------------------------- helpers

    /** A key user's and an auditor's API credentials, made in the console as an administrator does. */
    private static String[][] keyUserAndAuditorCredentials() throws Exception {
        String keyUser = uniqueAlias("rest-keyuser");
        String auditor = uniqueAlias("rest-auditor");
        try (ConsoleBrowser browser = ConsoleBrowser.start(baseUrl())) {
            AccessPage.open(browser, adminUsername(), adminPassword());
            AccessPage.addUser(browser, keyUser, "KEY_USER", "rest-keys-password-1");
            AccessPage.addUser(browser, auditor, "AUDITOR", "rest-keys-password-1");
            return new String[][]{AccessPage.newCredential(browser, keyUser), AccessPage.newCredential(browser, auditor)};
        }
    }

    /** Creates a key through REST ({@code extra}: more JSON members, or null) and returns its id. */
    private static String createRest(String alias, String extra) throws Exception {
        HttpResponse<String> created = post("/keys", "{\"alias\":\"" + alias + "\"" + (extra == null ? "" : "," + extra) + "}", admin);
        assertEquals(201, created.statusCode(), created.body());
        return json(created).getString("keyId");
    }

    private static byte[] signRest(String keyRef, String algorithm, String messageType, byte[] message) throws Exception {
        HttpResponse<String> response = post("/keys/" + keyRef + "/sign", "{\"algorithm\":\"" + algorithm + "\",\"messageType\":\""
                + messageType + "\",\"message\":\"" + b64(message) + "\"}", admin);
        assertEquals(200, response.statusCode(), response.body());
        return Base64.getDecoder().decode(json(response).getString("signature"));
    }

    private static boolean verifyRest(String keyRef, String algorithm, byte[] message, byte[] signature) throws Exception {
        HttpResponse<String> response = post("/keys/" + keyRef + "/verify", "{\"algorithm\":\"" + algorithm + "\",\"message\":\""
                + b64(message) + "\",\"signature\":\"" + b64(signature) + "\"}", admin);
        assertEquals(200, response.statusCode(), response.body());
        return json(response).getBoolean("signatureValid");
    }

    private static JsonObject importRest(String keyRef, byte[] material) throws Exception {
        HttpResponse<String> response = importRestResponse(keyRef, material, null);
        assertEquals(200, response.statusCode(), response.body());
        return json(response);
    }

    /** Fresh import parameters, the material wrapped with RSA-OAEP-SHA-256 by the JDK, and the import. */
    private static HttpResponse<String> importRestResponse(String keyRef, byte[] material, String validTo) throws Exception {
        JsonObject parameters = json(post("/keys/" + keyRef + "/import-parameters", "{\"wrappingAlgorithm\":\"RSAES_OAEP_SHA_256\"}", admin));
        PublicKey wrappingKey = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(
                Base64.getDecoder().decode(parameters.getString("publicKey"))));
        return send("PUT", "/keys/" + keyRef + "/material", ("{\"importToken\":\"" + parameters.getString("importToken")
                + "\",\"encryptedKeyMaterial\":\"" + b64(oaepSha256(wrappingKey, material)) + "\""
                + (validTo == null ? "" : ",\"validTo\":\"" + validTo + "\"") + "}").getBytes(StandardCharsets.UTF_8),
                "application/json", "Bearer " + admin);
    }

    private static byte[] oaepSha256(PublicKey key, byte[] data) throws Exception {
        Cipher cipher = Cipher.getInstance("RSA/ECB/OAEPWithSHA-256AndMGF1Padding");
        cipher.init(Cipher.ENCRYPT_MODE, key, new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, PSource.PSpecified.DEFAULT));
        return cipher.doFinal(data);
    }

    private static Map<String, String> tags(String keyRef) throws Exception {
        Map<String, String> tags = new java.util.TreeMap<>();
        json(get("/keys/" + keyRef + "/tags", admin)).getJsonObject("tags").forEach((k, v) -> tags.put(k, ((jakarta.json.JsonString) v).getString()));
        return tags;
    }

    private static List<String> listedIds(String query) throws Exception {
        return json(get("/keys?" + query, admin)).getJsonArray("keys").getValuesAs(JsonObject.class).stream()
                .map(k -> k.getString("keyId")).toList();
    }

    private static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
