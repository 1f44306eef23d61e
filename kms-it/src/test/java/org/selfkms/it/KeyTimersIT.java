package org.selfkms.it;

import com.tencentcloudapi.common.exception.TencentCloudSDKException;
import com.tencentcloudapi.kms.v20190118.models.EnableKeyRotationRequest;
import com.tencentcloudapi.kms.v20190118.models.GenerateDataKeyRequest;
import com.tencentcloudapi.kms.v20190118.models.GetKeyRotationStatusRequest;
import com.tencentcloudapi.kms.v20190118.models.KeyMetadata;
import com.tencentcloudapi.kms.v20190118.models.ListKeyDetailRequest;
import org.junit.jupiter.api.AfterEach;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The key lifecycle timers on the real server, through the official SDK: the test moves the
 * server's clock (test-only switch) and asks for a sweep instead of waiting days.
 */
class KeyTimersIT extends SdkKeyTest {

    /** To read the audit trail: what the server does by itself is recorded like any request. */
    @Deployment(name = "sql", order = 2, testable = false)
    public static WebArchive sqlAccess() {
        return ServerSql.archive();
    }

    private static final long DAY = 86_400L;

    @AfterEach
    void realTime() throws Exception {
        ServerClock.reset();
    }

    @Test
    void aDeletionFinishesWhenItsWindowEndsAndTheKeyIsGoneForGood() throws Exception {
        String alias = uniqueAlias("timer-del");
        String keyId = createKey(alias);
        String blob = encrypt(keyId);
        GenerateDataKeyRequest dataKey = new GenerateDataKeyRequest();
        dataKey.setKeyId(keyId);
        dataKey.setKeySpec("AES_256");
        String dataKeyBlob = kms.GenerateDataKey(dataKey).getCiphertextBlob();
        disable(keyId);
        schedule(keyId, 7);
        String laterKey = createKey(uniqueAlias("timer-del-later"));
        disable(laterKey);
        schedule(laterKey, 30);

        ServerClock.shift(Duration.ofDays(6));
        ServerClock.sweepNow();
        assertEquals("PendingDelete", describe(keyId).getKeyState(), "six days into a seven-day window nothing happens");

        ServerClock.shift(Duration.ofDays(8));
        ServerClock.sweepNow();

        TencentCloudSDKException gone = assertThrows(TencentCloudSDKException.class, () -> describe(keyId));
        assertEquals("ResourceUnavailable.CmkNotFound", gone.getErrorCode());
        assertTrue(gone.getMessage().contains("deleted"), "DescribeKey says why: " + gone.getMessage());
        assertCode("ResourceUnavailable.CmkNotFound", () -> encrypt(keyId));
        assertCode("ResourceUnavailable.CmkNotFound", () -> decrypt(blob));
        assertCode("ResourceUnavailable.CmkNotFound", () -> decrypt(dataKeyBlob));
        assertCode("ResourceUnavailable.CmkNotFound", () -> cancelDeletion(keyId));
        assertCode("ResourceUnavailable.CmkNotFound", () -> enable(keyId));
        ListKeyDetailRequest list = new ListKeyDetailRequest();
        list.setLimit(200L);
        list.setSearchKeyAlias(keyId);
        assertFalse(Arrays.stream(kms.ListKeyDetail(list).getKeyMetadatas()).anyMatch(k -> k.getKeyId().equals(keyId)),
                "ListKeyDetail does not list deleted keys");
        assertEquals("PendingDelete", describe(laterKey).getKeyState(), "a 30-day window has not ended after 8 days");

        String successor = createKey(alias);
        assertNotEquals(keyId, successor, "the alias is free again, the key id is never reused");
        assertEquals("timer\tsystem\tFinishKeyDeletion\tALLOWED", ServerSql.auditOf(keyId, "FinishKeyDeletion"),
                "the deletion is in the key owner's audit trail");

        // Even at real time again (a clock that went back) the deleted key stays deleted.
        ServerClock.reset();
        assertCode("ResourceUnavailable.CmkNotFound", () -> decrypt(blob));
    }

    @Test
    void aCancelledDeletionIsNotCarriedOut() throws Exception {
        String keyId = createKey(uniqueAlias("timer-cancel"));
        String blob = encrypt(keyId);
        disable(keyId);
        schedule(keyId, 7);
        cancelDeletion(keyId);

        ServerClock.shift(Duration.ofDays(8));
        ServerClock.sweepNow();

        assertEquals("Disabled", describe(keyId).getKeyState());
        enable(keyId);
        assertEquals(PLAINTEXT, decrypt(blob));
    }

    @Test
    void anOverdueKeyRotatesOnceAndOldCiphertextsStillDecrypt() throws Exception {
        String keyId = createKey(uniqueAlias("timer-rot"));
        String before = encrypt(keyId);
        assertEquals(1, blobVersion(before));
        EnableKeyRotationRequest rotation = new EnableKeyRotationRequest();
        rotation.setKeyId(keyId);
        rotation.setRotateDays(7L);
        kms.EnableKeyRotation(rotation);
        long firstDue = describe(keyId).getNextRotateTime();

        ServerClock.shift(Duration.ofDays(6));
        ServerClock.sweepNow();
        assertEquals(1, blobVersion(encrypt(keyId)), "not due yet");

        // Three periods missed, as after a long downtime: one rotation, and the period restarts from now.
        ServerClock.shift(Duration.ofDays(22));
        ServerClock.sweepNow();
        KeyMetadata rotated = describe(keyId);
        assertTrue(rotated.getLastRotateTime() >= firstDue + 14 * DAY, "rotated at the shifted time: " + rotated.getLastRotateTime());
        assertEquals(rotated.getLastRotateTime() + 7 * DAY, rotated.getNextRotateTime());
        assertTrue(rotated.getKeyRotationEnabled());
        GetKeyRotationStatusRequest status = new GetKeyRotationStatusRequest();
        status.setKeyId(keyId);
        assertTrue(kms.GetKeyRotationStatus(status).getKeyRotationEnabled());

        ServerClock.sweepNow();
        String after = encrypt(keyId);
        assertEquals(2, blobVersion(after), "one new version, not one per missed period");
        assertEquals(rotated.getNextRotateTime(), describe(keyId).getNextRotateTime());
        assertEquals(PLAINTEXT, decrypt(before), "the old version still decrypts");
        assertEquals(PLAINTEXT, decrypt(after));
        assertEquals("timer\tsystem\tAutoRotateKey\tALLOWED", ServerSql.auditOf(keyId, "AutoRotateKey"), "exactly one rotation recorded");
    }

    @Test
    void aDisabledKeyIsNotRotatedUntilItIsEnabledAgain() throws Exception {
        String keyId = createKey(uniqueAlias("timer-rot-off"));
        EnableKeyRotationRequest rotation = new EnableKeyRotationRequest();
        rotation.setKeyId(keyId);
        rotation.setRotateDays(7L);
        kms.EnableKeyRotation(rotation);
        disable(keyId);

        ServerClock.shift(Duration.ofDays(8));
        ServerClock.sweepNow();
        assertEquals(0L, describe(keyId).getLastRotateTime(), "a disabled key does not rotate");

        enable(keyId);
        ServerClock.sweepNow();
        assertEquals(2, blobVersion(encrypt(keyId)), "once enabled, the overdue rotation happens");
    }

    /** The CMK version a blob names (format version 1: bytes 18-21, see docs/architecture.md). */
    private static int blobVersion(String blob) {
        return ByteBuffer.wrap(Base64.getDecoder().decode(blob), 18, 4).getInt();
    }
}
