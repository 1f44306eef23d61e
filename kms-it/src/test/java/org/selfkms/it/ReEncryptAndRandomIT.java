package org.selfkms.it;

import com.tencentcloudapi.kms.v20190118.models.EnableKeyRotationRequest;
import com.tencentcloudapi.kms.v20190118.models.EncryptRequest;
import com.tencentcloudapi.kms.v20190118.models.GenerateRandomRequest;
import com.tencentcloudapi.kms.v20190118.models.ReEncryptRequest;
import com.tencentcloudapi.kms.v20190118.models.ReEncryptResponse;
import com.tencentcloudapi.kms.v20190118.models.DecryptRequest;
import org.junit.jupiter.api.Test;

import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ReEncrypt and GenerateRandom through the official SDK, with Tencent's fields and refusals. */
class ReEncryptAndRandomIT extends SdkKeyTest {

    private static final String SOURCE_CONTEXT = "{\"app\":\"billing\"}";
    private static final String DESTINATION_CONTEXT = "{\"app\":\"archive\"}";

    @Test
    void reEncryptMovesACiphertextToAnotherKeyAndContextWithoutExposingIt() throws Exception {
        String source = createKey(uniqueAlias("re-src"));
        String destination = createKey(uniqueAlias("re-dst"));
        String blob = encryptWithContext(source, SOURCE_CONTEXT);

        ReEncryptResponse moved = reEncrypt(blob, SOURCE_CONTEXT, destination, DESTINATION_CONTEXT);
        assertTrue(moved.getReEncrypted());
        assertEquals(destination, moved.getKeyId());
        assertEquals(source, moved.getSourceKeyId());
        assertEquals(PLAINTEXT, decryptWithContext(moved.getCiphertextBlob(), DESTINATION_CONTEXT));
        assertCode("InvalidParameterValue.InvalidCiphertext", () -> decryptWithContext(moved.getCiphertextBlob(), SOURCE_CONTEXT));

        // the refusals change nothing and never reveal the plaintext
        assertCode("InvalidParameterValue.InvalidCiphertext", () -> reEncrypt(blob, DESTINATION_CONTEXT, destination, null));
        assertCode("InvalidParameterValue.InvalidCiphertext", () -> reEncrypt(tampered(blob), SOURCE_CONTEXT, destination, null));
        assertCode("ResourceUnavailable.CmkNotFound", () -> reEncrypt(blob, SOURCE_CONTEXT, "alias/no-such-key-" + System.nanoTime(), null));
        disable(destination);
        assertCode("ResourceUnavailable.CmkDisabled", () -> reEncrypt(blob, SOURCE_CONTEXT, destination, null));
        disable(source);
        assertCode("ResourceUnavailable.CmkDisabled", () -> reEncrypt(blob, SOURCE_CONTEXT, null, null));
        assertCode("MissingParameter", () -> kms.ReEncrypt(new ReEncryptRequest()));
    }

    @Test
    void reEncryptUnderTheSameKeyOnlyChangesWhatNeedsChanging() throws Exception {
        String keyId = createKey(uniqueAlias("re-same"));
        String blob = encryptWithContext(keyId, SOURCE_CONTEXT);

        ReEncryptResponse unchanged = reEncrypt(blob, SOURCE_CONTEXT, null, SOURCE_CONTEXT);
        assertFalse(unchanged.getReEncrypted(), "same key, same version, same context: nothing to do");
        assertEquals(blob, unchanged.getCiphertextBlob());
        assertEquals(keyId, unchanged.getKeyId());

        ReEncryptResponse newContext = reEncrypt(blob, SOURCE_CONTEXT, null, DESTINATION_CONTEXT);
        assertTrue(newContext.getReEncrypted(), "a new context needs a new blob");
        assertEquals(PLAINTEXT, decryptWithContext(newContext.getCiphertextBlob(), DESTINATION_CONTEXT));

        EnableKeyRotationRequest rotation = new EnableKeyRotationRequest();
        rotation.setKeyId(keyId);
        rotation.setRotateDays(30L);
        kms.EnableKeyRotation(rotation);
        commonClient().call("RotateKey", "{\"KeyId\":\"" + keyId + "\"}");
        ReEncryptResponse rotated = reEncrypt(blob, SOURCE_CONTEXT, null, SOURCE_CONTEXT);
        assertTrue(rotated.getReEncrypted(), "after a rotation the blob moves to the new version");
        assertEquals(2, Base64.getDecoder().decode(rotated.getCiphertextBlob())[21], "made under version 2");
        assertEquals(1, Base64.getDecoder().decode(blob)[21]);
        assertEquals(PLAINTEXT, decryptWithContext(rotated.getCiphertextBlob(), SOURCE_CONTEXT));
    }

    @Test
    void generateRandomGivesFreshBytesOfTheAskedLength() throws Exception {
        for (long length : new long[]{1, 32, 1024}) {
            assertEquals(length, Base64.getDecoder().decode(random(length)).length);
        }
        assertNotEquals(random(32), random(32), "two draws of 256 bits are never equal");
        assertCode("InvalidParameterValue", () -> random(0));
        assertCode("InvalidParameterValue", () -> random(1025));
        assertCode("MissingParameter", () -> kms.GenerateRandom(new GenerateRandomRequest()));
    }

    private static String random(long length) throws Exception {
        GenerateRandomRequest request = new GenerateRandomRequest();
        request.setNumberOfBytes(length);
        return kms.GenerateRandom(request).getPlaintext();
    }

    private static ReEncryptResponse reEncrypt(String blob, String sourceContext, String destinationKey, String destinationContext)
            throws Exception {
        ReEncryptRequest request = new ReEncryptRequest();
        request.setCiphertextBlob(blob);
        request.setSourceEncryptionContext(sourceContext);
        request.setDestinationKeyId(destinationKey);
        request.setDestinationEncryptionContext(destinationContext);
        return kms.ReEncrypt(request);
    }

    private static String encryptWithContext(String keyId, String context) throws Exception {
        EncryptRequest request = new EncryptRequest();
        request.setKeyId(keyId);
        request.setPlaintext(PLAINTEXT);
        request.setEncryptionContext(context);
        return kms.Encrypt(request).getCiphertextBlob();
    }

    private static String decryptWithContext(String blob, String context) throws Exception {
        DecryptRequest request = new DecryptRequest();
        request.setCiphertextBlob(blob);
        request.setEncryptionContext(context);
        return kms.Decrypt(request).getPlaintext();
    }

    /** The same blob with one bit of its ciphertext flipped. */
    private static String tampered(String blob) {
        byte[] bytes = Base64.getDecoder().decode(blob);
        bytes[bytes.length - 1] ^= 1;
        return Base64.getEncoder().encodeToString(bytes);
    }
}
