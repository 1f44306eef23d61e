package org.selfkms.token.pkcs11;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.selfkms.token.TokenException;
import org.selfkms.token.WrappedKey;
import org.selfkms.token.keypair.DecryptionAlgorithm;
import org.selfkms.token.keypair.KeyPairSpec;
import org.selfkms.token.keypair.PrivateKeys;
import org.selfkms.token.keypair.PublicKeys;
import org.selfkms.token.keypair.SignatureAlgorithm;
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
            token.generateTokenKeyPair("kms-import-extract-check", KeyPairSpec.RSA_2048);
            token.generateTokenKeyPair("kms-cmk-extract-check-p256-v1", KeyPairSpec.EC_P256);
            token.generateTokenKeyPair("kms-cmk-extract-check-p384-v1", KeyPairSpec.EC_P384);
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
            for (String label : java.util.List.of("kms-import-extract-check", "kms-cmk-extract-check-p256-v1", "kms-cmk-extract-check-p384-v1")) {
                java.security.Key privateKey = store.getKey(label, null);
                assertTrue(privateKey instanceof java.security.PrivateKey, label + ": the pair's private key is a token object");
                assertEquals(null, privateKey.getEncoded(), label + ": nor the private key of a pair");
                // SunPKCS11 describes a key by its CKA_TOKEN, CKA_SENSITIVE and CKA_EXTRACTABLE attributes
                assertTrue(privateKey.toString().contains("token object, sensitive, unextractable"), privateKey.toString());
            }
            assertEquals("EC", store.getKey("kms-cmk-extract-check-p384-v1", null).getAlgorithm());
        } finally {
            // PKCS#11 login belongs to the whole process: log out, or the wrong-PIN test would find it logged in
            ((java.security.AuthProvider) provider).logout();
        }
    }

    /**
     * SunPKCS11 shows neither the modulus nor the curve of a sensitive private key: PrivateKeys learns the RSA size
     * from the cipher and the curve from the length of the raw ECDSA signature, and refuses keys that do not fit,
     * even when called directly with a handle (the backend checks the spec first).
     */
    @Test
    void privateKeysTellTheSizeAndCurveOfTokenHandles() throws Exception {
        String p384 = "kms-cmk-shape-p384-" + System.nanoTime();
        String rsa3072 = "kms-cmk-shape-rsa-" + System.nanoTime();
        byte[] rsaPublic;
        try (TokenBackend token = open()) {
            token.generateTokenKeyPair(p384, KeyPairSpec.EC_P384);
            rsaPublic = token.generateTokenKeyPair(rsa3072, KeyPairSpec.RSA_3072);
        }
        java.security.Provider provider = java.security.Security.getProvider("SunPKCS11")
                .configure("--" + Pkcs11Token.providerConfig(config("pin", "id:" + slotId)));
        java.security.KeyStore store = java.security.KeyStore.getInstance("PKCS11", provider);
        store.load(null, SoftHsm.PIN.toCharArray());
        java.security.SecureRandom random = new java.security.SecureRandom();
        try {
            java.security.PrivateKey ec = (java.security.PrivateKey) store.getKey(p384, null);
            java.security.PrivateKey rsa = (java.security.PrivateKey) store.getKey(rsa3072, null);
            assertThrows(IllegalArgumentException.class, () -> PrivateKeys.sign(ec, provider, SignatureAlgorithm.ECDSA_P256_SHA_256, new byte[32], random),
                    "a P-384 key makes no P-256 signature");
            assertThrows(IllegalArgumentException.class, () -> PrivateKeys.sign(ec, provider, SignatureAlgorithm.RSA_PSS_SHA_256, new byte[32], random));
            assertThrows(IllegalArgumentException.class, () -> PrivateKeys.sign(rsa, provider, SignatureAlgorithm.ECDSA_P384_SHA_384, new byte[48], random));
            assertThrows(IllegalArgumentException.class, () -> PrivateKeys.sign(ec, provider, SignatureAlgorithm.SM2DSA_SM3, new byte[32], random),
                    "SM2 never runs on a token key");
            assertThrows(IllegalArgumentException.class, () -> PrivateKeys.decrypt(ec, provider, DecryptionAlgorithm.RSAES_PKCS1_V1_5, new byte[384]));
            byte[] pss = PrivateKeys.sign(rsa, provider, SignatureAlgorithm.RSA_PSS_SHA_256, new byte[32], random);
            assertEquals(384, pss.length, "the modulus length of the 3072-bit token key");
            assertTrue(PublicKeys.verify(SignatureAlgorithm.RSA_PSS_SHA_256, rsaPublic, new byte[32], pss));
        } finally {
            ((java.security.AuthProvider) provider).logout();
        }
        try (TokenBackend token = open()) {
            token.destroyTokenKey(p384);
            token.destroyTokenKey(rsa3072);
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
            String pairLabel = label + "-pair";
            byte[] publicKey = token.generateTokenKeyPair(pairLabel, KeyPairSpec.RSA_2048);
            byte[] digest = new byte[32];
            byte[] encrypted = PublicKeys.encrypt(DecryptionAlgorithm.RSAES_OAEP_SHA_256, publicKey, material, new java.security.SecureRandom());
            assertArrayEquals(material, token.decryptWithTokenKey(pairLabel, DecryptionAlgorithm.RSAES_OAEP_SHA_256, encrypted));

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
            assertArrayEquals(material, token.decryptWithTokenKey(pairLabel, DecryptionAlgorithm.RSAES_OAEP_SHA_256, encrypted),
                    "the key pair survived the outage");
            assertTrue(PublicKeys.verify(SignatureAlgorithm.RSA_PSS_SHA_256, publicKey, digest,
                    token.signWithTokenKey(pairLabel, SignatureAlgorithm.RSA_PSS_SHA_256, digest)));
            token.destroyTokenKey(label);
            token.destroyTokenKey(pairLabel);
        }
    }

    /**
     * Key-pair operations on a token that vanishes under a backend holding cached handles: every one fails as
     * UNAVAILABLE (so the recovering backend reconnects), never as bad input - in particular a decryption that
     * the token cannot run is no "undecryptable" answer.
     */
    @Test
    void keyPairOperationsOnAVanishedTokenAreOutagesNotBadInput() throws Exception {
        TokenConfig viaShim = new TokenConfig("pkcs11", dir, dir.resolve("pin"), SoftHsm.outageShim().toString(), "id:" + slotId);
        Path outage = Path.of(System.getenv("KMS_SHIM_OUTAGE_FILE"));
        String label = "kms-cmk-vanish-" + System.nanoTime() + "-v1";
        byte[] material = {1, 2, 3, 4};
        byte[] digest = new byte[32];
        try (TokenBackend token = Pkcs11Token.open(viaShim)) {
            byte[] publicKey = token.generateTokenKeyPair(label, KeyPairSpec.RSA_2048);
            byte[] oaep = PublicKeys.encrypt(DecryptionAlgorithm.RSAES_OAEP_SHA_256, publicKey, material, new java.security.SecureRandom());
            byte[] pkcs1 = PublicKeys.encrypt(DecryptionAlgorithm.RSAES_PKCS1_V1_5, publicKey, material, new java.security.SecureRandom());
            assertArrayEquals(material, token.decryptWithTokenKey(label, DecryptionAlgorithm.RSAES_PKCS1_V1_5, pkcs1), "the handle is cached");
            token.signWithTokenKey(label, SignatureAlgorithm.RSA_PKCS1_SHA_256, digest);
            Files.createFile(outage);
            try {
                assertUnavailable(() -> token.signWithTokenKey(label, SignatureAlgorithm.RSA_PKCS1_SHA_256, digest));
                assertUnavailable(() -> token.signWithTokenKey(label, SignatureAlgorithm.RSA_PSS_SHA_256, digest));
                assertUnavailable(() -> token.decryptWithTokenKey(label, DecryptionAlgorithm.RSAES_PKCS1_V1_5, pkcs1));
                assertUnavailable(() -> token.decryptWithTokenKey(label, DecryptionAlgorithm.RSAES_OAEP_SHA_256, oaep));
                assertUnavailable(() -> token.generateWrappedKeyPair(KeyPairSpec.EC_P256, "p"));
                assertUnavailable(() -> token.generateTokenKeyPair(label + "-2", KeyPairSpec.EC_P256));
            } finally {
                Files.delete(outage);
            }
        }
        try (TokenBackend token = open()) {
            token.destroyTokenKey(label);
        }
    }

    private static TokenException assertUnavailable(org.junit.jupiter.api.function.Executable call) {
        TokenException e = assertThrows(TokenException.class, call);
        assertEquals(TokenException.Reason.UNAVAILABLE, e.reason(), e.getMessage());
        return e;
    }
}
