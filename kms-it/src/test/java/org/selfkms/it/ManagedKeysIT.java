package org.selfkms.it;

import com.tencentcloudapi.common.exception.TencentCloudSDKException;
import com.tencentcloudapi.kms.v20190118.KmsClient;
import com.tencentcloudapi.kms.v20190118.models.ArchiveKeyRequest;
import com.tencentcloudapi.kms.v20190118.models.CancelKeyArchiveRequest;
import com.tencentcloudapi.kms.v20190118.models.CreateKeyRequest;
import com.tencentcloudapi.kms.v20190118.models.DecryptRequest;
import com.tencentcloudapi.kms.v20190118.models.DisableKeyRequest;
import com.tencentcloudapi.kms.v20190118.models.DisableKeysRequest;
import com.tencentcloudapi.kms.v20190118.models.EnableKeyRotationRequest;
import com.tencentcloudapi.kms.v20190118.models.EncryptRequest;
import com.tencentcloudapi.kms.v20190118.models.GenerateDataKeyRequest;
import com.tencentcloudapi.kms.v20190118.models.GenerateDataKeyResponse;
import com.tencentcloudapi.kms.v20190118.models.GetKeyRotationStatusRequest;
import com.tencentcloudapi.kms.v20190118.models.Key;
import com.tencentcloudapi.kms.v20190118.models.KeyMetadata;
import com.tencentcloudapi.kms.v20190118.models.ListKeyDetailRequest;
import com.tencentcloudapi.kms.v20190118.models.ListKeyDetailResponse;
import com.tencentcloudapi.kms.v20190118.models.ListKeysRequest;
import com.tencentcloudapi.kms.v20190118.models.ReEncryptRequest;
import com.tencentcloudapi.kms.v20190118.models.UpdateAliasRequest;
import com.tencentcloudapi.kms.v20190118.models.UpdateKeyDescriptionRequest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Service-managed CMKs through the official SDK: a service principal's first use of
 * {@code kms-<service>} creates its key, later uses reuse it; the tenant sees, uses and rotates it, and every
 * change that would stop the service is refused with UnsupportedOperation.NotUserCreatedCmk and changes nothing.
 */
class ManagedKeysIT extends SdkKeyTest {

    private static final String NOT_USER_CREATED = "UnsupportedOperation.NotUserCreatedCmk";

    private static KmsClient cos;

    @BeforeAll
    static void servicePrincipal() throws Exception {
        cos = ServicePrincipals.client("cos");
    }

    @Test
    void firstUseCreatesTheManagedKeyAndLaterUsesReuseIt() throws Exception {
        GenerateDataKeyResponse first = generateDataKey(cos, "kms-cos");
        String keyId = first.getKeyId();
        assertEquals(keyId, generateDataKey(cos, "kms-cos").getKeyId(), "the second call reuses the key");
        assertEquals(keyId, generateDataKey(cos, "alias/kms-cos").getKeyId());

        KeyMetadata managed = describe(keyId);
        assertEquals("kms-cos", managed.getAlias());
        assertEquals("cos", managed.getOwner());
        assertEquals("Enabled", managed.getKeyState());
        assertTrue(listKeyDetail(1L, "kms-cos").contains(keyId), "listed with Role 1");
        assertFalse(listKeyDetail(0L, "kms-cos").contains(keyId), "not among the customer's own keys");
        assertTrue(listKeys(1L).contains(keyId));
        assertFalse(listKeys(0L).contains(keyId), "ListKeys without Role lists customer keys only");

        // the tenant's own credential uses the key too, both ways
        assertEquals(first.getPlaintext(), decrypt(kms, first.getCiphertextBlob()));
        String blob = encrypt("kms-cos");
        assertEquals(PLAINTEXT, decrypt(cos, blob));

        // and rotates it: the service keeps decrypting what it encrypted before
        EnableKeyRotationRequest rotation = new EnableKeyRotationRequest();
        rotation.setKeyId(keyId);
        rotation.setRotateDays(30L);
        kms.EnableKeyRotation(rotation);
        GetKeyRotationStatusRequest status = new GetKeyRotationStatusRequest();
        status.setKeyId(keyId);
        assertTrue(kms.GetKeyRotationStatus(status).getKeyRotationEnabled());
        String answer = commonClient().call("RotateKey", "{\"KeyId\":\"" + keyId + "\"}");
        assertTrue(answer.contains("TaskId"), answer);
        assertTrue(describe(keyId).getLastRotateTime() > 0);
        assertEquals(first.getPlaintext(), decrypt(cos, first.getCiphertextBlob()));
        assertEquals(keyId, generateDataKey(cos, "kms-cos").getKeyId());
    }

    @Test
    void changesThatWouldStopTheServiceAreRefusedAndChangeNothing() throws Exception {
        String keyId = generateDataKey(cos, "kms-cos").getKeyId();
        String customerKey = createKey(uniqueAlias("beside-managed"));

        DisableKeyRequest disable = new DisableKeyRequest();
        disable.setKeyId(keyId);
        assertCode(NOT_USER_CREATED, () -> kms.DisableKey(disable));
        DisableKeysRequest disableBoth = new DisableKeysRequest();
        disableBoth.setKeyIds(new String[]{customerKey, keyId});
        assertCode(NOT_USER_CREATED, () -> kms.DisableKeys(disableBoth));
        assertEquals("Enabled", state(customerKey), "the batch is all or nothing");
        assertCode(NOT_USER_CREATED, () -> schedule(keyId, 7));
        ArchiveKeyRequest archive = new ArchiveKeyRequest();
        archive.setKeyId(keyId);
        assertCode(NOT_USER_CREATED, () -> kms.ArchiveKey(archive));
        CancelKeyArchiveRequest cancelArchive = new CancelKeyArchiveRequest();
        cancelArchive.setKeyId(keyId);
        assertCode(NOT_USER_CREATED, () -> kms.CancelKeyArchive(cancelArchive));
        UpdateAliasRequest rename = new UpdateAliasRequest();
        rename.setKeyId(keyId);
        rename.setAlias(uniqueAlias("taken-over"));
        assertCode(NOT_USER_CREATED, () -> kms.UpdateAlias(rename));
        // queried, used and rotated only: no description, no tags either (docs/api.md, Service-managed keys)
        UpdateKeyDescriptionRequest description = new UpdateKeyDescriptionRequest();
        description.setKeyId(keyId);
        description.setDescription("object storage encryption");
        assertCode(NOT_USER_CREATED, () -> kms.UpdateKeyDescription(description));
        String token = RestApiV1IT.token(secretId(), secretKey());
        assertEquals(409, RestApiV1IT.post("/keys/" + keyId + "/tags", "{\"tags\":{\"team\":\"storage\"}}", token).statusCode());
        assertEquals(409, RestApiV1IT.send("DELETE", "/keys/" + keyId + "/tags/team", null, null, "Bearer " + token).statusCode());
        assertEquals("{\"tags\":{}}", RestApiV1IT.get("/keys/" + keyId + "/tags", token).body());

        KeyMetadata after = describe(keyId);
        assertEquals("Enabled", after.getKeyState());
        assertEquals("kms-cos", after.getAlias());
        assertEquals(0L, after.getDeletionDate());
        assertEquals("Managed by cos: created on its first use of KMS", after.getDescription());
        assertEquals(keyId, generateDataKey(cos, "kms-cos").getKeyId(), "the service still finds and uses its key");
    }

    @Test
    void customersCannotTakeTheReservedPrefix() throws Exception {
        CreateKeyRequest create = new CreateKeyRequest();
        create.setAlias("kms-foo");
        assertCode("InvalidParameterValue.InvalidAlias", () -> kms.CreateKey(create));
        String keyId = createKey(uniqueAlias("mine"));
        UpdateAliasRequest rename = new UpdateAliasRequest();
        rename.setKeyId(keyId);
        rename.setAlias("kms-foo");
        assertCode("InvalidParameterValue.InvalidAlias", () -> kms.UpdateAlias(rename));
        // a customer credential using a managed alias does not create a key: only the service's first use does
        assertCode("ResourceUnavailable.CmkNotFound", () -> generateDataKey(kms, "kms-foo"));
        assertEquals(List.of(), listKeyDetail(0L, "kms-foo"));
        assertEquals(List.of(), listKeyDetail(1L, "kms-foo"));
    }

    /** The tenant authorised the service for its account: it may use the tenant's keys, but manages none. */
    @Test
    void servicePrincipalsUseKeysButDoNotManageThem() throws Exception {
        String customerKey = createKey(uniqueAlias("for-cos"));
        EncryptRequest encrypt = new EncryptRequest();
        encrypt.setKeyId(customerKey);
        encrypt.setPlaintext(PLAINTEXT);
        assertEquals(PLAINTEXT, decrypt(kms, cos.Encrypt(encrypt).getCiphertextBlob()));

        CreateKeyRequest create = new CreateKeyRequest();
        create.setAlias(uniqueAlias("by-cos"));
        assertCode("UnauthorizedOperation", () -> cos.CreateKey(create));
        DisableKeyRequest disable = new DisableKeyRequest();
        disable.setKeyId(customerKey);
        assertCode("UnauthorizedOperation", () -> cos.DisableKey(disable));
        assertCode("UnauthorizedOperation", () -> cos.ListKeys(new ListKeysRequest()));
        assertEquals("Enabled", state(customerKey));
        // only its own alias creates a key for a service
        assertCode("ResourceUnavailable.CmkNotFound", () -> generateDataKey(cos, "kms-nosuchservice"));
    }

    /**
     * A service principal uses its own managed key and the customer's keys, never another service's managed
     * key: neither to encrypt under it nor to open or re-encrypt what that service sealed. The tenant's own
     * credential still uses both.
     */
    @Test
    void aServiceCannotUseAnotherServicesManagedKey() throws Exception {
        KmsClient cdb = ServicePrincipals.client("cdb");
        GenerateDataKeyResponse cdbSealed = generateDataKey(cdb, "kms-cdb");
        String cosSealed = generateDataKey(cos, "kms-cos").getCiphertextBlob();

        assertCode("UnauthorizedOperation", () -> generateDataKey(cos, "kms-cdb"));
        assertCode("UnauthorizedOperation", () -> generateDataKey(cos, cdbSealed.getKeyId()));
        assertCode("UnauthorizedOperation", () -> decrypt(cos, cdbSealed.getCiphertextBlob()));
        assertCode("UnauthorizedOperation", () -> decrypt(cdb, cosSealed));
        ReEncryptRequest intoCdb = new ReEncryptRequest();
        intoCdb.setCiphertextBlob(cosSealed);
        intoCdb.setDestinationKeyId("alias/kms-cdb");
        assertCode("UnauthorizedOperation", () -> cos.ReEncrypt(intoCdb));
        ReEncryptRequest outOfCdb = new ReEncryptRequest();
        outOfCdb.setCiphertextBlob(cdbSealed.getCiphertextBlob());
        outOfCdb.setDestinationKeyId("alias/kms-cos");
        assertCode("UnauthorizedOperation", () -> cos.ReEncrypt(outOfCdb));

        // its own key and the customer's keys stay usable, and the tenant uses every key
        EncryptRequest customer = new EncryptRequest();
        customer.setKeyId(createKey(uniqueAlias("for-services")));
        customer.setPlaintext(PLAINTEXT);
        assertEquals(PLAINTEXT, decrypt(cos, cos.Encrypt(customer).getCiphertextBlob()));
        assertEquals(cdbSealed.getPlaintext(), decrypt(cdb, cdbSealed.getCiphertextBlob()));
        assertEquals(cdbSealed.getPlaintext(), decrypt(kms, cdbSealed.getCiphertextBlob()));
    }

    @Test
    void concurrentFirstCallsCreateOneKey() throws Exception {
        KmsClient cbs = ServicePrincipals.client("cbs");
        int callers = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            List<Future<String>> keyIds = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                Callable<String> firstCall = () -> {
                    start.await();
                    return generateDataKey(cbs, "kms-cbs").getKeyId();
                };
                keyIds.add(pool.submit(firstCall));
            }
            start.countDown();
            List<String> answered = new ArrayList<>();
            for (Future<String> keyId : keyIds) {
                answered.add(keyId.get(60, TimeUnit.SECONDS));
            }
            assertEquals(1, answered.stream().distinct().count(), "every first call got the same key: " + answered);
            assertEquals(List.of(answered.get(0)), listKeyDetail(1L, "kms-cbs"), "exactly one managed key exists");
        } finally {
            pool.shutdownNow();
        }
    }

    private static GenerateDataKeyResponse generateDataKey(KmsClient client, String keyId) throws TencentCloudSDKException {
        GenerateDataKeyRequest request = new GenerateDataKeyRequest();
        request.setKeyId(keyId);
        request.setKeySpec("AES_256");
        return client.GenerateDataKey(request);
    }

    private static String decrypt(KmsClient client, String blob) throws TencentCloudSDKException {
        DecryptRequest request = new DecryptRequest();
        request.setCiphertextBlob(blob);
        return client.Decrypt(request).getPlaintext();
    }

    private static List<String> listKeyDetail(long role, String search) throws TencentCloudSDKException {
        ListKeyDetailRequest request = new ListKeyDetailRequest();
        request.setRole(role);
        request.setSearchKeyAlias(search);
        request.setLimit(200L);
        ListKeyDetailResponse response = kms.ListKeyDetail(request);
        List<String> ids = Arrays.stream(response.getKeyMetadatas()).map(KeyMetadata::getKeyId).toList();
        assertEquals(ids.size(), response.getTotalCount().intValue(), "one page holds them all");
        return ids;
    }

    private static List<String> listKeys(long role) throws TencentCloudSDKException {
        ListKeysRequest request = new ListKeysRequest();
        request.setRole(role);
        request.setLimit(200L);
        return Arrays.stream(kms.ListKeys(request).getKeys()).map(Key::getKeyId).toList();
    }
}
