package org.selfkms.it;

import com.tencentcloudapi.common.exception.TencentCloudSDKException;
import com.tencentcloudapi.kms.v20190118.KmsClient;
import com.tencentcloudapi.kms.v20190118.models.CancelKeyDeletionRequest;
import com.tencentcloudapi.kms.v20190118.models.CreateKeyRequest;
import com.tencentcloudapi.kms.v20190118.models.DecryptRequest;
import com.tencentcloudapi.kms.v20190118.models.DescribeKeyRequest;
import com.tencentcloudapi.kms.v20190118.models.DisableKeyRequest;
import com.tencentcloudapi.kms.v20190118.models.EnableKeyRequest;
import com.tencentcloudapi.kms.v20190118.models.EncryptRequest;
import com.tencentcloudapi.kms.v20190118.models.KeyMetadata;
import com.tencentcloudapi.kms.v20190118.models.ScheduleKeyDeletionRequest;
import com.tencentcloudapi.kms.v20190118.models.ScheduleKeyDeletionResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.function.Executable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Base of the key-lifecycle tests through the SDK: one-line calls, so that each test reads as its steps. */
abstract class SdkKeyTest extends DeployedKms {

    /** base64 of "lifecycle", what {@link #encrypt(String)} encrypts. */
    static final String PLAINTEXT = "bGlmZWN5Y2xl";

    static KmsClient kms;

    @BeforeAll
    static void client() {
        kms = kms();
    }

    /** The SDK's generic client, for actions newer than the pinned SDK (RotateKey exists only from 3.2.2). */
    static void assertCode(String code, Executable call) {
        TencentCloudSDKException e = assertThrows(TencentCloudSDKException.class, call);
        assertEquals(code, e.getErrorCode(), () -> "message: " + e.getMessage());
    }

    static String createKey(String alias) throws TencentCloudSDKException {
        CreateKeyRequest request = new CreateKeyRequest();
        request.setAlias(alias);
        return kms.CreateKey(request).getKeyId();
    }

    static KeyMetadata describe(String keyId) throws TencentCloudSDKException {
        DescribeKeyRequest request = new DescribeKeyRequest();
        request.setKeyId(keyId);
        return kms.DescribeKey(request).getKeyMetadata();
    }

    static String state(String keyId) throws TencentCloudSDKException {
        return describe(keyId).getKeyState();
    }

    static String encrypt(String keyId) throws TencentCloudSDKException {
        EncryptRequest request = new EncryptRequest();
        request.setKeyId(keyId);
        request.setPlaintext(PLAINTEXT);
        return kms.Encrypt(request).getCiphertextBlob();
    }

    static String decrypt(String blob) throws TencentCloudSDKException {
        DecryptRequest request = new DecryptRequest();
        request.setCiphertextBlob(blob);
        return kms.Decrypt(request).getPlaintext();
    }

    static void disable(String keyId) throws TencentCloudSDKException {
        DisableKeyRequest request = new DisableKeyRequest();
        request.setKeyId(keyId);
        kms.DisableKey(request);
    }

    static void enable(String keyId) throws TencentCloudSDKException {
        EnableKeyRequest request = new EnableKeyRequest();
        request.setKeyId(keyId);
        kms.EnableKey(request);
    }

    static ScheduleKeyDeletionResponse schedule(String keyId, long days) throws TencentCloudSDKException {
        ScheduleKeyDeletionRequest request = new ScheduleKeyDeletionRequest();
        request.setKeyId(keyId);
        request.setPendingWindowInDays(days);
        return kms.ScheduleKeyDeletion(request);
    }

    static String cancelDeletion(String keyId) throws TencentCloudSDKException {
        CancelKeyDeletionRequest request = new CancelKeyDeletionRequest();
        request.setKeyId(keyId);
        return kms.CancelKeyDeletion(request).getKeyId();
    }
}
