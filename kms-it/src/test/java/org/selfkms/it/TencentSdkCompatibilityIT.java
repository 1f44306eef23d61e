package org.selfkms.it;

import com.tencentcloudapi.common.exception.TencentCloudSDKException;
import com.tencentcloudapi.kms.v20190118.KmsClient;
import com.tencentcloudapi.kms.v20190118.models.CreateKeyRequest;
import com.tencentcloudapi.kms.v20190118.models.CreateKeyResponse;
import com.tencentcloudapi.kms.v20190118.models.DecryptRequest;
import com.tencentcloudapi.kms.v20190118.models.DescribeKeyRequest;
import com.tencentcloudapi.kms.v20190118.models.DisableKeyRequest;
import com.tencentcloudapi.kms.v20190118.models.EnableKeyRequest;
import com.tencentcloudapi.kms.v20190118.models.EncryptRequest;
import com.tencentcloudapi.kms.v20190118.models.EncryptResponse;
import com.tencentcloudapi.kms.v20190118.models.GenerateDataKeyRequest;
import com.tencentcloudapi.kms.v20190118.models.GenerateDataKeyResponse;
import com.tencentcloudapi.kms.v20190118.models.KeyMetadata;
import com.tencentcloudapi.kms.v20190118.models.ListKeysRequest;
import com.tencentcloudapi.kms.v20190118.models.ListKeysResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Drives the deployed server with the unchanged official Tencent Cloud Java SDK (3.1.1436): every action
 * of the first slice, its happy paths and its errors, asserting the exact code the SDK reports.
 */
class TencentSdkCompatibilityIT extends DeployedKms {

    private static KmsClient kms;

    @BeforeAll
    static void client() {
        kms = kms();
    }

    private static String b64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static CreateKeyResponse createKey(String alias) throws TencentCloudSDKException {
        CreateKeyRequest request = new CreateKeyRequest();
        request.setAlias(alias);
        request.setDescription("created by " + TencentSdkCompatibilityIT.class.getSimpleName());
        return kms.CreateKey(request);
    }

    private static EncryptResponse encrypt(String keyId, byte[] plaintext, String context) throws TencentCloudSDKException {
        EncryptRequest request = new EncryptRequest();
        request.setKeyId(keyId);
        request.setPlaintext(Base64.getEncoder().encodeToString(plaintext));
        request.setEncryptionContext(context);
        return kms.Encrypt(request);
    }

    private static byte[] decrypt(String blob, String context) throws TencentCloudSDKException {
        DecryptRequest request = new DecryptRequest();
        request.setCiphertextBlob(blob);
        request.setEncryptionContext(context);
        return Base64.getDecoder().decode(kms.Decrypt(request).getPlaintext());
    }

    private static void assertCode(String code, Executable call) {
        TencentCloudSDKException e = assertThrows(TencentCloudSDKException.class, call);
        assertEquals(code, e.getErrorCode(), () -> "message: " + e.getMessage());
        assertNotNull(e.getRequestId());
        assertTrue(!e.getRequestId().isEmpty(), "every error carries a RequestId");
    }

    @Test
    void createDescribeAndListKey() throws Exception {
        String alias = uniqueAlias("sdk-create");
        CreateKeyResponse created = createKey(alias);
        assertTrue(created.getKeyId().matches("[0-9a-f-]{36}"), created.getKeyId());
        assertEquals(alias, created.getAlias());
        assertEquals("Enabled", created.getKeyState());
        assertEquals("ENCRYPT_DECRYPT", created.getKeyUsage());
        assertTrue(Math.abs(created.getCreateTime() - System.currentTimeMillis() / 1000) < 120);
        assertNotNull(created.getRequestId());

        DescribeKeyRequest byId = new DescribeKeyRequest();
        byId.setKeyId(created.getKeyId());
        KeyMetadata metadata = kms.DescribeKey(byId).getKeyMetadata();
        assertEquals(alias, metadata.getAlias());
        assertEquals("Enabled", metadata.getKeyState());
        assertEquals("TENCENT_KMS", metadata.getOrigin());
        assertEquals("user", metadata.getOwner());
        assertEquals(0L, metadata.getDeletionDate());
        assertEquals("creatorUin/" + metadata.getCreatorUin() + "/" + created.getKeyId(), metadata.getResourceId());
        // the member-account fields name the caller's tenant
        assertEquals(metadata.getCreatorUin(), metadata.getAccountUin());
        assertFalse(metadata.getAccountName().isEmpty(), "the tenant's name");
        assertTrue(metadata.getAccountAppId() > 0, "the tenant's number");

        DescribeKeyRequest byAlias = new DescribeKeyRequest();
        byAlias.setKeyId(alias);
        assertEquals(created.getKeyId(), kms.DescribeKey(byAlias).getKeyMetadata().getKeyId());
        byAlias.setKeyId("alias/" + alias);
        assertEquals(created.getKeyId(), kms.DescribeKey(byAlias).getKeyMetadata().getKeyId());

        ListKeysRequest list = new ListKeysRequest();
        list.setLimit(200L);
        ListKeysResponse listed = kms.ListKeys(list);
        assertTrue(listed.getTotalCount() >= 1);
        assertTrue(Arrays.stream(listed.getKeys()).anyMatch(k -> k.getKeyId().equals(created.getKeyId())));

        ListKeysRequest paged = new ListKeysRequest();
        paged.setLimit(1L);
        paged.setOffset(0L);
        assertEquals(1, kms.ListKeys(paged).getKeys().length);
    }

    @Test
    void encryptAndDecryptWithContext() throws Exception {
        String keyId = createKey(uniqueAlias("sdk-enc")).getKeyId();
        byte[] secret = "database password: s3cr3t".getBytes(StandardCharsets.UTF_8);
        EncryptResponse encrypted = encrypt(keyId, secret, "{\"app\":\"billing\",\"env\":\"prod\"}");
        assertEquals(keyId, encrypted.getKeyId());
        assertNotEquals(b64("database password: s3cr3t"), encrypted.getCiphertextBlob());

        // Same pairs in another order and spacing: the canonical form makes them equal.
        assertArrayEquals(secret, decrypt(encrypted.getCiphertextBlob(), "{ \"env\" : \"prod\", \"app\":\"billing\" }"));
        // Missing, changed or extra pairs fail exactly like a damaged blob.
        assertCode("InvalidParameterValue.InvalidCiphertext", () -> decrypt(encrypted.getCiphertextBlob(), null));
        assertCode("InvalidParameterValue.InvalidCiphertext", () -> decrypt(encrypted.getCiphertextBlob(), "{\"app\":\"billing\",\"env\":\"dev\"}"));
        assertCode("InvalidParameterValue.InvalidCiphertext",
                () -> decrypt(encrypted.getCiphertextBlob(), "{\"app\":\"billing\",\"env\":\"prod\",\"x\":\"y\"}"));

        // Without context, and via the alias.
        EncryptResponse plain = encrypt(keyId, new byte[]{0, 1, 2, (byte) 255}, null);
        assertArrayEquals(new byte[]{0, 1, 2, (byte) 255}, decrypt(plain.getCiphertextBlob(), null));
        assertArrayEquals(new byte[]{0, 1, 2, (byte) 255}, decrypt(plain.getCiphertextBlob(), "{}"));

        // The largest plaintext allowed, 4096 bytes.
        byte[] max = new byte[4096];
        Arrays.fill(max, (byte) 7);
        assertArrayEquals(max, decrypt(encrypt(keyId, max, null).getCiphertextBlob(), null));
    }

    @Test
    void tamperedAndForeignCiphertextIsRefused() throws Exception {
        String keyId = createKey(uniqueAlias("sdk-tamper")).getKeyId();
        String blob = encrypt(keyId, "x".getBytes(StandardCharsets.UTF_8), null).getCiphertextBlob();
        byte[] raw = Base64.getDecoder().decode(blob);
        for (int position : new int[]{5, 20, 40, 60, raw.length - 1}) {
            byte[] tampered = raw.clone();
            tampered[position] ^= 0x01;
            assertCode("InvalidParameterValue.InvalidCiphertext", () -> decrypt(Base64.getEncoder().encodeToString(tampered), null));
        }
        assertCode("InvalidParameterValue.InvalidCiphertext", () -> decrypt("not*base64", null));
        assertCode("InvalidParameterValue.InvalidCiphertext", () -> decrypt(b64("too short"), null));
        assertCode("MissingParameter", () -> decrypt(null, null));
    }

    @Test
    void generateDataKeyForEnvelopeEncryption() throws Exception {
        String keyId = createKey(uniqueAlias("sdk-dk")).getKeyId();
        GenerateDataKeyRequest aes256 = new GenerateDataKeyRequest();
        aes256.setKeyId(keyId);
        aes256.setKeySpec("AES_256");
        aes256.setEncryptionContext("{\"bucket\":\"invoices\"}");
        GenerateDataKeyResponse dataKey = kms.GenerateDataKey(aes256);
        byte[] plaintextKey = Base64.getDecoder().decode(dataKey.getPlaintext());
        assertEquals(32, plaintextKey.length);
        assertEquals(keyId, dataKey.getKeyId());
        assertArrayEquals(plaintextKey, decrypt(dataKey.getCiphertextBlob(), "{\"bucket\":\"invoices\"}"));
        assertCode("InvalidParameterValue.InvalidCiphertext", () -> decrypt(dataKey.getCiphertextBlob(), null));

        GenerateDataKeyRequest aes128 = new GenerateDataKeyRequest();
        aes128.setKeyId(keyId);
        aes128.setKeySpec("AES_128");
        assertEquals(16, Base64.getDecoder().decode(kms.GenerateDataKey(aes128).getPlaintext()).length);

        GenerateDataKeyRequest bytes = new GenerateDataKeyRequest();
        bytes.setKeyId(keyId);
        bytes.setKeySpec("AES_128");
        bytes.setNumberOfBytes(1024L);
        assertEquals(1024, Base64.getDecoder().decode(kms.GenerateDataKey(bytes).getPlaintext()).length, "NumberOfBytes wins over KeySpec");

        bytes.setNumberOfBytes(1025L);
        assertCode("InvalidParameterValue", () -> kms.GenerateDataKey(bytes));
        bytes.setNumberOfBytes(0L);
        assertCode("InvalidParameterValue", () -> kms.GenerateDataKey(bytes));
        GenerateDataKeyRequest neither = new GenerateDataKeyRequest();
        neither.setKeyId(keyId);
        assertCode("MissingParameter", () -> kms.GenerateDataKey(neither));
        GenerateDataKeyRequest badSpec = new GenerateDataKeyRequest();
        badSpec.setKeyId(keyId);
        badSpec.setKeySpec("AES_512");
        assertCode("InvalidParameterValue", () -> kms.GenerateDataKey(badSpec));
    }

    @Test
    void disabledKeyNeitherEncryptsNorDecrypts() throws Exception {
        String keyId = createKey(uniqueAlias("sdk-disable")).getKeyId();
        String blob = encrypt(keyId, "keep me".getBytes(StandardCharsets.UTF_8), null).getCiphertextBlob();

        DisableKeyRequest disable = new DisableKeyRequest();
        disable.setKeyId(keyId);
        kms.DisableKey(disable);
        DescribeKeyRequest describe = new DescribeKeyRequest();
        describe.setKeyId(keyId);
        assertEquals("Disabled", kms.DescribeKey(describe).getKeyMetadata().getKeyState());
        assertCode("ResourceUnavailable.CmkDisabled", () -> encrypt(keyId, new byte[]{1}, null));
        assertCode("ResourceUnavailable.CmkDisabled", () -> decrypt(blob, null));
        GenerateDataKeyRequest dataKey = new GenerateDataKeyRequest();
        dataKey.setKeyId(keyId);
        dataKey.setKeySpec("AES_256");
        assertCode("ResourceUnavailable.CmkDisabled", () -> kms.GenerateDataKey(dataKey));

        EnableKeyRequest enable = new EnableKeyRequest();
        enable.setKeyId(keyId);
        kms.EnableKey(enable);
        assertEquals("Enabled", kms.DescribeKey(describe).getKeyMetadata().getKeyState());
        assertArrayEquals("keep me".getBytes(StandardCharsets.UTF_8), decrypt(blob, null));
    }

    @Test
    void badKeyReferencesAndAliases() throws Exception {
        assertCode("ResourceUnavailable.CmkNotFound", () -> encrypt("3f2504e0-4f89-41d3-9a0c-0305e82c3301", new byte[]{1}, null));
        assertCode("ResourceUnavailable.CmkNotFound", () -> encrypt("no-such-alias", new byte[]{1}, null));
        assertCode("InvalidParameterValue.InvalidKeyId", () -> encrypt("not a key id!", new byte[]{1}, null));
        DescribeKeyRequest describe = new DescribeKeyRequest();
        describe.setKeyId("3f2504e0-4f89-41d3-9a0c-0305e82c3301");
        assertCode("ResourceUnavailable.CmkNotFound", () -> kms.DescribeKey(describe));
        EnableKeyRequest enable = new EnableKeyRequest();
        assertCode("MissingParameter", () -> kms.EnableKey(enable));

        String alias = uniqueAlias("sdk-dup");
        createKey(alias);
        assertCode("InvalidParameterValue.AliasAlreadyExists", () -> createKey(alias));
        assertCode("InvalidParameterValue.InvalidAlias", () -> createKey("bad alias with spaces"));
        assertCode("InvalidParameterValue.InvalidAlias", () -> createKey("-starts-with-dash"));
        assertCode("InvalidParameterValue.InvalidAlias", () -> createKey("a".repeat(61)));
        assertCode("InvalidParameterValue.InvalidAlias", () -> createKey("kms-reserved"));
        assertCode("MissingParameter", () -> kms.CreateKey(new CreateKeyRequest()));

        CreateKeyRequest badUsage = new CreateKeyRequest();
        badUsage.setAlias(uniqueAlias("sdk-usage"));
        badUsage.setKeyUsage("SIGN_EVERYTHING");
        assertCode("InvalidParameterValue.InvalidKeyUsage", () -> kms.CreateKey(badUsage));
        CreateKeyRequest badType = new CreateKeyRequest();
        badType.setAlias(uniqueAlias("sdk-type"));
        badType.setType(9L);
        assertCode("InvalidParameterValue.InvalidType", () -> kms.CreateKey(badType));

        ListKeysRequest tooMany = new ListKeysRequest();
        tooMany.setLimit(201L);
        assertCode("InvalidParameterValue", () -> kms.ListKeys(tooMany));
    }

    @Test
    void badPlaintextIsRefused() throws Exception {
        String keyId = createKey(uniqueAlias("sdk-plain")).getKeyId();
        assertCode("InvalidParameterValue.InvalidPlaintext", () -> encrypt(keyId, new byte[4097], null));
        EncryptRequest notBase64 = new EncryptRequest();
        notBase64.setKeyId(keyId);
        notBase64.setPlaintext("this is not base64!");
        assertCode("InvalidParameterValue.InvalidPlaintext", () -> kms.Encrypt(notBase64));
        EncryptRequest missing = new EncryptRequest();
        missing.setKeyId(keyId);
        assertCode("MissingParameter", () -> kms.Encrypt(missing));
        assertCode("InvalidParameter", () -> encrypt(keyId, new byte[]{1}, "[\"not\",\"an object\"]"));
        assertCode("InvalidParameter", () -> encrypt(keyId, new byte[]{1}, "{\"n\":1}"));
        assertCode("InvalidParameter", () -> encrypt(keyId, new byte[]{1}, "{broken"));
        assertCode("InvalidParameter", () -> encrypt(keyId, new byte[]{1}, "{\"k\":\"" + "v".repeat(1100) + "\"}"));
        // a lone surrogate escape: no UTF-8 encoding, it would share the canonical bytes of "?" (docs/ciphertext-format.md)
        assertCode("InvalidParameter", () -> encrypt(keyId, new byte[]{1}, "{\"k\":\"\\ud800\"}"));
    }

    /** The SDK's generic client sends any action and any body: what an outdated or hand-written caller may do. */
    @Test
    void unknownActionAndMalformedJsonThroughTheSdk() {
        com.tencentcloudapi.common.CommonClient client = commonClient();
        assertCode("InvalidAction", () -> client.call("StealAllKeys", "{}"));
        assertCode("UnsupportedOperation", () -> client.call("DescribeWhiteBoxKey", "{}"));
        com.tencentcloudapi.common.exception.TencentCloudSDKException whiteBox = assertThrows(
                com.tencentcloudapi.common.exception.TencentCloudSDKException.class, () -> client.call("EncryptByWhiteBox", "{}"));
        assertTrue(whiteBox.getMessage().contains("White-box keys are not offered"), "a refusal that says why: " + whiteBox.getMessage());
        assertCode("InvalidParameter", () -> client.call("ListKeys", "{not json"));
        assertCode("InvalidParameter", () -> client.call("ListKeys", "{\"Limit\":\"ten\"}"));
    }

    @Test
    void wrongCredentialsAreRefused() {
        assertCode("AuthFailure.SignatureFailure", () -> kms(secretId(), secretKey() + "x").ListKeys(new ListKeysRequest()));
        assertCode("AuthFailure.SignatureFailure", () -> kms("AKIDdoesNotExist0000", secretKey()).ListKeys(new ListKeysRequest()));
    }
}
