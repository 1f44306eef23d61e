package org.selfkms.token.pkcs11;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.selfkms.token.TokenException;
import org.selfkms.token.WrappedKey;
import org.selfkms.token.spi.RecoveringBackend;
import org.selfkms.token.spi.SteppingClock;
import org.selfkms.token.spi.TokenBackend;
import org.selfkms.token.spi.TokenBackendContract;
import org.selfkms.token.spi.TokenConfig;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The token contract against a real PKCS#11 library: SoftHSM2. */
class Pkcs11TokenTest extends TokenBackendContract {

    private static long slotId;

    @TempDir
    static Path dir;

    /**
     * One token for the class: SoftHSM2 lists its tokens when the library is first initialised in a process,
     * so tokens created later are invisible to it. The tests therefore assume no particular domain-key version.
     */
    @BeforeAll
    static void token() throws Exception {
        slotId = SoftHsm.initToken("kms-unit-" + System.nanoTime());
        Files.writeString(dir.resolve("pin"), SoftHsm.PIN + "\n");
        Files.writeString(dir.resolve("wrong-pin"), "not-the-pin\n");
    }

    private static TokenConfig config(String pinFile, String slot) {
        return new TokenConfig("pkcs11", dir, dir.resolve(pinFile), SoftHsm.LIBRARY, slot);
    }

    @Override
    protected TokenBackend open() throws Exception {
        return Pkcs11Token.open(config("pin", "id:" + slotId));
    }

    @Test
    void domainKeyIsGeneratedOnceInsideTheToken() throws Exception {
        try (TokenBackend first = open(); TokenBackend second = open()) {
            assertTrue(first.status().activeDomainKeyVersion() >= 1);
            assertEquals(first.status().domainKeyVersions(), second.status().domainKeyVersions(), "no second key generated");
            assertEquals("pkcs11", first.status().backend());
            // a blob wrapped through one provider instance unwraps through another: the same token object
            assertEquals(16, second.unwrap(first.wrap(new byte[16], "p"), "p").length);
        }
    }

    @Test
    void domainKeyCannotBeReadOutOfTheToken() throws Exception {
        int version;
        try (TokenBackend token = open()) {
            version = token.status().activeDomainKeyVersion();
            token.generateTokenKey("kms-cmk-extract-check-v1");
            token.importTokenKey("kms-cmk-extract-check-imported-v1", new byte[32]);
            token.generateTokenKeyPair("kms-import-extract-check", org.selfkms.token.TokenKeyPairs.RSA_2048);
        }
        java.security.Provider provider = java.security.Security.getProvider("SunPKCS11")
                .configure("--" + Pkcs11Token.providerConfig(config("pin", "id:" + slotId)));
        java.security.KeyStore store = java.security.KeyStore.getInstance("PKCS11", provider);
        store.load(null, SoftHsm.PIN.toCharArray());
        try {
            java.security.Key key = store.getKey(Pkcs11Token.LABEL_PREFIX + version, null);
            assertEquals("AES", key.getAlgorithm());
            assertEquals(null, key.getEncoded(), "a sensitive, non-extractable token key has no encoding");
            assertEquals(null, store.getKey("kms-cmk-extract-check-v1", null).getEncoded(), "HSM-level CMK keys neither");
            assertEquals(null, store.getKey("kms-cmk-extract-check-imported-v1", null).getEncoded(), "imported material neither");
            java.security.Key wrappingKey = store.getKey("kms-import-extract-check", null);
            assertTrue(wrappingKey instanceof java.security.PrivateKey, "the pair's private key is a token object");
            assertEquals(null, wrappingKey.getEncoded(), "nor the private key of a BYOK wrapping pair");
        } finally {
            // PKCS#11 login belongs to the whole process: log out, or the wrong-PIN test would find it logged in
            ((java.security.AuthProvider) provider).logout();
        }
    }

    @Test
    void wrongPinMissingLibraryAndBadSlotAreClearErrors() {
        TokenException wrongPin = assertThrows(TokenException.class, () -> Pkcs11Token.open(config("wrong-pin", "id:" + slotId)));
        assertEquals(TokenException.Reason.UNAVAILABLE, wrongPin.reason());
        assertTrue(wrongPin.getMessage().contains("PIN"), wrongPin.getMessage());
        TokenException noLibrary = assertThrows(TokenException.class, () -> Pkcs11Token.open(
                new TokenConfig("pkcs11", dir, dir.resolve("pin"), "/nonexistent/libpkcs11.so", "index:0")));
        assertTrue(noLibrary.getMessage().contains("KMS_PKCS11_LIBRARY"), noLibrary.getMessage());
        assertThrows(TokenException.class, () -> Pkcs11Token.open(config("pin", "label:foo")));
        assertThrows(TokenException.class, () -> Pkcs11Token.open(config("no-such-pin-file", "id:" + slotId)));
    }

    /**
     * A real outage at the PKCS#11 boundary: the shim in front of SoftHSM2 answers as a pulled-out token while
     * its marker file exists. Requests fail as UNAVAILABLE (never as bad input), reconnection is attempted at
     * most once per interval, and once the token is back everything works again in the same process, with the
     * material and token keys made before the outage.
     */
    @Test
    void tokenOutageFailsCleanlyAndRecoversWithoutRestart() throws Exception {
        TokenConfig viaShim = new TokenConfig("pkcs11", dir, dir.resolve("pin"), SoftHsm.outageShim().toString(), "id:" + slotId);
        Path outage = Path.of(System.getenv("KMS_SHIM_OUTAGE_FILE"));
        SteppingClock clock = new SteppingClock();
        byte[] material = {4, 8, 15, 16, 23, 42};
        byte[] salt = new byte[32];
        String label = "kms-cmk-outage-" + System.nanoTime() + "-v1";
        try (RecoveringBackend token = new RecoveringBackend(Pkcs11Token.open(viaShim), () -> Pkcs11Token.open(viaShim), clock)) {
            WrappedKey wrapped = token.wrap(material, "p");
            token.generateTokenKey(label);
            byte[] derived = token.deriveKey(label, salt);

            Files.createFile(outage);
            try {
                assertUnavailable(() -> token.unwrap(wrapped, "p"));
                assertUnavailable(() -> token.deriveKey(label, salt));
                clock.advance(RecoveringBackend.RETRY_INTERVAL);
                TokenException reopen = assertUnavailable(() -> token.random(16));
                assertTrue(reopen.getMessage().contains("cannot be used") || reopen.getMessage().contains("unavailable"),
                        reopen.getMessage());
            } finally {
                Files.delete(outage);
            }
            assertUnavailable(() -> token.random(16)); // back, but the retry interval has not passed yet
            clock.advance(RecoveringBackend.RETRY_INTERVAL);
            assertArrayEquals(material, token.unwrap(wrapped, "p"), "material wrapped before the outage unwraps after it");
            assertArrayEquals(derived, token.deriveKey(label, salt), "the token key survived the outage");
            token.destroyTokenKey(label);
        }
    }

    private static TokenException assertUnavailable(org.junit.jupiter.api.function.Executable call) {
        TokenException e = assertThrows(TokenException.class, call);
        assertEquals(TokenException.Reason.UNAVAILABLE, e.reason(), e.getMessage());
        return e;
    }
}
