package org.selfkms.it;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Protocol-level refusals the SDK cannot produce by itself. Each must be HTTP 200 with a Tencent error
 * envelope (anything else becomes an opaque ServerSideError in the SDK), never a 500 or a stack trace.
 */
class TencentProtocolIT extends DeployedKms {

    private static RawTencentClient raw;

    @BeforeAll
    static void client() {
        raw = new RawTencentClient("127.0.0.1:" + httpPort(), secretId(), secretKey());
    }

    private static long now() {
        return Instant.now().getEpochSecond();
    }

    private static void assertError(RawTencentClient.Answer answer, String code) {
        assertEquals(200, answer.status(), answer.body());
        assertTrue(answer.contentType().startsWith("application/json"), answer.contentType());
        assertNotNull(answer.response(), answer.body());
        assertEquals(code, answer.errorCode(), answer.body());
        assertFalse(answer.response().getString("RequestId").isEmpty());
        assertFalse(answer.body().contains("Exception"), "no Java exception text in a response: " + answer.body());
        assertFalse(answer.body().contains("\tat "), "no stack trace in a response");
    }

    @Test
    void signedRequestSucceeds() throws Exception {
        RawTencentClient.Answer answer = raw.post("ListKeys", "{\"Limit\":\"5\"}", now());
        assertEquals(200, answer.status());
        assertEquals(null, answer.errorCode(), answer.body());
        assertTrue(answer.response().containsKey("TotalCount"));
    }

    @Test
    void theActionSignedAsTencentsGuideShowsIsBoundToTheRequest() throws Exception {
        RawTencentClient.Answer created = raw.post("CreateKey", "{\"Alias\":\"" + uniqueAlias("signed-action") + "\"}", now());
        String keyId = created.response().getJsonObject("KeyMetadata") == null ? created.response().getString("KeyId")
                : created.response().getJsonObject("KeyMetadata").getString("KeyId");
        String body = "{\"KeyId\":\"" + keyId + "\"}";
        RawTencentClient.Answer described = raw.postSigningAction("DescribeKey", "DescribeKey", body, now());
        assertEquals(null, described.errorCode(), described.body());
        // the same signed request re-sent as DisableKey no longer matches its signature, and the key stays enabled
        assertError(raw.postSigningAction("DisableKey", "DescribeKey", body, now()), "AuthFailure.SignatureFailure");
        assertEquals("Enabled", raw.post("DescribeKey", body, now()).response().getJsonObject("KeyMetadata").getString("KeyState"));
    }

    /**
     * The SDK's other signing options, which this server does not take, are refused with a message that says so: the
     * legacy signature v1 (HmacSHA1, HmacSHA256) and the unsigned payload, under which a captured signature would
     * carry any body.
     */
    @Test
    void legacySignaturesAndUnsignedPayloadsAreRefusedClearly() {
        for (String legacy : List.of("HmacSHA1", "HmacSHA256")) {
            com.tencentcloudapi.common.profile.ClientProfile profile = plainHttpProfile(httpPort());
            profile.setSignMethod(legacy);
            com.tencentcloudapi.common.exception.TencentCloudSDKException refused = listKeysRefused(profile);
            assertEquals("AuthFailure.InvalidAuthorization", refused.getErrorCode(), legacy + ": " + refused.getMessage());
            assertTrue(refused.getMessage().contains("TC3-HMAC-SHA256"), refused.getMessage());
        }
        com.tencentcloudapi.common.profile.ClientProfile unsigned = plainHttpProfile(httpPort());
        unsigned.setUnsignedPayload(true);
        com.tencentcloudapi.common.exception.TencentCloudSDKException refused = listKeysRefused(unsigned);
        assertEquals("AuthFailure.InvalidAuthorization", refused.getErrorCode(), refused.getMessage());
        assertTrue(refused.getMessage().contains("UNSIGNED-PAYLOAD"), refused.getMessage());
    }

    /** The SDK's language option: Chinese messages for the common codes, as Tencent answers; the code stays the same. */
    @Test
    void theLanguageHeaderSelectsChineseOrEnglishMessages() {
        com.tencentcloudapi.kms.v20190118.models.DescribeKeyRequest unknown = new com.tencentcloudapi.kms.v20190118.models.DescribeKeyRequest();
        unknown.setKeyId(UUID.randomUUID().toString());
        Map<com.tencentcloudapi.common.profile.Language, String> expected = Map.of(
                com.tencentcloudapi.common.profile.Language.ZH_CN, "CMK 不存在。",
                com.tencentcloudapi.common.profile.Language.EN_US, "The key does not exist");
        expected.forEach((language, message) -> {
            com.tencentcloudapi.common.profile.ClientProfile profile = plainHttpProfile(httpPort());
            profile.setLanguage(language);
            com.tencentcloudapi.kms.v20190118.KmsClient client = new com.tencentcloudapi.kms.v20190118.KmsClient(
                    new com.tencentcloudapi.common.Credential(secretId(), secretKey()), "ap-guangzhou", profile);
            com.tencentcloudapi.common.exception.TencentCloudSDKException refused = org.junit.jupiter.api.Assertions.assertThrows(
                    com.tencentcloudapi.common.exception.TencentCloudSDKException.class, () -> client.DescribeKey(unknown));
            assertEquals("ResourceUnavailable.CmkNotFound", refused.getErrorCode());
            assertTrue(refused.getMessage().startsWith(message), language + ": " + refused.getMessage());
        });
    }

    private static com.tencentcloudapi.common.exception.TencentCloudSDKException listKeysRefused(
            com.tencentcloudapi.common.profile.ClientProfile profile) {
        com.tencentcloudapi.kms.v20190118.KmsClient client = new com.tencentcloudapi.kms.v20190118.KmsClient(
                new com.tencentcloudapi.common.Credential(secretId(), secretKey()), "ap-guangzhou", profile);
        return org.junit.jupiter.api.Assertions.assertThrows(com.tencentcloudapi.common.exception.TencentCloudSDKException.class,
                () -> client.ListKeys(new com.tencentcloudapi.kms.v20190118.models.ListKeysRequest()));
    }

    @Test
    void staleOrFutureTimestampIsRefused() throws Exception {
        assertError(raw.post("ListKeys", "{}", now() - 301), "AuthFailure.SignatureExpire");
        assertError(raw.post("ListKeys", "{}", now() + 400), "AuthFailure.SignatureExpire");
    }

    @Test
    void unknownActionIsRefused() throws Exception {
        assertError(raw.post("StealAllKeys", "{}", now()), "InvalidAction");
        assertError(raw.post("DescribeWhiteBoxKey", "{}", now()), "UnsupportedOperation");
    }

    @Test
    void malformedJsonIsRefused() throws Exception {
        assertError(raw.post("ListKeys", "{not json", now()), "InvalidParameter");
        assertError(raw.post("ListKeys", "[1,2]", now()), "InvalidParameter");
        assertError(raw.post("ListKeys", "", now()), "InvalidParameter");
        assertError(raw.post("ListKeys", "{} trailing", now()), "InvalidParameter");
        assertError(raw.post("ListKeys", "{\"Limit\":\"ten\"}", now()), "InvalidParameter");
        assertError(raw.post("Encrypt", "{\"KeyId\":42,\"Plaintext\":\"AA==\"}", now()), "InvalidParameter");
    }

    @Test
    void tamperedBodyFailsTheSignature() throws Exception {
        long ts = now();
        String signedFor = "{\"Limit\":1}";
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + "/"))
                .header("Content-Type", "application/json; charset=utf-8")
                .header("Authorization", raw.authorization(signedFor, ts))
                .header("X-TC-Action", "ListKeys").header("X-TC-Version", "2019-01-18")
                .header("X-TC-Timestamp", Long.toString(ts))
                .POST(HttpRequest.BodyPublishers.ofString("{\"Limit\":2}")).build();
        assertError(raw.send(request), "AuthFailure.SignatureFailure");
    }

    @Test
    void missingOrForeignAuthorizationIsRefused() throws Exception {
        HttpRequest noAuth = HttpRequest.newBuilder(URI.create(baseUrl() + "/"))
                .header("Content-Type", "application/json").header("X-TC-Action", "ListKeys")
                .header("X-TC-Version", "2019-01-18").header("X-TC-Timestamp", Long.toString(now()))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build();
        assertError(raw.send(noAuth), "AuthFailure.InvalidAuthorization");
        HttpRequest basic = HttpRequest.newBuilder(URI.create(baseUrl() + "/"))
                .header("Content-Type", "application/json").header("Authorization", "Basic YWRtaW46YWRtaW4=")
                .header("X-TC-Action", "ListKeys").header("X-TC-Version", "2019-01-18")
                .header("X-TC-Timestamp", Long.toString(now()))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build();
        assertError(raw.send(basic), "AuthFailure.InvalidAuthorization");
        assertError(new RawTencentClient("127.0.0.1:" + httpPort(), "AKID" + UUID.randomUUID().toString().replace("-", ""), "whatever-secret")
                .post("ListKeys", "{}", now()), "AuthFailure.SignatureFailure");
    }

    @Test
    void otherVersionsAndMethodsAreRefused() throws Exception {
        long ts = now();
        HttpRequest otherVersion = HttpRequest.newBuilder(URI.create(baseUrl() + "/"))
                .header("Content-Type", "application/json; charset=utf-8")
                .header("Authorization", raw.authorization("{}", ts))
                .header("X-TC-Action", "ListKeys").header("X-TC-Version", "2017-01-01")
                .header("X-TC-Timestamp", Long.toString(ts))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build();
        assertError(raw.send(otherVersion), "NoSuchVersion");
        assertError(raw.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/")).GET().build()), "UnsupportedProtocol");
        assertError(raw.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/")).PUT(HttpRequest.BodyPublishers.ofString("x")).build()),
                "UnsupportedProtocol");
    }
}
