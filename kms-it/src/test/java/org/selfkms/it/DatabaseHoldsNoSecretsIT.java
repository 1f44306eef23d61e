package org.selfkms.it;

import com.tencentcloudapi.kms.v20190118.KmsClient;
import com.tencentcloudapi.kms.v20190118.models.CreateKeyRequest;
import com.tencentcloudapi.kms.v20190118.models.EncryptRequest;
import com.tencentcloudapi.kms.v20190118.models.GenerateDataKeyRequest;
import com.tencentcloudapi.kms.v20190118.models.ImportDataKeyRequest;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A database dump alone reveals no key material and no API secret (docs/security.md). The test makes the
 * server handle secrets it knows (the API SecretKey, the admin password, a plaintext, data keys), then
 * searches everything the database holds for them in raw, Base64 and hex form: H2's SQL dump of every row
 * plus the audit journal's files byte by byte, or every column of every table in PostgreSQL. A marker that must be there (a key alias) proves the
 * search can see the data at all.
 */
class DatabaseHoldsNoSecretsIT extends DeployedKms {

    @Deployment(name = "sql", order = 2, testable = false)
    public static WebArchive sqlAccess() {
        return ServerSql.archive();
    }

    @Test
    void noSecretInTheDatabase() throws Exception {
        KmsClient kms = kms();
        String alias = uniqueAlias("dbscan");
        CreateKeyRequest create = new CreateKeyRequest();
        create.setAlias(alias);
        String keyId = kms.CreateKey(create).getKeyId();

        String plaintext = "needle-plaintext-" + UUID.randomUUID();
        EncryptRequest encrypt = new EncryptRequest();
        encrypt.setKeyId(keyId);
        encrypt.setPlaintext(Base64.getEncoder().encodeToString(plaintext.getBytes(StandardCharsets.UTF_8)));
        kms.Encrypt(encrypt);

        List<String> secrets = new ArrayList<>(List.of(secretKey(), adminPassword(), plaintext));
        for (int i = 0; i < 3; i++) {
            GenerateDataKeyRequest dataKey = new GenerateDataKeyRequest();
            dataKey.setKeyId(keyId);
            dataKey.setNumberOfBytes(32L);
            byte[] raw = Base64.getDecoder().decode(kms.GenerateDataKey(dataKey).getPlaintext());
            secrets.add(Base64.getEncoder().encodeToString(raw));
            secrets.add(HexFormat.of().formatHex(raw));
            secrets.add(new String(raw, StandardCharsets.ISO_8859_1));
        }
        secrets.add(Base64.getEncoder().encodeToString(secretKey().getBytes(StandardCharsets.UTF_8)));
        // hosted data keys are kept by the server, but only wrapped under their CMK
        String hostedName = "dbscan-hosted-" + UUID.randomUUID().toString().substring(0, 8);
        GenerateDataKeyRequest hosted = new GenerateDataKeyRequest();
        hosted.setKeyId(keyId);
        hosted.setNumberOfBytes(32L);
        hosted.setIsHostedByKms(1L);
        hosted.setDataKeyName(hostedName);
        byte[] hostedKey = Base64.getDecoder().decode(kms.GenerateDataKey(hosted).getPlaintext());
        byte[] imported = new byte[32];
        new java.security.SecureRandom().nextBytes(imported);
        ImportDataKeyRequest importRequest = new ImportDataKeyRequest();
        importRequest.setKeyId(keyId);
        importRequest.setDataKeyName(hostedName + "-imported");
        importRequest.setImportType(2L);
        importRequest.setImportKeyMaterial(Base64.getEncoder().encodeToString(imported));
        kms.ImportDataKey(importRequest);
        for (byte[] raw : List.of(hostedKey, imported)) {
            secrets.add(Base64.getEncoder().encodeToString(raw));
            secrets.add(HexFormat.of().formatHex(raw));
            secrets.add(new String(raw, StandardCharsets.ISO_8859_1));
        }

        String dump = DatabaseContent.read();
        assertTrue(dump.contains(alias), "the scan must see the database's content (marker alias missing)");
        assertTrue(dump.contains(keyId), "the scan must see the database's content (marker key id missing)");
        assertTrue(dump.contains(hostedName), "the scan must see the hosted data keys' rows (marker name missing)");
        for (String secret : secrets) {
            assertFalse(dump.contains(secret), "the database holds a secret in the clear");
        }
    }
}
