package org.selfkms.it;

import com.tencentcloudapi.common.exception.TencentCloudSDKException;
import com.tencentcloudapi.kms.v20190118.models.ArchiveKeyRequest;
import com.tencentcloudapi.kms.v20190118.models.CancelKeyArchiveRequest;
import com.tencentcloudapi.kms.v20190118.models.CancelKeyDeletionRequest;
import com.tencentcloudapi.kms.v20190118.models.DescribeKeysRequest;
import com.tencentcloudapi.kms.v20190118.models.DisableKeyRequest;
import com.tencentcloudapi.kms.v20190118.models.DisableKeysRequest;
import com.tencentcloudapi.kms.v20190118.models.EnableKeyRequest;
import com.tencentcloudapi.kms.v20190118.models.EnableKeysRequest;
import com.tencentcloudapi.kms.v20190118.models.GenerateDataKeyRequest;
import com.tencentcloudapi.kms.v20190118.models.KeyMetadata;
import com.tencentcloudapi.kms.v20190118.models.ListKeysRequest;
import com.tencentcloudapi.kms.v20190118.models.ScheduleKeyDeletionResponse;
import com.tencentcloudapi.kms.v20190118.models.UpdateAliasRequest;
import com.tencentcloudapi.kms.v20190118.models.UpdateKeyDescriptionRequest;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Key lifecycle actions through the official SDK: state changes, their refusals, metadata edits. */
class KeyLifecycleCompatibilityIT extends SdkKeyTest {

    @Test
    void scheduleAndCancelDeletion() throws Exception {
        String keyId = createKey(uniqueAlias("del"));
        String blob = encrypt(keyId);
        assertCode("ResourceUnavailable.CmkShouldBeDisabled", () -> schedule(keyId, 7));

        DisableKeyRequest disable = new DisableKeyRequest();
        disable.setKeyId(keyId);
        kms.DisableKey(disable);
        assertCode("InvalidParameter.InvalidPendingWindowInDays", () -> schedule(keyId, 6));
        assertCode("InvalidParameter.InvalidPendingWindowInDays", () -> schedule(keyId, 31));
        long now = System.currentTimeMillis() / 1000;
        ScheduleKeyDeletionResponse scheduled = schedule(keyId, 7);
        assertEquals(keyId, scheduled.getKeyId());
        assertTrue(Math.abs(scheduled.getDeletionDate() - (now + 7 * 86_400L)) < 120, "deletion in 7 days");

        KeyMetadata pending = describe(keyId);
        assertEquals("PendingDelete", pending.getKeyState());
        assertEquals(scheduled.getDeletionDate(), pending.getDeletionDate());
        assertCode("ResourceUnavailable.CmkStateNotSupport", () -> decrypt(blob));
        GenerateDataKeyRequest dataKey = new GenerateDataKeyRequest();
        dataKey.setKeyId(keyId);
        dataKey.setKeySpec("AES_256");
        assertCode("ResourceUnavailable.KeyPendingDelete", () -> kms.GenerateDataKey(dataKey));
        assertCode("ResourceUnavailable.CmkStateNotSupport", () -> encrypt(keyId));
        EnableKeyRequest enable = new EnableKeyRequest();
        enable.setKeyId(keyId);
        assertCode("ResourceUnavailable.CmkStateNotSupport", () -> kms.EnableKey(enable));
        UpdateAliasRequest rename = new UpdateAliasRequest();
        rename.setKeyId(keyId);
        rename.setAlias(uniqueAlias("frozen"));
        assertCode("ResourceUnavailable.CmkStateNotSupport", () -> kms.UpdateAlias(rename));
        ListKeysRequest list = new ListKeysRequest();
        list.setLimit(200L);
        assertFalse(Arrays.stream(kms.ListKeys(list).getKeys()).anyMatch(k -> k.getKeyId().equals(keyId)),
                "ListKeys leaves out keys pending deletion");

        CancelKeyDeletionRequest cancel = new CancelKeyDeletionRequest();
        cancel.setKeyId(keyId);
        assertEquals(keyId, kms.CancelKeyDeletion(cancel).getKeyId());
        KeyMetadata back = describe(keyId);
        assertEquals("Disabled", back.getKeyState(), "a cancelled deletion leaves the key disabled");
        assertEquals(0L, back.getDeletionDate());
        assertCode("ResourceUnavailable.CmkNotPendingDelete", () -> kms.CancelKeyDeletion(cancel));
        kms.EnableKey(enable);
        assertEquals(Base64.getEncoder().encodeToString("lifecycle".getBytes()), decrypt(blob));
    }

    @Test
    void archivedKeysOnlyDecrypt() throws Exception {
        String keyId = createKey(uniqueAlias("arch"));
        String blob = encrypt(keyId);
        ArchiveKeyRequest archive = new ArchiveKeyRequest();
        archive.setKeyId(keyId);
        kms.ArchiveKey(archive);
        assertEquals("Archived", state(keyId));
        assertCode("ResourceUnavailable.CmkArchived", () -> encrypt(keyId));
        assertEquals("bGlmZWN5Y2xl", decrypt(blob), "an archived key still decrypts");
        DisableKeyRequest disable = new DisableKeyRequest();
        disable.setKeyId(keyId);
        assertCode("ResourceUnavailable.CmkStateNotSupport", () -> kms.DisableKey(disable));

        CancelKeyArchiveRequest unarchive = new CancelKeyArchiveRequest();
        unarchive.setKeyId(keyId);
        kms.CancelKeyArchive(unarchive);
        assertEquals("Enabled", state(keyId));
        encrypt(keyId);

        kms.DisableKey(disable);
        assertCode("ResourceUnavailable.CmkStateNotSupport", () -> kms.ArchiveKey(archive));
    }

    @Test
    void aliasesAndDescriptionsChange() throws Exception {
        String alias = uniqueAlias("old");
        String keyId = createKey(alias);
        String taken = uniqueAlias("taken");
        createKey(taken);
        String renamed = uniqueAlias("new");

        UpdateAliasRequest rename = new UpdateAliasRequest();
        rename.setKeyId(alias);
        rename.setAlias(renamed);
        kms.UpdateAlias(rename);
        assertEquals(renamed, describe(keyId).getAlias());
        assertEquals(keyId, describe(renamed).getKeyId(), "the new alias resolves");
        assertCode("ResourceUnavailable.CmkNotFound", () -> describe(alias));
        assertCode("ResourceUnavailable.CmkNotFound", () -> encrypt(alias));
        encrypt(renamed);

        rename.setKeyId(keyId);
        rename.setAlias(taken);
        assertCode("InvalidParameterValue.AliasAlreadyExists", () -> kms.UpdateAlias(rename));
        rename.setAlias("bad alias");
        assertCode("InvalidParameterValue.InvalidAlias", () -> kms.UpdateAlias(rename));
        assertEquals(renamed, describe(keyId).getAlias(), "a refused rename changes nothing");

        UpdateKeyDescriptionRequest describeIt = new UpdateKeyDescriptionRequest();
        describeIt.setKeyId(keyId);
        describeIt.setDescription("payments, EU");
        kms.UpdateKeyDescription(describeIt);
        assertEquals("payments, EU", describe(keyId).getDescription());
        describeIt.setDescription("x".repeat(1025));
        assertCode("InvalidParameterValue", () -> kms.UpdateKeyDescription(describeIt));
        assertEquals("payments, EU", describe(keyId).getDescription());
    }

    @Test
    void batchesAreAllOrNothing() throws Exception {
        String a = createKey(uniqueAlias("batch-a"));
        String b = createKey(uniqueAlias("batch-b"));

        DescribeKeysRequest describeBoth = new DescribeKeysRequest();
        describeBoth.setKeyIds(new String[]{a, b});
        assertEquals(2, kms.DescribeKeys(describeBoth).getKeyMetadatas().length);
        describeBoth.setKeyIds(new String[]{a, a});
        assertCode("InvalidParameterValue.DuplicatedKeyId", () -> kms.DescribeKeys(describeBoth));

        DisableKeysRequest disable = new DisableKeysRequest();
        disable.setKeyIds(new String[]{a, b});
        kms.DisableKeys(disable);
        assertEquals("Disabled", state(a));
        assertEquals("Disabled", state(b));

        ArchiveKeyRequest archive = new ArchiveKeyRequest();
        EnableKeysRequest enable = new EnableKeysRequest();
        enable.setKeyIds(new String[]{a, b});
        kms.EnableKeys(enable);
        archive.setKeyId(b);
        kms.ArchiveKey(archive);
        // b is archived: disabling both is refused, and a stays enabled (one transaction)
        assertCode("ResourceUnavailable.CmkStateNotSupport", () -> kms.DisableKeys(disable));
        assertEquals("Enabled", state(a));
        disable.setKeyIds(new String[101]);
        Arrays.fill(disable.getKeyIds(), a);
        assertCode("InvalidParameterValue", () -> kms.DisableKeys(disable));
        assertCode("MissingParameter", () -> kms.EnableKeys(new EnableKeysRequest()));
    }

    /**
     * RotateKey at most once per kms.rotation.min-interval-seconds (a day by default, Tencent's limit). The test
     * server runs with 0 so other tests rotate back to back; here the day is switched on for the running
     * server and crossed with the test-only clock.
     */
    @Test
    void rotateKeyIsRateLimitedToOncePerInterval() throws Exception {
        String keyId = createKey(uniqueAlias("rot-limit"));
        com.tencentcloudapi.kms.v20190118.models.EnableKeyRotationRequest enable =
                new com.tencentcloudapi.kms.v20190118.models.EnableKeyRotationRequest();
        enable.setKeyId(keyId);
        enable.setRotateDays(30L);
        kms.EnableKeyRotation(enable);
        String rotateKey = "{\"KeyId\":\"" + keyId + "\"}";
        ServerClock.setProperty("kms.rotation.min-interval-seconds", "86400");
        try {
            commonClient().call("RotateKey", rotateKey);
            assertCode("RequestLimitExceeded.RotateRateLimited", () -> commonClient().call("RotateKey", rotateKey));
            ServerClock.shift(java.time.Duration.ofHours(23));
            assertCode("RequestLimitExceeded.RotateRateLimited", () -> commonClient().call("RotateKey", rotateKey));
            ServerClock.shift(java.time.Duration.ofHours(24).plusSeconds(1));
            commonClient().call("RotateKey", rotateKey);
        } finally {
            ServerClock.reset();
            ServerClock.setProperty("kms.rotation.min-interval-seconds", "0");
        }
        assertEquals(3, Base64.getDecoder().decode(encrypt(keyId))[21], "two rotations made version 3");
    }

    /**
     * Rotation: every version ever made keeps decrypting, the newest encrypts. RotateKey exists only from SDK
     * 3.2.2, so it goes through the SDK's generic client here; the test server allows rotations back to back.
     */
    @Test
    void rotatedKeysDecryptEveryOlderCiphertext() throws Exception {
        String keyId = createKey(uniqueAlias("rot"));
        String rotateKey = "{\"KeyId\":\"" + keyId + "\"}";
        com.tencentcloudapi.kms.v20190118.models.GetKeyRotationStatusRequest status =
                new com.tencentcloudapi.kms.v20190118.models.GetKeyRotationStatusRequest();
        status.setKeyId(keyId);
        assertFalse(kms.GetKeyRotationStatus(status).getKeyRotationEnabled());
        assertCode("UnsupportedOperation.RotateNotSupported", () -> commonClient().call("RotateKey", rotateKey));

        com.tencentcloudapi.kms.v20190118.models.EnableKeyRotationRequest enable =
                new com.tencentcloudapi.kms.v20190118.models.EnableKeyRotationRequest();
        enable.setKeyId(keyId);
        enable.setRotateDays(6L);
        assertCode("InvalidParameterValue", () -> kms.EnableKeyRotation(enable));
        enable.setRotateDays(30L);
        kms.EnableKeyRotation(enable);
        assertTrue(kms.GetKeyRotationStatus(status).getKeyRotationEnabled());
        KeyMetadata enabled = describe(keyId);
        assertEquals(30L, enabled.getRotateDays());
        assertTrue(Math.abs(enabled.getNextRotateTime() - (System.currentTimeMillis() / 1000 + 30 * 86_400L)) < 120);

        java.util.List<String> blobs = new java.util.ArrayList<>();
        blobs.add(encrypt(keyId));
        for (int i = 0; i < 3; i++) {
            String answer = commonClient().call("RotateKey", rotateKey);
            assertTrue(answer.contains("TaskId"), answer);
            blobs.add(encrypt(keyId));
        }
        assertTrue(describe(keyId).getLastRotateTime() > 0);
        for (String blob : blobs) {
            assertEquals("bGlmZWN5Y2xl", decrypt(blob), "a ciphertext from before some rotations");
        }
        assertEquals(blobs.size(), blobs.stream().map(b -> Base64.getDecoder().decode(b)[21]).distinct().count(),
                "each blob was made under another version (byte 21 is the low byte of the version)");

        com.tencentcloudapi.kms.v20190118.models.DisableKeyRotationRequest disable =
                new com.tencentcloudapi.kms.v20190118.models.DisableKeyRotationRequest();
        disable.setKeyId(keyId);
        kms.DisableKeyRotation(disable);
        assertFalse(kms.GetKeyRotationStatus(status).getKeyRotationEnabled());
        assertEquals(0L, describe(keyId).getNextRotateTime());
        assertCode("UnsupportedOperation.RotateNotSupported", () -> commonClient().call("RotateKey", rotateKey));
    }

    private static java.util.List<String> listDetail(java.util.function.Consumer<com.tencentcloudapi.kms.v20190118.models.ListKeyDetailRequest> filters,
                                                     long[] total) throws TencentCloudSDKException {
        com.tencentcloudapi.kms.v20190118.models.ListKeyDetailRequest request = new com.tencentcloudapi.kms.v20190118.models.ListKeyDetailRequest();
        filters.accept(request);
        com.tencentcloudapi.kms.v20190118.models.ListKeyDetailResponse response = kms.ListKeyDetail(request);
        total[0] = response.getTotalCount();
        return Arrays.stream(response.getKeyMetadatas()).map(KeyMetadata::getKeyId).toList();
    }

    @Test
    void listKeyDetailFiltersOrdersAndPages() throws Exception {
        String prefix = uniqueAlias("lkd");
        java.util.List<String> created = new java.util.ArrayList<>();
        for (String suffix : new String[]{"a", "b", "c"}) {
            created.add(createKey(prefix + "-" + suffix));
        }
        DisableKeyRequest disable = new DisableKeyRequest();
        disable.setKeyId(created.get(1));
        kms.DisableKey(disable);
        // The server orders by creation time, then key id; compute the expected order the same way.
        java.util.List<String> ascending = new java.util.ArrayList<>(created);
        java.util.Map<String, Long> createTime = new java.util.HashMap<>();
        for (String id : created) {
            createTime.put(id, describe(id).getCreateTime());
        }
        ascending.sort(java.util.Comparator.comparing((String id) -> createTime.get(id)).thenComparing(id -> id));
        java.util.List<String> descending = new java.util.ArrayList<>(ascending);
        java.util.Collections.reverse(descending);

        long[] total = new long[1];
        assertEquals(ascending, listDetail(r -> { r.setSearchKeyAlias(prefix); r.setOrderType(1L); }, total));
        assertEquals(3, total[0]);
        assertEquals(descending, listDetail(r -> r.setSearchKeyAlias(prefix.toUpperCase()), total), "newest first, case-insensitive search");
        assertEquals(java.util.List.of(created.get(1)), listDetail(r -> { r.setSearchKeyAlias(prefix); r.setKeyState(2L); }, total));
        assertEquals(java.util.List.of(ascending.get(1)),
                listDetail(r -> { r.setSearchKeyAlias(prefix); r.setOrderType(1L); r.setOffset(1L); r.setLimit(1L); }, total));
        assertEquals(3, total[0], "TotalCount counts every match, not the page");
        assertEquals(3, listDetail(r -> { r.setSearchKeyAlias(prefix); r.setKeyUsage("ALL"); }, total).size());
        assertEquals(0, listDetail(r -> { r.setSearchKeyAlias(prefix); r.setKeyUsage("ASYMMETRIC_SIGN_VERIFY_ECC"); }, total).size());
        assertEquals(0, listDetail(r -> { r.setSearchKeyAlias(prefix); r.setOrigin("EXTERNAL"); }, total).size());
        assertEquals(3, listDetail(r -> { r.setSearchKeyAlias(prefix); r.setOrigin("TENCENT_KMS"); }, total).size());
        assertEquals(java.util.List.of(created.get(0)), listDetail(r -> r.setSearchKeyAlias(created.get(0).substring(4, 30)), total),
                "search matches key ids too");
        assertEquals(0, listDetail(r -> r.setSearchKeyAlias(prefix + "%"), total).size(), "wildcards are taken literally");
        assertCode("InvalidParameterValue", () -> listDetail(r -> r.setKeyState(6L), total));
        assertCode("InvalidParameterValue", () -> listDetail(r -> r.setLimit(201L), total));
        assertCode("InvalidParameterValue", () -> listDetail(r -> r.setOrigin("SOMEWHERE"), total));
    }
}
