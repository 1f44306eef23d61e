package org.selfkms.it;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The same suite runs once per token backend (.ci/run sets KMS_TOKEN_BACKEND=pkcs11 for the SoftHSM2 run):
 * make sure the server really started the backend that run asked for, so a green PKCS#11 run means the
 * crypto paths went through the PKCS#11 token.
 */
class TokenBackendIT extends DeployedKms {

    @Test
    void serverUsesTheConfiguredBackend() throws Exception {
        String expected = System.getenv().getOrDefault("KMS_TOKEN_BACKEND", "software");
        Path log = Path.of(System.getProperty("kms.it.server.dir"), "standalone", "log", "server.log");
        String text = Files.readString(log, StandardCharsets.UTF_8);
        assertTrue(text.contains("Token backend started: TokenStatus[backend=" + expected + ","),
                "server.log does not show the " + expected + " token backend starting");
    }
}
