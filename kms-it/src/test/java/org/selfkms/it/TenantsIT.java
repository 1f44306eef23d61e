package org.selfkms.it;

import com.tencentcloudapi.kms.v20190118.KmsClient;
import com.tencentcloudapi.kms.v20190118.models.CreateKeyRequest;
import com.tencentcloudapi.kms.v20190118.models.DecryptRequest;
import com.tencentcloudapi.kms.v20190118.models.DescribeKeyRequest;
import com.tencentcloudapi.kms.v20190118.models.KeyMetadata;
import com.tencentcloudapi.kms.v20190118.models.EncryptRequest;
import com.tencentcloudapi.kms.v20190118.models.GetServiceStatusRequest;
import com.tencentcloudapi.kms.v20190118.models.ListKeyDetailRequest;
import com.tencentcloudapi.kms.v20190118.models.ListKeysRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Tenants: the platform operator creates one in the console, its administrator makes an API credential, and
 * the two tenants' keys, aliases and ciphertexts stay apart in both directions; a suspended tenant is refused
 * until it is resumed, with its keys intact.
 */
@org.junit.jupiter.api.Tag("console")
class TenantsIT extends SdkKeyTest {

    private static final String PASSWORD = "tenant-admin-password-1";
    private static ConsoleBrowser browser;
    private static String tenantName;
    private static long accountUin;
    private static String tenantAdmin;
    private static KmsClient other;
    private static String[] otherCredential;

    @BeforeAll
    static void operatorCreatesATenant() throws Exception {
        tenantName = uniqueAlias("tenant");
        tenantAdmin = uniqueAlias("admin");
        browser = ConsoleBrowser.start(baseUrl());
        OperatorPage.open(browser);
        accountUin = OperatorPage.createTenant(browser, tenantName, tenantAdmin, PASSWORD);
        browser.saveScreenshot("tenants.png");
        AccessPage.logOut(browser);

        AccessPage.open(browser, tenantAdmin, PASSWORD);
        org.junit.jupiter.api.Assertions.assertTrue(browser.isPresent(org.openqa.selenium.By.id("credentials-empty")),
                "a new tenant's Access page says it has no credential yet");
        browser.saveScreenshot("access.png");
        String[] credential = AccessPage.newCredential(browser, tenantAdmin);
        AccessPage.logOut(browser);
        other = kms(credential[0], credential[1]);
        otherCredential = credential;
    }

    @AfterAll
    static void closeBrowser() throws Exception {
        if (browser != null) {
            browser.close();
        }
    }

    @BeforeEach
    void loggedOut() {
        browser.open("/console/");
        if (browser.isPresent(By.id("logout-button"))) {
            AccessPage.logOut(browser);
        }
    }

    @Test
    void nothingOfOneTenantIsVisibleOrUsableInTheOther() throws Exception {
        String alias = uniqueAlias("shared-name");
        String ours = createKey(alias);
        String ourBlob = encrypt(ours);
        String theirs = createKeyIn(other, alias);
        assertNotEquals(ours, theirs, "the same alias in two tenants names two keys");
        assertEquals(theirs, describeIn(other, alias), "an alias resolves within the caller's tenant");
        assertEquals(ours, describe(alias).getKeyId());
        KeyMetadata theirMetadata = other.DescribeKey(describeRequest(theirs)).getKeyMetadata();
        assertEquals(String.valueOf(accountUin), String.valueOf(theirMetadata.getCreatorUin()));
        assertEquals(String.valueOf(accountUin), String.valueOf(theirMetadata.getAccountUin()), "the member-account fields name the tenant");
        assertEquals(tenantName, theirMetadata.getAccountName());

        // their view of our key and ciphertext: as if neither existed
        assertCode("ResourceUnavailable.CmkNotFound", () -> other.DescribeKey(describeRequest(ours)));
        assertCode("ResourceUnavailable.CmkNotFound", () -> other.Encrypt(encryptRequest(ours)));
        assertCode("InvalidParameterValue.InvalidCiphertext", () -> other.Decrypt(decryptRequest(ourBlob)));
        // and ours of theirs
        String theirBlob = other.Encrypt(encryptRequest(theirs)).getCiphertextBlob();
        assertCode("ResourceUnavailable.CmkNotFound", () -> kms.DescribeKey(describeRequest(theirs)));
        assertCode("InvalidParameterValue.InvalidCiphertext", () -> kms.Decrypt(decryptRequest(theirBlob)));
        assertEquals(PLAINTEXT, other.Decrypt(decryptRequest(theirBlob)).getPlaintext());

        ListKeyDetailRequest all = new ListKeyDetailRequest();
        all.setKeyUsage("ALL");
        all.setLimit(200L);
        var listed = java.util.Arrays.stream(other.ListKeyDetail(all).getKeyMetadatas()).map(k -> k.getKeyId()).toList();
        assertTrue(listed.contains(theirs) && !listed.contains(ours), "each tenant lists its own keys only: " + listed);
        assertEquals(other.ListKeyDetail(all).getTotalCount(), other.GetServiceStatus(new GetServiceStatusRequest()).getCmkUserCount());
    }

    /**
     * Every action that names a key, tried by the other tenant on ours (by id and by alias): each answers as for a
     * key that does not exist, and our key is as it was.
     */
    @Test
    void everyKeyActionOnAnotherTenantsKeyFindsNothing() throws Exception {
        String alias = uniqueAlias("victim");
        String ours = createKey(alias);
        String blob = encrypt(ours);
        String before = com.tencentcloudapi.common.AbstractModel.toJsonString(describe(ours));
        com.tencentcloudapi.common.CommonClient them = RolesIT.commonClient(otherCredential);
        java.util.List<org.junit.jupiter.api.function.Executable> checks = new java.util.ArrayList<>();
        for (String ref : java.util.List.of(ours, alias)) {
            for (String action : LifecycleCodesTest.KEY_ACTIONS.keySet()) {
                checks.add(() -> assertCode("ResourceUnavailable.CmkNotFound",
                        () -> them.call(action, LifecycleCodesTest.body(action, LifecycleCodesTest.quoted(ref)))));
            }
            String key = "\"KeyId\":\"" + ref + "\"";
            for (String[] call : new String[][]{
                    {"Encrypt", "{" + key + ",\"Plaintext\":\"" + PLAINTEXT + "\"}"},
                    {"GenerateDataKey", "{" + key + ",\"KeySpec\":\"AES_256\"}"},
                    {"GetPublicKey", "{" + key + "}"},
                    {"SignByAsymmetricKey", "{" + key + ",\"Algorithm\":\"ECC_P256_R1\",\"Message\":\"" + PLAINTEXT + "\"}"},
                    {"AsymmetricRsaDecrypt", "{" + key + ",\"Algorithm\":\"RSAES_OAEP_SHA_256\",\"Ciphertext\":\"" + PLAINTEXT + "\"}"},
                    {"PostQuantumCryptoEncrypt", "{" + key + ",\"PlainText\":\"" + PLAINTEXT + "\"}"},
                    {"GetParametersForImport", "{" + key + ",\"WrappingAlgorithm\":\"RSAES_OAEP_SHA_256\",\"WrappingKeySpec\":\"RSA_2048\"}"},
                    {"DeleteImportedKeyMaterial", "{" + key + "}"},
                    {"ReEncrypt", "{\"CiphertextBlob\":\"" + encryptIn(them) + "\",\"DestinationKeyId\":\"" + ref + "\"}"}}) {
                checks.add(() -> assertCode("ResourceUnavailable.CmkNotFound", () -> them.call(call[0], call[1])));
            }
            for (String action : LifecycleCodesTest.BATCH_ACTIONS) {
                checks.add(() -> assertCode("ResourceUnavailable.CmkNotFound", () -> them.call(action, "{\"KeyIds\":[\"" + ref + "\"]}")));
            }
        }
        checks.add(() -> assertCode("InvalidParameterValue.InvalidCiphertext", () -> them.call("Decrypt", "{\"CiphertextBlob\":\"" + blob + "\"}")));
        checks.add(() -> assertCode("InvalidParameterValue.InvalidCiphertext", () -> them.call("ReEncrypt", "{\"CiphertextBlob\":\"" + blob + "\"}")));
        org.junit.jupiter.api.Assertions.assertAll(checks);
        assertEquals(before, com.tencentcloudapi.common.AbstractModel.toJsonString(describe(ours)), "the other tenant changed our key");
        assertEquals(PLAINTEXT, decrypt(blob));
    }

    /** A ciphertext of the other tenant's own, for ReEncrypt towards our key. */
    private static String encryptIn(com.tencentcloudapi.common.CommonClient client) throws Exception {
        String key = createKeyIn(other, uniqueAlias("own"));
        return other.Encrypt(encryptRequest(key)).getCiphertextBlob();
    }

    @Test
    void aSuspendedTenantIsRefusedUntilResumedAndKeepsItsKeys() throws Exception {
        String key = createKeyIn(other, uniqueAlias("kept"));
        String blob = other.Encrypt(encryptRequest(key)).getCiphertextBlob();
        setSuspended(true);
        assertCode("AuthFailure.UnauthorizedOperation", () -> other.ListKeys(new ListKeysRequest()));
        assertCode("AuthFailure.UnauthorizedOperation", () -> other.Decrypt(decryptRequest(blob)));
        browser.openConsoleAndExpectLogin();
        browser.logIn(tenantAdmin, PASSWORD);
        browser.waitUntil("the login refused", () -> Boolean.TRUE.equals(browser.js(
                "const f = document.querySelector('vaadin-login-form'); return !!f && f.error === true;")));
        assertTrue(kms.ListKeys(new ListKeysRequest()).getTotalCount() > 0, "other tenants are untouched");

        setSuspended(false);
        assertEquals(PLAINTEXT, other.Decrypt(decryptRequest(blob)).getPlaintext(), "resumed, with its keys intact");
    }

    private static void setSuspended(boolean suspended) {
        OperatorPage.setSuspended(browser, accountUin, suspended);
    }

    private static String createKeyIn(KmsClient client, String alias) throws Exception {
        CreateKeyRequest request = new CreateKeyRequest();
        request.setAlias(alias);
        return client.CreateKey(request).getKeyId();
    }

    private static String describeIn(KmsClient client, String keyRef) throws Exception {
        return client.DescribeKey(describeRequest(keyRef)).getKeyMetadata().getKeyId();
    }

    private static DescribeKeyRequest describeRequest(String keyRef) {
        DescribeKeyRequest request = new DescribeKeyRequest();
        request.setKeyId(keyRef);
        return request;
    }

    private static EncryptRequest encryptRequest(String keyId) {
        EncryptRequest request = new EncryptRequest();
        request.setKeyId(keyId);
        request.setPlaintext(PLAINTEXT);
        return request;
    }

    private static DecryptRequest decryptRequest(String blob) {
        DecryptRequest request = new DecryptRequest();
        request.setCiphertextBlob(blob);
        return request;
    }
}
