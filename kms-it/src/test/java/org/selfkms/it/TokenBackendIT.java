package org.selfkms.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The same suite runs once per token backend (.ci/run sets KMS_TOKEN_BACKEND=pkcs11 and
 * KMS_DEFAULT_PROTECTION_LEVEL=HSM for the SoftHSM2 run): make sure the server really started the backend
 * and the protection level that run asked for, so a green PKCS#11 run means the crypto paths went through
 * the PKCS#11 token.
 */
class TokenBackendIT extends DeployedKms {

    @Deployment(name = "sql", order = 2, testable = false)
    public static WebArchive sqlAccess() {
        return ServerSql.archive();
    }

    @Test
    void newKeysGetTheConfiguredProtectionLevel() throws Exception {
        boolean hsm = "HSM".equals(System.getenv("KMS_DEFAULT_PROTECTION_LEVEL"));
        com.tencentcloudapi.kms.v20190118.models.CreateKeyRequest create = new com.tencentcloudapi.kms.v20190118.models.CreateKeyRequest();
        create.setAlias(uniqueAlias("level"));
        String keyId = kms().CreateKey(create).getKeyId();
        String tokenReference = "hsm:kms-cmk-" + keyId + "-v1";
        String dump = DatabaseContent.read();
        assertTrue(dump.contains(keyId));
        assertTrue(dump.contains(tokenReference) == hsm,
                hsm ? "an HSM-level key must be a token object the row only names" : "a SOFTWARE-level key stores wrapped material");
    }

    @Test
    void serverUsesTheConfiguredBackend() throws Exception {
        String expected = System.getenv().getOrDefault("KMS_TOKEN_BACKEND", "software");
        Path log = Path.of(System.getProperty("kms.it.server.dir"), "standalone", "log", "server.log");
        String text = Files.readString(log, StandardCharsets.UTF_8);
        assertTrue(text.contains("Token backend started: TokenStatus[backend=" + expected + ","),
                "server.log does not show the " + expected + " token backend starting");
    }
}
