package org.selfkms.it;

import com.tencentcloudapi.common.exception.TencentCloudSDKException;
import com.tencentcloudapi.kms.v20190118.KmsClient;
import com.tencentcloudapi.kms.v20190118.models.GetRegionsRequest;
import com.tencentcloudapi.kms.v20190118.models.GetServiceStatusRequest;
import com.tencentcloudapi.kms.v20190118.models.GetServiceStatusResponse;
import com.tencentcloudapi.kms.v20190118.models.ListKeyDetailRequest;
import com.tencentcloudapi.kms.v20190118.models.ListKeysRequest;
import com.tencentcloudapi.kms.v20190118.models.PostQuantumCryptoDecryptRequest;
import com.tencentcloudapi.kms.v20190118.models.PostQuantumCryptoEncryptRequest;
import com.tencentcloudapi.kms.v20190118.models.PostQuantumCryptoSignRequest;
import com.tencentcloudapi.kms.v20190118.models.PostQuantumCryptoVerifyRequest;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The post-quantum actions (Tencent's Kyber_AES and Dilithium: ML-KEM-768 and ML-DSA-65 here) and the
 * service-level actions, through the Tencent SDK. ML-DSA signatures are checked with Bouncy Castle's JCA
 * provider on the public key from GetPublicKey. On an HSM-default server the post-quantum usages are refused.
 */
class PostQuantumAndServiceIT extends SdkKeyTest {

    private static final boolean HSM_DEFAULT = "HSM".equals(System.getenv("KMS_DEFAULT_PROTECTION_LEVEL"));
    private static final byte[] SECRET = "post-quantum secret".getBytes(StandardCharsets.UTF_8);

    @Test
    void kyberEncryptionRoundTripsAndRefusesForeignBlobs() throws Exception {
        if (HSM_DEFAULT) {
            assertCode("UnsupportedOperation.UnsupportedKeyUsageInCurrentRegion",
                    () -> AsymmetricKeysIT.createKeyPair("ASYMMETRIC_Encrypt_Decrypt_Kyber_AES"));
            return;
        }
        String keyId = AsymmetricKeysIT.createKeyPair("ASYMMETRIC_Encrypt_Decrypt_Kyber_AES");
        String blob = pqcEncrypt(keyId, SECRET);
        assertArrayEquals(SECRET, pqcDecrypt(blob));
        assertFalse(blob.equals(pqcEncrypt(keyId, SECRET)), "a fresh encapsulation per call");

        String symmetric = createKey(uniqueAlias("sym"));
        assertCode("InvalidParameterValue.InvalidCiphertext", () -> decrypt(blob));
        assertCode("InvalidParameterValue.InvalidCiphertext", () -> pqcDecrypt(encrypt(symmetric)));
        byte[] altered = Base64.getDecoder().decode(blob);
        altered[altered.length - 1] ^= 1;
        assertCode("InvalidParameterValue.InvalidCiphertext", () -> pqcDecrypt(Base64.getEncoder().encodeToString(altered)));
        assertCode("InvalidParameterValue.InvalidCiphertext", () -> pqcDecrypt("bm90IGEgYmxvYg=="));
        assertCode("InvalidParameterValue.InvalidPlaintext", () -> pqcEncrypt(keyId, new byte[4097]));
        assertCode("InvalidParameterValue.InvalidKeyUsage", () -> pqcEncrypt(symmetric, SECRET));

        disable(keyId);
        assertCode("ResourceUnavailable.CmkDisabled", () -> pqcEncrypt(keyId, SECRET));
        assertCode("ResourceUnavailable.CmkDisabled", () -> pqcDecrypt(blob));
        enable(keyId);
        assertArrayEquals(SECRET, pqcDecrypt(blob));
    }

    @Test
    void dilithiumSignaturesVerifyWithBouncyCastle() throws Exception {
        if (HSM_DEFAULT) {
            assertCode("UnsupportedOperation.UnsupportedKeyUsageInCurrentRegion",
                    () -> AsymmetricKeysIT.createKeyPair("ASYMMETRIC_SIGN_VERIFY_DILITHIUM"));
            return;
        }
        String keyId = AsymmetricKeysIT.createKeyPair("ASYMMETRIC_SIGN_VERIFY_DILITHIUM");
        byte[] signature = pqcSign(keyId, SECRET);
        BouncyCastleProvider bc = new BouncyCastleProvider();
        Signature mlDsa = Signature.getInstance("ML-DSA-65", bc);
        mlDsa.initVerify(KeyFactory.getInstance("ML-DSA", bc).generatePublic(new X509EncodedKeySpec(
                Base64.getDecoder().decode(AsymmetricKeysIT.publicKey(keyId).getPublicKey()))));
        mlDsa.update(SECRET);
        assertTrue(mlDsa.verify(signature), "Bouncy Castle rejects the ML-DSA-65 signature");
        assertTrue(pqcVerify(keyId, SECRET, signature));
        assertFalse(pqcVerify(keyId, "another message".getBytes(StandardCharsets.UTF_8), signature));
        // the generic actions take the key too, with Tencent's ListAlgorithms name; DIGEST has no meaning for ML-DSA
        assertTrue(AsymmetricKeysIT.verify(keyId, "Dilithium", "RAW", SECRET, signature));
        assertCode("InvalidParameterValue", () -> AsymmetricKeysIT.sign(keyId, "Dilithium", "DIGEST", new byte[32]));
        String ecc = AsymmetricKeysIT.createKeyPair("ASYMMETRIC_SIGN_VERIFY_ECC");
        assertCode("InvalidParameterValue.InvalidKeyUsage", () -> pqcSign(ecc, SECRET));
        assertCode("InvalidParameterValue", () -> pqcSign(keyId, new byte[4097]));
    }

    @Test
    void serviceStatusCountsTheTenantsKeys() throws Exception {
        GetServiceStatusResponse status = kms.GetServiceStatus(new GetServiceStatusRequest());
        assertTrue(status.getServiceEnabled());
        assertEquals(1L, status.getInvalidType());
        assertTrue(status.getIsAllowedDataKeyHosted());
        assertTrue(status.getDataKeyLimit() > 0);
        assertEquals(status.getDataKeyLimit(), status.getFreeDataKeyLimit(), "nothing is paid for: the whole quota is free");
        assertTrue(status.getCmkLimit() > 0);
        long keys = 0;
        for (long role : new long[]{0, 1}) {
            ListKeyDetailRequest request = new ListKeyDetailRequest();
            request.setKeyUsage("ALL");
            request.setRole(role);
            request.setLimit(1L);
            keys += kms.ListKeyDetail(request).getTotalCount();
        }
        assertEquals(keys, status.getCmkUserCount());
        createKey(uniqueAlias("count"));
        assertEquals(keys + 1, kms.GetServiceStatus(new GetServiceStatusRequest()).getCmkUserCount());
    }

    @Test
    void regionsAreWhatTheServerServes() throws Exception {
        assertArrayEquals(new String[]{"ap-guangzhou"}, kms.GetRegions(new GetRegionsRequest()).getRegions());
        KmsClient elsewhere = kms(secretId(), secretKey(), "ap-shanghai");
        assertCode("UnsupportedRegion", () -> elsewhere.ListKeys(new ListKeysRequest()));
    }

    private static String pqcEncrypt(String keyId, byte[] plaintext) throws TencentCloudSDKException {
        PostQuantumCryptoEncryptRequest request = new PostQuantumCryptoEncryptRequest();
        request.setKeyId(keyId);
        request.setPlainText(Base64.getEncoder().encodeToString(plaintext));
        return kms.PostQuantumCryptoEncrypt(request).getCiphertextBlob();
    }

    private static byte[] pqcDecrypt(String blob) throws TencentCloudSDKException {
        PostQuantumCryptoDecryptRequest request = new PostQuantumCryptoDecryptRequest();
        request.setCiphertextBlob(blob);
        return Base64.getDecoder().decode(kms.PostQuantumCryptoDecrypt(request).getPlainText());
    }

    private static byte[] pqcSign(String keyId, byte[] message) throws TencentCloudSDKException {
        PostQuantumCryptoSignRequest request = new PostQuantumCryptoSignRequest();
        request.setKeyId(keyId);
        request.setMessage(Base64.getEncoder().encodeToString(message));
        return Base64.getDecoder().decode(kms.PostQuantumCryptoSign(request).getSignature());
    }

    private static boolean pqcVerify(String keyId, byte[] message, byte[] signature) throws TencentCloudSDKException {
        PostQuantumCryptoVerifyRequest request = new PostQuantumCryptoVerifyRequest();
        request.setKeyId(keyId);
        request.setMessage(Base64.getEncoder().encodeToString(message));
        request.setSignatureValue(Base64.getEncoder().encodeToString(signature));
        return kms.PostQuantumCryptoVerify(request).getSignatureValid();
    }
}
