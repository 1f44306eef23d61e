package org.selfkms.it;

import com.tencentcloudapi.common.exception.TencentCloudSDKException;
import com.tencentcloudapi.kms.v20190118.models.CancelDataKeyDeletionRequest;
import com.tencentcloudapi.kms.v20190118.models.DataKeyMetadata;
import com.tencentcloudapi.kms.v20190118.models.DescribeDataKeyRequest;
import com.tencentcloudapi.kms.v20190118.models.DescribeDataKeysRequest;
import com.tencentcloudapi.kms.v20190118.models.DisableDataKeyRequest;
import com.tencentcloudapi.kms.v20190118.models.DisableDataKeysRequest;
import com.tencentcloudapi.kms.v20190118.models.EnableDataKeyRequest;
import com.tencentcloudapi.kms.v20190118.models.EnableDataKeysRequest;
import com.tencentcloudapi.kms.v20190118.models.GenerateDataKeyRequest;
import com.tencentcloudapi.kms.v20190118.models.GenerateDataKeyResponse;
import com.tencentcloudapi.kms.v20190118.models.GetDataKeyCiphertextBlobRequest;
import com.tencentcloudapi.kms.v20190118.models.GetDataKeyPlaintextRequest;
import com.tencentcloudapi.kms.v20190118.models.GetServiceStatusRequest;
import com.tencentcloudapi.kms.v20190118.models.GetServiceStatusResponse;
import com.tencentcloudapi.kms.v20190118.models.ImportDataKeyRequest;
import com.tencentcloudapi.kms.v20190118.models.ListDataKeyDetailRequest;
import com.tencentcloudapi.kms.v20190118.models.ListDataKeysRequest;
import com.tencentcloudapi.kms.v20190118.models.ScheduleDataKeyDeletionRequest;
import com.tencentcloudapi.kms.v20190118.models.Tag;
import com.tencentcloudapi.kms.v20190118.models.TagFilter;
import com.tencentcloudapi.kms.v20190118.models.UpdateDataKeyDescriptionRequest;
import com.tencentcloudapi.kms.v20190118.models.UpdateDataKeyNameRequest;
import com.tencentcloudapi.kms.v20190118.models.DecryptRequest;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import javax.crypto.Cipher;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.MGF1ParameterSpec;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hosted data keys through the official SDK (docs/api.md, "Hosted data keys"): made by GenerateDataKey with
 * IsHostedByKms=1 or ImportDataKey, given back by GetDataKeyPlaintext and GetDataKeyCiphertextBlob while their own
 * state and their CMK's allow, listed with every ListDataKeyDetail filter, and deleted by the timer.
 */
class HostedDataKeysIT extends SdkKeyTest {

    @Deployment(name = "sql", order = 2, testable = false)
    public static WebArchive sqlAccess() {
        return ServerSql.archive();
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    @AfterEach
    void realTime() throws Exception {
        ServerClock.reset();
    }

    @Test
    void aHostedDataKeyIsGivenBackAsGeneratedAndItsBlobOpensWithItsContext() throws Exception {
        String alias = uniqueAlias("dk-root");
        String keyId = createKey(alias);
        long usedBefore = serviceStatus().getDataKeyUsedCount();
        String name = uniqueName("orders");
        GenerateDataKeyResponse generated = generateHosted(keyId, name, 32L, "{\"table\":\"orders\"}");
        assertTrue(generated.getDataKeyId().matches("[0-9a-f-]{36}"), generated.getDataKeyId());
        assertEquals(keyId, generated.getKeyId());

        assertEquals(generated.getPlaintext(), plaintext(generated.getDataKeyId()), "GetDataKeyPlaintext gives the same key");
        String blob = ciphertextBlob(generated.getDataKeyId());
        assertEquals(generated.getCiphertextBlob(), blob);
        DecryptRequest decrypt = new DecryptRequest();
        decrypt.setCiphertextBlob(blob);
        decrypt.setEncryptionContext("{\"table\":\"orders\"}");
        assertEquals(generated.getPlaintext(), kms.Decrypt(decrypt).getPlaintext(), "the blob is an ordinary blob under the CMK");
        assertCode("InvalidParameterValue.InvalidCiphertext", () -> decrypt(blob));

        DataKeyMetadata metadata = describeDataKey(generated.getDataKeyId());
        assertEquals(generated.getDataKeyId(), metadata.getDataKeyId());
        assertEquals(keyId, metadata.getKeyId());
        assertEquals(alias, metadata.getKeyName());
        assertEquals(name, metadata.getDataKeyName());
        assertEquals(32L, metadata.getNumberOfBytes());
        assertEquals("Enabled", metadata.getKeyState());
        assertEquals("TENCENT_KMS", metadata.getOrigin());
        assertEquals("user", metadata.getOwner());
        assertEquals(0L, metadata.getDeletionDate());
        assertTrue(metadata.getCreateTime() > 1_700_000_000L);
        assertEquals("creatorUin/" + metadata.getCreatorUin() + "/" + generated.getDataKeyId(), metadata.getResourceId());

        GetServiceStatusResponse status = serviceStatus();
        assertTrue(status.getIsAllowedDataKeyHosted());
        assertEquals(10_000L, status.getDataKeyLimit());
        assertEquals(usedBefore + 1, status.getDataKeyUsedCount(), "the new data key counts towards the quota");

        assertEquals("tencent\t" + secretId() + "\tGetDataKeyPlaintext\tALLOWED",
                ServerSql.auditOf(generated.getDataKeyId(), "GetDataKeyPlaintext"), "recorded under the data key's id");

        assertCode("InvalidParameterValue.DataKeyNameAlreadyExists", () -> generateHosted(keyId, name, 16L, null));
        assertCode("InvalidParameterValue.InvalidDataKeyName", () -> generateHosted(keyId, "no spaces", 16L, null));
        assertCode("MissingParameter", () -> generateHosted(keyId, null, 16L, null));
        assertCode("InvalidParameterValue.InvalidDataKeyId", () -> describeDataKey("not-a-uuid"));
        assertCode("ResourceUnavailable.DataKeyNotFound", () -> describeDataKey(UUID.randomUUID().toString()));
        assertEquals(usedBefore + 1, serviceStatus().getDataKeyUsedCount(), "refused requests hosted nothing");
    }

    @Test
    void thePlaintextIsDeliveredEncryptedToTheCallersPublicKey() throws Exception {
        String keyId = createKey(uniqueAlias("dk-deliver"));
        GenerateDataKeyResponse generated = generateHosted(keyId, uniqueName("deliver"), 32L, null);
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair rsa = generator.generateKeyPair();
        GetDataKeyPlaintextRequest request = new GetDataKeyPlaintextRequest();
        request.setDataKeyId(generated.getDataKeyId());
        request.setEncryptionPublicKey(AsymmetricKeysIT.pem(rsa.getPublic()));
        request.setEncryptionAlgorithm("RSAES_OAEP_SHA_256");
        Cipher oaep = Cipher.getInstance("RSA/ECB/OAEPPadding");
        oaep.init(Cipher.DECRYPT_MODE, rsa.getPrivate(), new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, PSource.PSpecified.DEFAULT));
        assertArrayEquals(Base64.getDecoder().decode(generated.getPlaintext()),
                oaep.doFinal(Base64.getDecoder().decode(kms.GetDataKeyPlaintext(request).getPlaintext())));
    }

    @Test
    void dataKeysAreImportedInPlaintextOrAsABlobOfTheirCmk() throws Exception {
        String keyId = createKey(uniqueAlias("dk-import"));
        String otherKey = createKey(uniqueAlias("dk-import-other"));
        byte[] own = new byte[24];
        RANDOM.nextBytes(own);
        String ownBase64 = Base64.getEncoder().encodeToString(own);
        String imported = importDataKey(uniqueName("plain"), 2L, ownBase64, keyId);
        assertEquals(ownBase64, plaintext(imported));
        assertEquals("EXTERNAL", describeDataKey(imported).getOrigin());
        assertEquals(24L, describeDataKey(imported).getNumberOfBytes());

        GenerateDataKeyRequest unhosted = new GenerateDataKeyRequest();
        unhosted.setKeyId(keyId);
        unhosted.setNumberOfBytes(16L);
        GenerateDataKeyResponse made = kms.GenerateDataKey(unhosted);
        String fromBlob = importDataKey(uniqueName("blob"), 1L, made.getCiphertextBlob(), null);
        assertEquals(made.getPlaintext(), plaintext(fromBlob));
        assertEquals(keyId, describeDataKey(fromBlob).getKeyId(), "the blob names its CMK");
        assertEquals("TENCENT_KMS", describeDataKey(fromBlob).getOrigin());

        assertCode("InvalidParameterValue.InvalidImportKeyMaterial", () -> importDataKey(uniqueName("x"), 1L, made.getCiphertextBlob(), otherKey));
        unhosted.setEncryptionContext("{\"a\":\"b\"}");
        String withContext = kms.GenerateDataKey(unhosted).getCiphertextBlob();
        assertCode("InvalidParameterValue.InvalidImportKeyMaterial", () -> importDataKey(uniqueName("x"), 1L, withContext, null));
        assertCode("InvalidParameterValue.InvalidImportKeyMaterial", () -> importDataKey(uniqueName("x"), 1L, "bm90IGEgYmxvYg==", null));
        assertCode("MissingParameter", () -> importDataKey(uniqueName("x"), 2L, ownBase64, null));
        assertCode("InvalidParameterValue.InvalidType", () -> importDataKey(uniqueName("x"), 3L, ownBase64, keyId));
        assertCode("InvalidParameterValue.InvalidPlaintext", () -> importDataKey(uniqueName("x"), 2L,
                Base64.getEncoder().encodeToString(new byte[1025]), keyId));
        disable(keyId);
        assertCode("ResourceUnavailable.CmkDisabled", () -> importDataKey(uniqueName("x"), 2L, ownBase64, keyId));
    }

    @Test
    void theDataKeysStateAndItsCmksStateDecideWhatItGives() throws Exception {
        String keyId = createKey(uniqueAlias("dk-states"));
        String dataKeyId = generateHosted(keyId, uniqueName("states"), 32L, null).getDataKeyId();

        assertCode("ResourceUnavailable.DataKeyStateNotSupport", () -> scheduleDeletion(dataKeyId, 7L));
        disableDataKey(dataKeyId);
        assertEquals("Disabled", describeDataKey(dataKeyId).getKeyState());
        assertCode("ResourceUnavailable.DataKeyDisabled", () -> plaintext(dataKeyId));
        assertCode("ResourceUnavailable.DataKeyStateNotSupport", () -> ciphertextBlob(dataKeyId));
        assertCode("InvalidParameter.InvalidPendingWindowInDays", () -> scheduleDeletion(dataKeyId, 6L));
        long deletionDate = scheduleDeletion(dataKeyId, 7L);
        DataKeyMetadata pending = describeDataKey(dataKeyId);
        assertEquals("PendingDelete", pending.getKeyState());
        assertEquals(deletionDate, pending.getDeletionDate());
        assertCode("ResourceUnavailable.DataKeyPendingDelete", () -> plaintext(dataKeyId));
        assertCode("ResourceUnavailable.DataKeyStateNotSupport", () -> enableDataKey(dataKeyId));
        cancelDataKeyDeletion(dataKeyId);
        assertEquals("Disabled", describeDataKey(dataKeyId).getKeyState(), "a cancelled deletion leaves the data key disabled");
        assertEquals(0L, describeDataKey(dataKeyId).getDeletionDate());
        assertCode("ResourceUnavailable.DataKeyNotPendingDelete", () -> cancelDataKeyDeletion(dataKeyId));
        enableDataKey(dataKeyId);
        // recorded under the data key, though enabling and cancelling consult its CMK too
        assertTrue(ServerSql.auditOf(dataKeyId, "EnableDataKey").contains("\tEnableDataKey\tALLOWED"), ServerSql.auditOf(dataKeyId, "EnableDataKey"));
        assertTrue(ServerSql.auditOf(dataKeyId, "CancelDataKeyDeletion").contains("\tCancelDataKeyDeletion\tALLOWED"));

        disable(keyId);
        assertCode("ResourceUnavailable.CmkDisabled", () -> plaintext(dataKeyId));
        enable(keyId);
        assertTrue(plaintext(dataKeyId).length() > 0, "the CMK enabled again, the data key is usable again");

        String second = generateHosted(keyId, uniqueName("batch"), 16L, null).getDataKeyId();
        DisableDataKeysRequest disableBoth = new DisableDataKeysRequest();
        disableBoth.setDataKeyIds(new String[] {dataKeyId, second});
        kms.DisableDataKeys(disableBoth);
        DescribeDataKeysRequest describeBoth = new DescribeDataKeysRequest();
        describeBoth.setDataKeyIds(new String[] {dataKeyId, second});
        assertTrue(Arrays.stream(kms.DescribeDataKeys(describeBoth).getDataKeyMetadatas()).allMatch(d -> d.getKeyState().equals("Disabled")));
        EnableDataKeysRequest duplicated = new EnableDataKeysRequest();
        duplicated.setDataKeyIds(new String[] {dataKeyId, dataKeyId});
        assertCode("InvalidParameterValue.DuplicatedDataKeyId", () -> kms.EnableDataKeys(duplicated));
        EnableDataKeysRequest withUnknown = new EnableDataKeysRequest();
        withUnknown.setDataKeyIds(new String[] {dataKeyId, UUID.randomUUID().toString()});
        assertCode("ResourceUnavailable.DataKeyNotFound", () -> kms.EnableDataKeys(withUnknown));
        assertEquals("Disabled", describeDataKey(dataKeyId).getKeyState(), "a refused batch changes none of its data keys");
    }

    @Test
    void listingsFilterAndPage() throws Exception {
        String keyId = createKey(uniqueAlias("dk-list"));
        String prefix = uniqueName("list");
        String a = generateHosted(keyId, prefix + "-a", 16L, null).getDataKeyId();
        GenerateDataKeyRequest tagged = hostedRequest(keyId, prefix + "-b", 32L, null);
        Tag tag = new Tag();
        tag.setTagKey("team");
        tag.setTagValue("payments");
        tagged.setTags(new Tag[] {tag});
        String b = kms.GenerateDataKey(tagged).getDataKeyId();
        String c = importDataKey(prefix + "-c", 2L, Base64.getEncoder().encodeToString(new byte[32]), keyId);
        disableDataKey(c);

        ListDataKeyDetailRequest all = new ListDataKeyDetailRequest();
        all.setKeyId(keyId);
        all.setOrderType(1L);
        // CreateTime has whole seconds: keys made in the same second are ordered by id
        DataKeyMetadata[] ascending = kms.ListDataKeyDetail(all).getDataKeyMetadatas();
        assertEquals(java.util.Set.of(a, b, c), java.util.Set.copyOf(ids(ascending)));
        assertEquals(ids(ascending), Arrays.stream(ascending).sorted(java.util.Comparator.comparing(DataKeyMetadata::getCreateTime)
                .thenComparing(DataKeyMetadata::getDataKeyId)).map(DataKeyMetadata::getDataKeyId).toList(), "oldest first with OrderType 1");
        assertEquals(3L, kms.ListDataKeyDetail(all).getTotalCount());
        all.setOrderType(0L);
        List<String> descending = ids(kms.ListDataKeyDetail(all).getDataKeyMetadatas());
        List<String> reversed = new java.util.ArrayList<>(ids(ascending));
        java.util.Collections.reverse(reversed);
        assertEquals(reversed, descending, "newest first by default");
        all.setLimit(2L);
        all.setOffset(2L);
        assertEquals(List.of(descending.get(2)), ids(kms.ListDataKeyDetail(all).getDataKeyMetadatas()));
        assertEquals(3L, kms.ListDataKeyDetail(all).getTotalCount());

        ListDataKeyDetailRequest disabled = new ListDataKeyDetailRequest();
        disabled.setKeyId(keyId);
        disabled.setKeyState(2L);
        assertEquals(List.of(c), ids(kms.ListDataKeyDetail(disabled).getDataKeyMetadatas()));
        ListDataKeyDetailRequest external = new ListDataKeyDetailRequest();
        external.setSearchKeyAlias(prefix);
        external.setOrigin("EXTERNAL");
        assertEquals(List.of(c), ids(kms.ListDataKeyDetail(external).getDataKeyMetadatas()));
        ListDataKeyDetailRequest length = new ListDataKeyDetailRequest();
        length.setSearchKeyAlias(prefix);
        length.setDataKeyLen(16L);
        assertEquals(List.of(a), ids(kms.ListDataKeyDetail(length).getDataKeyMetadatas()));
        ListDataKeyDetailRequest byTag = new ListDataKeyDetailRequest();
        TagFilter filter = new TagFilter();
        filter.setTagKey("team");
        filter.setTagValue(new String[] {"payments"});
        byTag.setTagFilters(new TagFilter[] {filter});
        byTag.setSearchKeyAlias(prefix);
        assertEquals(List.of(b), ids(kms.ListDataKeyDetail(byTag).getDataKeyMetadatas()));
        ListDataKeyDetailRequest byId = new ListDataKeyDetailRequest();
        byId.setSearchKeyAlias(b.substring(0, 13));
        assertEquals(List.of(b), ids(kms.ListDataKeyDetail(byId).getDataKeyMetadatas()), "SearchKeyAlias also matches the id");

        ListDataKeysRequest plain = new ListDataKeysRequest();
        plain.setLimit(200L);
        List<String> listed = Arrays.stream(kms.ListDataKeys(plain).getDataKeys()).map(d -> d.getDataKeyId()).toList();
        assertTrue(listed.containsAll(List.of(a, b, c)), "ListDataKeys lists them too");
        ListDataKeysRequest tooMany = new ListDataKeysRequest();
        tooMany.setLimit(201L);
        assertCode("InvalidParameterValue", () -> kms.ListDataKeys(tooMany));

        UpdateDataKeyNameRequest rename = new UpdateDataKeyNameRequest();
        rename.setDataKeyId(a);
        rename.setDataKeyName(prefix + "-renamed");
        kms.UpdateDataKeyName(rename);
        assertEquals(prefix + "-renamed", describeDataKey(a).getDataKeyName());
        rename.setDataKeyName(prefix + "-b");
        assertCode("InvalidParameterValue.DataKeyNameAlreadyExists", () -> kms.UpdateDataKeyName(rename));
        UpdateDataKeyDescriptionRequest describe = new UpdateDataKeyDescriptionRequest();
        describe.setDataKeyId(a);
        describe.setDescription("orders of 2026");
        kms.UpdateDataKeyDescription(describe);
        assertEquals("orders of 2026", describeDataKey(a).getDescription());
        describe.setDescription("x".repeat(101));
        assertCode("InvalidParameterValue", () -> kms.UpdateDataKeyDescription(describe));
        assertEquals("orders of 2026", describeDataKey(a).getDescription());
    }

    @Test
    void theTimerDeletesADataKeyAtTheEndOfItsWindowAndACmksDeletionTakesItsDataKeys() throws Exception {
        String keyId = createKey(uniqueAlias("dk-timer"));
        String doomed = generateHosted(keyId, uniqueName("doomed"), 32L, null).getDataKeyId();
        String kept = generateHosted(keyId, uniqueName("kept"), 32L, null).getDataKeyId();
        disableDataKey(doomed);
        scheduleDeletion(doomed, 7L);

        ServerClock.shift(Duration.ofDays(6));
        ServerClock.sweepNow();
        assertEquals("PendingDelete", describeDataKey(doomed).getKeyState(), "six days into a seven-day window nothing happens");
        ServerClock.shift(Duration.ofDays(8));
        ServerClock.sweepNow();
        assertCode("ResourceUnavailable.DataKeyNotFound", () -> describeDataKey(doomed));
        assertEquals("timer\tsystem\tFinishDataKeyDeletion\tALLOWED", ServerSql.auditOf(doomed, "FinishDataKeyDeletion"));
        assertEquals("", ServerSql.run("SELECT id FROM kms_data_key WHERE id = '" + doomed + "'").trim(), "nothing of it is left");
        assertEquals("Enabled", describeDataKey(kept).getKeyState());

        ServerClock.reset();
        disable(keyId);
        schedule(keyId, 7L);
        assertCode("ResourceUnavailable.CmkStateNotSupport", () -> plaintext(kept));
        ServerClock.shift(Duration.ofDays(8));
        ServerClock.sweepNow();
        assertCode("ResourceUnavailable.DataKeyNotFound", () -> describeDataKey(kept));
    }

    private static List<String> ids(DataKeyMetadata[] metadatas) {
        return Arrays.stream(metadatas).map(DataKeyMetadata::getDataKeyId).toList();
    }

    private static String uniqueName(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static GenerateDataKeyRequest hostedRequest(String keyId, String name, Long bytes, String context) {
        GenerateDataKeyRequest request = new GenerateDataKeyRequest();
        request.setKeyId(keyId);
        request.setNumberOfBytes(bytes);
        request.setIsHostedByKms(1L);
        request.setDataKeyName(name);
        request.setEncryptionContext(context);
        return request;
    }

    static GenerateDataKeyResponse generateHosted(String keyId, String name, Long bytes, String context) throws TencentCloudSDKException {
        return kms.GenerateDataKey(hostedRequest(keyId, name, bytes, context));
    }

    private static String importDataKey(String name, Long type, String material, String keyId) throws TencentCloudSDKException {
        ImportDataKeyRequest request = new ImportDataKeyRequest();
        request.setDataKeyName(name);
        request.setImportType(type);
        request.setImportKeyMaterial(material);
        request.setKeyId(keyId);
        return kms.ImportDataKey(request).getDataKeyId();
    }

    static DataKeyMetadata describeDataKey(String dataKeyId) throws TencentCloudSDKException {
        DescribeDataKeyRequest request = new DescribeDataKeyRequest();
        request.setDataKeyId(dataKeyId);
        return kms.DescribeDataKey(request).getDataKeyMetadata();
    }

    private static String plaintext(String dataKeyId) throws TencentCloudSDKException {
        GetDataKeyPlaintextRequest request = new GetDataKeyPlaintextRequest();
        request.setDataKeyId(dataKeyId);
        return kms.GetDataKeyPlaintext(request).getPlaintext();
    }

    private static String ciphertextBlob(String dataKeyId) throws TencentCloudSDKException {
        GetDataKeyCiphertextBlobRequest request = new GetDataKeyCiphertextBlobRequest();
        request.setDataKeyId(dataKeyId);
        return kms.GetDataKeyCiphertextBlob(request).getCiphertextBlob();
    }

    private static void disableDataKey(String dataKeyId) throws TencentCloudSDKException {
        DisableDataKeyRequest request = new DisableDataKeyRequest();
        request.setDataKeyId(dataKeyId);
        kms.DisableDataKey(request);
    }

    private static void enableDataKey(String dataKeyId) throws TencentCloudSDKException {
        EnableDataKeyRequest request = new EnableDataKeyRequest();
        request.setDataKeyId(dataKeyId);
        kms.EnableDataKey(request);
    }

    private static long scheduleDeletion(String dataKeyId, Long days) throws TencentCloudSDKException {
        ScheduleDataKeyDeletionRequest request = new ScheduleDataKeyDeletionRequest();
        request.setDataKeyId(dataKeyId);
        request.setPendingWindowInDays(days);
        return kms.ScheduleDataKeyDeletion(request).getDeletionDate();
    }

    private static void cancelDataKeyDeletion(String dataKeyId) throws TencentCloudSDKException {
        CancelDataKeyDeletionRequest request = new CancelDataKeyDeletionRequest();
        request.setDataKeyId(dataKeyId);
        kms.CancelDataKeyDeletion(request);
    }

    private static GetServiceStatusResponse serviceStatus() throws TencentCloudSDKException {
        return kms.GetServiceStatus(new GetServiceStatusRequest());
    }
}
