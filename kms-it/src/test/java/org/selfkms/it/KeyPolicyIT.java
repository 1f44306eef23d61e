package org.selfkms.it;

import com.tencentcloudapi.common.exception.TencentCloudSDKException;
import com.tencentcloudapi.kms.v20190118.KmsClient;
import com.tencentcloudapi.kms.v20190118.models.DecryptRequest;
import com.tencentcloudapi.kms.v20190118.models.DescribeKeyRequest;
import com.tencentcloudapi.kms.v20190118.models.EncryptRequest;
import com.tencentcloudapi.kms.v20190118.models.GenerateDataKeyRequest;
import com.tencentcloudapi.kms.v20190118.models.ListKeysRequest;
import com.tencentcloudapi.kms.v20190118.models.Key;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.selfkms.it.RestApiV1IT.assertProblem;
import static org.selfkms.it.RestApiV1IT.get;
import static org.selfkms.it.RestApiV1IT.json;
import static org.selfkms.it.RestApiV1IT.post;
import static org.selfkms.it.RestApiV1IT.send;

/**
 * Per-key permissions through both doors: two key users of one tenant, each allowed only their own key by its
 * policy, are refused on the other's key exactly as on a key that does not exist (code, message, listing); a DENY
 * wins over an ALLOW; a policy never widens a role; the tenant administrator always sees and manages every key; a
 * policy change reaches the hot path at once; every refusal is audited as KEY_POLICY_DENIED under the key's id.
 */
class KeyPolicyIT extends SdkKeyTest {

    private static final String PASSWORD = "key-policy-password-1";

    private static String admin;
    private static String alice;
    private static String bob;
    private static String[] aliceCredential;
    private static String[] bobCredential;
    private static String[] auditorCredential;
    private static String aliceKey;
    private static String bobKey;
    private static String bobKeyAlias;
    private static String openKey;

    @BeforeAll
    static void twoKeyUsersWithAKeyEach() throws Exception {
        admin = RestApiV1IT.token(secretId(), secretKey());
        alice = createUser(uniqueAlias("alice"), "KEY_USER");
        bob = createUser(uniqueAlias("bob"), "KEY_USER");
        String auditor = createUser(uniqueAlias("auditor"), "AUDITOR");
        aliceCredential = createCredential(alice);
        bobCredential = createCredential(bob);
        auditorCredential = createCredential(auditor);
        aliceKey = createKey(uniqueAlias("alice-key"), onlyFor("user:" + alice));
        bobKeyAlias = uniqueAlias("bob-key");
        bobKey = createKey(bobKeyAlias, onlyFor("user:" + bob));
        openKey = createKey(uniqueAlias("open-key"), null);
    }

    @Test
    void aKeyUserAllowedKeyAOnlyIsRefusedOnKeyBAsOnAnUnknownKey() throws Exception {
        KmsClient asAlice = kms(aliceCredential[0], aliceCredential[1]);
        assertNotNull(asAlice.Encrypt(encryptUnder(aliceKey)).getCiphertextBlob());
        assertNotNull(asAlice.Encrypt(encryptUnder(openKey)).getCiphertextBlob(), "a key without a policy follows the role");

        String unknownKey = UUID.randomUUID().toString();
        assertSameRefusal(() -> asAlice.Encrypt(encryptUnder(unknownKey)), () -> asAlice.Encrypt(encryptUnder(bobKey)));
        assertSameRefusal(() -> asAlice.DescribeKey(describeOf(unknownKey)), () -> asAlice.DescribeKey(describeOf(bobKey)));
        GenerateDataKeyRequest dataKey = new GenerateDataKeyRequest();
        dataKey.setKeyId(bobKey);
        dataKey.setNumberOfBytes(32L);
        assertSameRefusal(() -> asAlice.Encrypt(encryptUnder(unknownKey)), () -> asAlice.GenerateDataKey(dataKey));

        // bob's data: alice is told what a damaged blob gets
        String bobsBlob = kms(bobCredential[0], bobCredential[1]).Encrypt(encryptUnder(bobKey)).getCiphertextBlob();
        String alicesBlob = asAlice.Encrypt(encryptUnder(aliceKey)).getCiphertextBlob();
        assertSameRefusal(() -> asAlice.Decrypt(decryptOf(damaged(alicesBlob))), () -> asAlice.Decrypt(decryptOf(bobsBlob)));
        assertEquals(PLAINTEXT, asAlice.Decrypt(decryptOf(alicesBlob)).getPlaintext());

        List<String> listed = Arrays.stream(asAlice.ListKeys(listAll()).getKeys()).map(Key::getKeyId).toList();
        assertTrue(listed.contains(aliceKey) && listed.contains(openKey), listed.toString());
        assertFalse(listed.contains(bobKey), "a key alice may not see is not listed to her");
        assertTrue(Arrays.stream(kms.ListKeys(listAll()).getKeys()).anyMatch(k -> k.getKeyId().equals(bobKey)),
                "the administrator's listing has it");

        // the REST door: the same answers
        String token = RestApiV1IT.token(aliceCredential[0], aliceCredential[1]);
        HttpResponse<String> unknown = get("/keys/" + unknownKey, token);
        HttpResponse<String> foreign = get("/keys/" + bobKey, token);
        assertProblem(foreign, 404, "KEY_NOT_FOUND");
        assertEquals(json(unknown).getString("detail"), json(foreign).getString("detail"));
        assertProblem(post("/keys/" + bobKey + "/encrypt", "{\"plaintext\":\"" + PLAINTEXT + "\"}", token), 404, "KEY_NOT_FOUND");
        assertProblem(get("/keys/" + bobKey + "/policy", token), 404, "KEY_NOT_FOUND");
        assertEquals(0, json(get("/keys?search=" + bobKeyAlias, token)).getInt("totalCount"), "not in alice's REST listing");
        assertEquals(1, json(get("/keys?search=" + bobKeyAlias, admin)).getInt("totalCount"));

        // the trail says why, under the key's id, for the tenant's auditors
        List<JsonObject> refused = records("keyId=" + bobKey + "&outcome=DENIED");
        assertTrue(refused.stream().anyMatch(r -> r.getString("errorCode").equals("KEY_POLICY_DENIED")
                && r.getString("principal").equals(aliceCredential[0]) && r.getString("action").equals("Encrypt")), refused.toString());
    }

    @Test
    void aDenyWinsAndAKeyUserWhoSeesTheKeyIsToldThePolicyRefuses() throws Exception {
        String keyId = createKey(uniqueAlias("deny"), "{\"statements\":["
                + "{\"effect\":\"ALLOW\",\"principals\":[\"*\"],\"operations\":[\"*\"]},"
                + "{\"effect\":\"DENY\",\"principals\":[\"credential:" + aliceCredential[0] + "\"],\"operations\":[\"DECRYPT\"]}]}");
        KmsClient asAlice = kms(aliceCredential[0], aliceCredential[1]);
        String blob = asAlice.Encrypt(encryptUnder(keyId)).getCiphertextBlob();
        assertCode("UnauthorizedOperation", () -> asAlice.Decrypt(decryptOf(blob)));
        assertEquals(PLAINTEXT, kms(bobCredential[0], bobCredential[1]).Decrypt(decryptOf(blob)).getPlaintext());
        assertEquals(keyId, asAlice.DescribeKey(describeOf(keyId)).getKeyMetadata().getKeyId());
    }

    @Test
    void aPolicyNeverWidensARole() throws Exception {
        String keyId = createKey(uniqueAlias("widen"), "{\"statements\":[{\"effect\":\"ALLOW\",\"principals\":[\"*\"],"
                + "\"operations\":[\"*\"]}]}");
        KmsClient asAuditor = kms(auditorCredential[0], auditorCredential[1]);
        assertCode("UnauthorizedOperation", () -> asAuditor.Encrypt(encryptUnder(keyId)));
        assertEquals(keyId, asAuditor.DescribeKey(describeOf(keyId)).getKeyMetadata().getKeyId());
    }

    @Test
    void theAdministratorAlwaysSeesAndManagesEveryKeyButUsesOnlyWhatThePolicyAllows() throws Exception {
        String keyId = createKey(uniqueAlias("admin"), onlyFor("user:" + alice));
        assertEquals(keyId, kms.DescribeKey(describeOf(keyId)).getKeyMetadata().getKeyId());
        assertCode("UnauthorizedOperation", () -> kms.Encrypt(encryptUnder(keyId)));
        assertTrue(Arrays.stream(kms.ListKeys(listAll()).getKeys()).anyMatch(k -> k.getKeyId().equals(keyId)));

        // a change reaches the hot path at once: alice was allowed, is refused after it, allowed again after removal
        KmsClient asAlice = kms(aliceCredential[0], aliceCredential[1]);
        assertNotNull(asAlice.Encrypt(encryptUnder(keyId)).getCiphertextBlob());
        HttpResponse<String> put = send("PUT", "/keys/" + keyId + "/policy", onlyFor("user:" + bob).getBytes(), "application/json",
                "Bearer " + admin);
        assertEquals(200, put.statusCode(), put.body());
        assertCode("ResourceUnavailable.CmkNotFound", () -> asAlice.Encrypt(encryptUnder(keyId)));
        assertEquals(List.of("user:" + bob), json(get("/keys/" + keyId + "/policy", admin)).getJsonArray("statements")
                .getJsonObject(0).getJsonArray("principals").getValuesAs(jakarta.json.JsonString.class).stream()
                .map(jakarta.json.JsonString::getString).toList());
        assertEquals(204, send("DELETE", "/keys/" + keyId + "/policy", null, null, "Bearer " + admin).statusCode());
        assertNotNull(asAlice.Encrypt(encryptUnder(keyId)).getCiphertextBlob());
        assertNotNull(kms.Encrypt(encryptUnder(keyId)).getCiphertextBlob());
        assertEquals("{\"statements\":[]}", get("/keys/" + keyId + "/policy", admin).body());
        assertTrue(records("keyId=" + keyId + "&action=PutKeyPolicy").stream()
                .anyMatch(r -> r.getString("outcome").equals("ALLOWED")), "the change is audited");
    }

    @Test
    void aServiceIsNamedByItsName() throws Exception {
        String keyId = createKey(uniqueAlias("service"), "{\"statements\":[{\"effect\":\"ALLOW\",\"principals\":[\"service:cos\"],"
                + "\"operations\":[\"GENERATE_DATA_KEY\"]}]}");
        KmsClient cos = ServicePrincipals.client("cos");
        GenerateDataKeyRequest dataKey = new GenerateDataKeyRequest();
        dataKey.setKeyId(keyId);
        dataKey.setNumberOfBytes(32L);
        assertNotNull(cos.GenerateDataKey(dataKey).getCiphertextBlob());
        assertCode("ResourceUnavailable.CmkNotFound", () -> cos.Encrypt(encryptUnder(keyId)));
    }

    @Test
    void aBadOrUnauthorisedPolicyChangeIsRefusedAndChangesNothing() throws Exception {
        String keyId = createKey(uniqueAlias("bad"), onlyFor("user:" + alice));
        String before = get("/keys/" + keyId + "/policy", admin).body();
        assertProblem(send("PUT", "/keys/" + keyId + "/policy", onlyFor("user:nobody-" + UUID.randomUUID().toString()
                .substring(0, 8)).getBytes(), "application/json", "Bearer " + admin), 400, "INVALID_PARAMETER_VALUE");
        assertProblem(send("PUT", "/keys/" + keyId + "/policy", "{\"statements\":[{\"effect\":\"ALLOW\"}]}".getBytes(),
                "application/json", "Bearer " + admin), 400, "INVALID_PARAMETER_VALUE");
        assertProblem(send("PUT", "/keys/" + keyId + "/policy", "{\"statements\":[],\"extra\":1}".getBytes(),
                "application/json", "Bearer " + admin), 400, "INVALID_PARAMETER");
        String aliceToken = RestApiV1IT.token(aliceCredential[0], aliceCredential[1]);
        assertProblem(send("PUT", "/keys/" + keyId + "/policy", onlyFor("user:" + alice).getBytes(), "application/json",
                "Bearer " + aliceToken), 403, "UNAUTHORIZED");
        assertProblem(post("/keys", "{\"alias\":\"" + uniqueAlias("bad-create") + "\",\"policy\":{\"statements\":[{"
                + "\"effect\":\"ALLOW\",\"principals\":[\"credential:AKIDnotthere\"],\"operations\":[\"*\"]}]}}", admin),
                400, "INVALID_PARAMETER_VALUE");
        assertEquals(before, get("/keys/" + keyId + "/policy", admin).body());

        // a service-managed key takes none
        KmsClient cbs = ServicePrincipals.client("cbs");
        EncryptRequest managed = new EncryptRequest();
        managed.setKeyId("alias/kms-cbs");
        managed.setPlaintext(PLAINTEXT);
        String managedKey = cbs.Encrypt(managed).getKeyId();
        assertProblem(send("PUT", "/keys/" + managedKey + "/policy", onlyFor("*").getBytes(), "application/json",
                "Bearer " + admin), 409, "KEY_NOT_USER_CREATED");
    }

    @Test
    void aDeletedUsersNameIsNotGivenAgainWhileAPolicyHoldsIt() throws Exception {
        String carol = createUser(uniqueAlias("carol"), "KEY_USER");
        String keyId = createKey(uniqueAlias("carol-key"), onlyFor("user:" + carol));
        assertEquals(204, send("DELETE", "/users/" + carol, null, null, "Bearer " + admin).statusCode());
        HttpResponse<String> again = post("/users", "{\"username\":\"" + carol + "\",\"role\":\"KEY_USER\",\"password\":\""
                + PASSWORD + "\"}", admin);
        assertProblem(again, 409, "IDENTITY_EXISTS");
        assertTrue(json(again).getString("detail").contains("still name user:" + carol), again.body());

        assertEquals(204, send("DELETE", "/keys/" + keyId + "/policy", null, null, "Bearer " + admin).statusCode());
        assertEquals(carol, createUser(carol, "KEY_USER"), "free again once no policy names it");
    }

    // ---------------------------------------------------------------- helpers

    private static String onlyFor(String principal) {
        return "{\"statements\":[{\"effect\":\"ALLOW\",\"principals\":[\"" + principal + "\"],\"operations\":[\"*\"]}]}";
    }

    /** Both calls are refused, with the same code and the same message. */
    private static void assertSameRefusal(Executable reference, Executable call) {
        TencentCloudSDKException expected = assertThrows(TencentCloudSDKException.class, reference);
        TencentCloudSDKException actual = assertThrows(TencentCloudSDKException.class, call);
        assertEquals(expected.getErrorCode(), actual.getErrorCode(), actual.getMessage());
        assertEquals(expected.getMessage(), actual.getMessage());
    }

    private static String createKey(String alias, String policy) throws Exception {
        HttpResponse<String> created = post("/keys", "{\"alias\":\"" + alias + "\"" + (policy == null ? "" : ",\"policy\":" + policy)
                + "}", admin);
        assertEquals(201, created.statusCode(), created.body());
        return json(created).getString("keyId");
    }

    private static String createUser(String username, String role) throws Exception {
        HttpResponse<String> created = post("/users", "{\"username\":\"" + username + "\",\"role\":\"" + role
                + "\",\"password\":\"" + PASSWORD + "\"}", admin);
        assertEquals(201, created.statusCode(), created.body());
        return username;
    }

    private static String[] createCredential(String user) throws Exception {
        HttpResponse<String> created = post("/credentials", "{\"user\":\"" + user + "\"}", admin);
        assertEquals(201, created.statusCode(), created.body());
        return new String[]{json(created).getString("secretId"), json(created).getString("secretKey")};
    }

    private static List<JsonObject> records(String query) throws Exception {
        HttpResponse<String> response = get("/audit-records?limit=500&" + query, admin);
        assertEquals(200, response.statusCode(), response.body());
        return json(response).getJsonArray("records").stream().map(JsonValue::asJsonObject).toList();
    }

    private static EncryptRequest encryptUnder(String keyId) {
        EncryptRequest request = new EncryptRequest();
        request.setKeyId(keyId);
        request.setPlaintext(PLAINTEXT);
        return request;
    }

    private static DecryptRequest decryptOf(String blob) {
        DecryptRequest request = new DecryptRequest();
        request.setCiphertextBlob(blob);
        return request;
    }

    private static DescribeKeyRequest describeOf(String keyId) {
        DescribeKeyRequest request = new DescribeKeyRequest();
        request.setKeyId(keyId);
        return request;
    }

    private static ListKeysRequest listAll() {
        ListKeysRequest request = new ListKeysRequest();
        request.setLimit(200L);
        return request;
    }

    /** The blob with one byte of its sealed part changed. */
    private static String damaged(String blob) {
        byte[] bytes = Base64.getDecoder().decode(blob);
        bytes[bytes.length - 1] ^= 1;
        return Base64.getEncoder().encodeToString(bytes);
    }
}
