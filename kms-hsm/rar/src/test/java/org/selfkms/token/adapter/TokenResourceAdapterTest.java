package org.selfkms.token.adapter;

import jakarta.resource.spi.ResourceAdapterInternalException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.selfkms.token.TokenConnection;
import org.selfkms.token.keypair.DecryptionAlgorithm;
import org.selfkms.token.keypair.KeyPairSpec;
import org.selfkms.token.keypair.PrivateKeys;
import org.selfkms.token.keypair.PublicKeys;
import org.selfkms.token.keypair.SignatureAlgorithm;
import org.selfkms.token.keypair.WrappedKeyPair;
import org.selfkms.token.spi.TokenConfig;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A token that cannot be opened must stop the adapter from starting - WildFly then fails the deployment
 * with this message - instead of leaving a service up that fails every request.
 */
class TokenResourceAdapterTest {

    @TempDir
    Path dir;

    @AfterEach
    void clearProperties() {
        System.clearProperty(TokenConfig.BACKEND_PROPERTY);
        System.clearProperty(TokenConfig.DIRECTORY_PROPERTY);
        System.clearProperty(TokenConfig.PIN_FILE_PROPERTY);
    }

    private void configure(String backend, Path pinFile) {
        System.setProperty(TokenConfig.BACKEND_PROPERTY, backend);
        System.setProperty(TokenConfig.DIRECTORY_PROPERTY, dir.toString());
        System.setProperty(TokenConfig.PIN_FILE_PROPERTY, pinFile.toString());
    }

    @Test
    void startsWithTheRightPinAndRefusesToStartWithAWrongOne() throws Exception {
        Path pin = dir.resolve("token.pin");
        configure("software", pin);
        TokenResourceAdapter adapter = new TokenResourceAdapter();
        adapter.start(null);
        assertEquals("software", adapter.backend().status().backend());
        adapter.stop();

        Files.writeString(pin, "not-the-pin");
        TokenResourceAdapter refused = new TokenResourceAdapter();
        ResourceAdapterInternalException e = assertThrows(ResourceAdapterInternalException.class, () -> refused.start(null));
        assertTrue(e.getMessage().contains("wrong PIN"), e.getMessage());
        assertThrows(org.selfkms.token.TokenException.class, refused::backend, "nothing half-started to use");
    }

    @Test
    void unknownBackendIsAClearStartupError() {
        configure("tpm", dir.resolve("token.pin"));
        ResourceAdapterInternalException e = assertThrows(ResourceAdapterInternalException.class, () -> new TokenResourceAdapter().start(null));
        assertTrue(e.getMessage().contains("unknown token backend 'tpm'"), e.getMessage());
    }

    /** What applications hold is a connection handle: the key-pair operations reach the backend through it. */
    @Test
    void connectionHandlesForwardTheKeyPairOperations() throws Exception {
        configure("software", dir.resolve("token.pin"));
        TokenResourceAdapter adapter = new TokenResourceAdapter();
        adapter.start(null);
        try {
            TokenManagedConnectionFactory factory = new TokenManagedConnectionFactory();
            factory.setResourceAdapter(adapter);
            jakarta.resource.spi.ManagedConnection managed = factory.createManagedConnection(null, null);
            try (TokenConnection connection = (TokenConnection) managed.getConnection(null, null)) {
                java.security.SecureRandom random = new java.security.SecureRandom();
                byte[] publicKey = connection.generateTokenKeyPair("kms-cmk-handle-v1", KeyPairSpec.EC_P384);
                byte[] digest = PublicKeys.digest(SignatureAlgorithm.ECDSA_P384_SHA_384, publicKey, new byte[]{42});
                assertTrue(PublicKeys.verify(SignatureAlgorithm.ECDSA_P384_SHA_384, publicKey, digest,
                        connection.signWithTokenKey("kms-cmk-handle-v1", SignatureAlgorithm.ECDSA_P384_SHA_384, digest)));

                WrappedKeyPair pair = connection.generateWrappedKeyPair(KeyPairSpec.SM2, "cmk:handle:1");
                byte[] encrypted = PublicKeys.encrypt(DecryptionAlgorithm.SM2_C1C3C2, pair.publicKey(), new byte[]{7}, random);
                assertArrayEquals(new byte[]{7}, PrivateKeys.decrypt(PrivateKeys.fromPkcs8(KeyPairSpec.SM2,
                        connection.unwrap(pair.privateKey(), "cmk:handle:1")), null, DecryptionAlgorithm.SM2_C1C3C2, encrypted));

                byte[] rsa = connection.generateTokenKeyPair("kms-import-handle", KeyPairSpec.RSA_2048);
                assertArrayEquals(new byte[]{7}, connection.decryptWithTokenKey("kms-import-handle", DecryptionAlgorithm.RSAES_OAEP_SHA_1,
                        PublicKeys.encrypt(DecryptionAlgorithm.RSAES_OAEP_SHA_1, rsa, new byte[]{7}, random)));
            }
        } finally {
            adapter.stop();
        }
    }
}
