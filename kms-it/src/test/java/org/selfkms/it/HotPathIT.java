package org.selfkms.it;

import com.tencentcloudapi.kms.v20190118.KmsClient;
import com.tencentcloudapi.kms.v20190118.models.CreateKeyRequest;
import com.tencentcloudapi.kms.v20190118.models.DecryptRequest;
import com.tencentcloudapi.kms.v20190118.models.EncryptRequest;
import com.tencentcloudapi.kms.v20190118.models.GenerateDataKeyRequest;
import org.jboss.as.controller.client.ModelControllerClient;
import org.jboss.dmr.ModelNode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docs/architecture.md, *The path of one Encrypt request*: Encrypt, Decrypt, GenerateDataKey, ReEncrypt, SignByAsymmetricKey and VerifyByAsymmetricKey on a
 * warm cache do no database read. Proven
 * with Hibernate's statistics of the deployed persistence unit, read over the management API: the number
 * of JDBC statements prepared must not move while the hot path runs, and must move for control-plane work
 * (so the counter is known to be live).
 *
 * <p>Every one of these calls also writes an audit record. The audit writer inserts through plain JDBC
 * batches on the datasource, which Hibernate does not see, so the counter still counts exactly what the hot
 * path would read through JPA (credentials, keys, versions): a read slipping in still fails this test, while the
 * audit INSERTs - writes, and batched - do not.
 */
class HotPathIT extends DeployedKms {

    private static long preparedStatements() throws Exception {
        try (ModelControllerClient client = ModelControllerClient.Factory.create("127.0.0.1", managementPort())) {
            ModelNode op = new ModelNode();
            op.get("operation").set("read-attribute");
            ModelNode address = op.get("address");
            address.add("deployment", "kms.ear");
            address.add("subdeployment", "kms-ejb.jar");
            address.add("subsystem", "jpa");
            address.add("hibernate-persistence-unit", "kms.ear/kms-ejb.jar#kms");
            op.get("name").set("prepared-statement-count");
            ModelNode result = client.execute(op);
            assertEquals("success", result.get("outcome").asString(), result.toString());
            return result.get("result").asLong();
        }
    }

    @Test
    void warmHotPathIssuesNoSql() throws Exception {
        KmsClient kms = kms();
        CreateKeyRequest create = new CreateKeyRequest();
        create.setAlias(uniqueAlias("hot"));
        String keyId = kms.CreateKey(create).getKeyId();

        EncryptRequest encrypt = new EncryptRequest();
        encrypt.setKeyId(keyId);
        encrypt.setPlaintext("aG90IHBhdGg=");
        encrypt.setEncryptionContext("{\"k\":\"v\"}");
        GenerateDataKeyRequest dataKey = new GenerateDataKeyRequest();
        dataKey.setKeyId(keyId);
        dataKey.setKeySpec("AES_256");
        DecryptRequest decrypt = new DecryptRequest();
        decrypt.setCiphertextBlob(kms.Encrypt(encrypt).getCiphertextBlob());
        decrypt.setEncryptionContext("{\"k\":\"v\"}");
        com.tencentcloudapi.kms.v20190118.models.ReEncryptRequest reEncrypt = new com.tencentcloudapi.kms.v20190118.models.ReEncryptRequest();
        reEncrypt.setCiphertextBlob(decrypt.getCiphertextBlob());
        reEncrypt.setSourceEncryptionContext("{\"k\":\"v\"}");
        reEncrypt.setDestinationEncryptionContext("{\"k\":\"other\"}");
        // an asymmetric key too: signing and verifying (the private key of the SOFTWARE level comes from the same cache)
        create.setAlias(uniqueAlias("hot-sign"));
        create.setKeyUsage("ASYMMETRIC_SIGN_VERIFY_ECC");
        String signingKey = kms.CreateKey(create).getKeyId();
        com.tencentcloudapi.kms.v20190118.models.SignByAsymmetricKeyRequest sign = new com.tencentcloudapi.kms.v20190118.models.SignByAsymmetricKeyRequest();
        sign.setKeyId(signingKey);
        sign.setAlgorithm("ECC_P256_R1");
        sign.setMessage("aG90IHBhdGg=");
        com.tencentcloudapi.kms.v20190118.models.VerifyByAsymmetricKeyRequest verify = new com.tencentcloudapi.kms.v20190118.models.VerifyByAsymmetricKeyRequest();
        verify.setKeyId(signingKey);
        verify.setAlgorithm("ECC_P256_R1");
        verify.setMessage("aG90IHBhdGg=");
        // warm-up: credential, key metadata and version material are now cached
        kms.Decrypt(decrypt);
        kms.GenerateDataKey(dataKey);
        kms.ReEncrypt(reEncrypt);
        verify.setSignatureValue(kms.SignByAsymmetricKey(sign).getSignature());
        kms.VerifyByAsymmetricKey(verify);

        long before = preparedStatements();
        for (int i = 0; i < 25; i++) {
            kms.Encrypt(encrypt);
            assertEquals("aG90IHBhdGg=", kms.Decrypt(decrypt).getPlaintext());
            kms.GenerateDataKey(dataKey);
            assertTrue(kms.ReEncrypt(reEncrypt).getReEncrypted());
            kms.SignByAsymmetricKey(sign);
            assertTrue(kms.VerifyByAsymmetricKey(verify).getSignatureValid());
        }
        assertEquals(before, preparedStatements(), "Encrypt/Decrypt/GenerateDataKey/ReEncrypt/Sign/Verify on a warm cache ran SQL");

        CreateKeyRequest another = new CreateKeyRequest();
        another.setAlias(uniqueAlias("hot-control"));
        kms.CreateKey(another);
        assertTrue(preparedStatements() > before, "the statement counter must count control-plane SQL");
    }
}
