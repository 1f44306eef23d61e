package org.selfkms.token.spi;

import org.junit.jupiter.api.Test;
import org.selfkms.token.TokenException;
import org.selfkms.token.TokenKeyPairs;
import org.selfkms.token.WrappedKey;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every token backend must do, run against each of them (the software keystore and a real PKCS#11
 * token): the services may not be able to tell them apart.
 */
public abstract class TokenBackendContract {

    /** A backend over the same token each time it is called (reopening it, as a server restart would). */
    protected abstract TokenBackend open() throws Exception;

    private static TokenException.Reason reason(org.junit.jupiter.api.function.Executable call) {
        return assertThrows(TokenException.class, call).reason();
    }

    @Test
    void wrapsAndUnwrapsAcrossReopen() throws Exception {
        byte[] material = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
        WrappedKey wrapped;
        try (TokenBackend token = open()) {
            wrapped = token.wrap(material, "cmk:a:1");
            assertEquals(token.status().activeDomainKeyVersion(), wrapped.domainKeyVersion());
            assertFalse(new String(wrapped.blob(), StandardCharsets.ISO_8859_1).contains("0123456789abcdef"));
        }
        try (TokenBackend token = open()) {
            assertArrayEquals(material, token.unwrap(WrappedKey.decode(wrapped.encode()), "cmk:a:1"));
        }
    }

    @Test
    void generatedMaterialIsFreshAndOnlyComesBackWrapped() throws Exception {
        try (TokenBackend token = open()) {
            WrappedKey first = token.generateWrapped(32, "cmk:b:1");
            WrappedKey second = token.generateWrapped(32, "cmk:b:1");
            byte[] a = token.unwrap(first, "cmk:b:1");
            assertEquals(32, a.length);
            assertNotEquals(new String(a, StandardCharsets.ISO_8859_1), new String(token.unwrap(second, "cmk:b:1"), StandardCharsets.ISO_8859_1));
        }
    }

    @Test
    void refusesOtherPurposeTamperingAndUnknownDomainKeys() throws Exception {
        try (TokenBackend token = open()) {
            WrappedKey wrapped = token.generateWrapped(32, "cmk:c:1");
            assertEquals(TokenException.Reason.INVALID_WRAPPED_KEY, reason(() -> token.unwrap(wrapped, "cmk:c:2")));
            byte[] blob = wrapped.blob();
            blob[blob.length - 1] ^= 1;
            assertEquals(TokenException.Reason.INVALID_WRAPPED_KEY, reason(() -> token.unwrap(new WrappedKey(wrapped.domainKeyVersion(), blob), "cmk:c:1")));
            assertEquals(TokenException.Reason.INVALID_WRAPPED_KEY, reason(() -> token.unwrap(new WrappedKey(999, wrapped.blob()), "cmk:c:1")));
            assertEquals(TokenException.Reason.INVALID_WRAPPED_KEY, reason(() -> token.unwrap(new WrappedKey(1, new byte[5]), "cmk:c:1")));
        }
    }

    @Test
    void randomBytesWithinLimits() throws Exception {
        try (TokenBackend token = open()) {
            assertEquals(1, token.random(1).length);
            assertEquals(1024, token.random(1024).length);
            assertNotEquals(new String(token.random(16), StandardCharsets.ISO_8859_1), new String(token.random(16), StandardCharsets.ISO_8859_1));
            assertEquals(TokenException.Reason.INVALID_PARAMETER, reason(() -> token.random(0)));
            assertEquals(TokenException.Reason.INVALID_PARAMETER, reason(() -> token.wrap(new byte[0], "x")));
        }
    }

    @Test
    void rotationKeepsOldMaterialUntilItsVersionIsDestroyed() throws Exception {
        byte[] material = "rotate-me-rotate-me-rotate-me-32".getBytes(StandardCharsets.US_ASCII);
        WrappedKey old;
        WrappedKey rewrapped;
        int before;
        int added;
        try (TokenBackend token = open()) {
            before = token.status().activeDomainKeyVersion();
            old = token.wrap(material, "rot");
            added = token.addDomainKeyVersion();
            assertEquals(before + 1, added);
            assertEquals(added, token.status().activeDomainKeyVersion());
            assertTrue(token.status().domainKeyVersions().containsAll(java.util.List.of(before, added)));
            assertEquals(added, token.wrap(material, "rot").domainKeyVersion(), "new material goes under the new version");
            assertArrayEquals(material, token.unwrap(old, "rot"), "old material still unwraps");

            rewrapped = token.rewrap(old, "rot");
            assertEquals(added, rewrapped.domainKeyVersion());
            assertEquals(TokenException.Reason.INVALID_PARAMETER, reason(() -> token.destroyDomainKeyVersion(added)));

            token.destroyDomainKeyVersion(before);
            assertEquals(TokenException.Reason.INVALID_WRAPPED_KEY, reason(() -> token.unwrap(old, "rot")));
            assertArrayEquals(material, token.unwrap(rewrapped, "rot"));
        }
        try (TokenBackend reopened = open()) {
            assertEquals(added, reopened.status().activeDomainKeyVersion(), "the new version survives a restart");
            assertFalse(reopened.status().domainKeyVersions().contains(before), "the destroyed version stays destroyed");
            assertArrayEquals(material, reopened.unwrap(rewrapped, "rot"));
        }
    }

    @Test
    void tokenKeysDeriveInsideTheTokenUntilDestroyed() throws Exception {
        String label = "kms-cmk-" + java.util.UUID.randomUUID() + "-v1";
        byte[] salt;
        byte[] derived;
        try (TokenBackend token = open()) {
            token.generateTokenKey(label);
            salt = token.random(32);
            derived = token.deriveKey(label, salt);
            assertEquals(32, derived.length);
            assertArrayEquals(derived, token.deriveKey(label, salt), "same salt, same key");
            assertNotEquals(java.util.HexFormat.of().formatHex(derived),
                    java.util.HexFormat.of().formatHex(token.deriveKey(label, token.random(32))), "other salt, other key");
            assertEquals(TokenException.Reason.INVALID_PARAMETER, reason(() -> token.generateTokenKey(label)));
            assertEquals(TokenException.Reason.INVALID_PARAMETER, reason(() -> token.generateTokenKey("Not A Label")));
            assertEquals(TokenException.Reason.INVALID_PARAMETER, reason(() -> token.deriveKey(label, new byte[16])));
            assertEquals(TokenException.Reason.INVALID_WRAPPED_KEY, reason(() -> token.deriveKey("kms-cmk-unknown-v1", salt)));
        }
        try (TokenBackend reopened = open()) {
            assertArrayEquals(derived, reopened.deriveKey(label, salt), "the token key survives a restart");
            reopened.destroyTokenKey(label);
            assertEquals(TokenException.Reason.INVALID_WRAPPED_KEY, reason(() -> reopened.deriveKey(label, salt)));
        }
        try (TokenBackend again = open()) {
            assertEquals(TokenException.Reason.INVALID_WRAPPED_KEY, reason(() -> again.deriveKey(label, salt)), "destroyed for good");
        }
    }

    /** The JDK's own RSA encryption under the pair's public key, as a BYOK client wraps its material. */
    static byte[] jdkEncrypt(byte[] publicKeyDer, String algorithm, byte[] plaintext) throws Exception {
        java.security.PublicKey key = java.security.KeyFactory.getInstance("RSA")
                .generatePublic(new java.security.spec.X509EncodedKeySpec(publicKeyDer));
        javax.crypto.Cipher cipher;
        switch (algorithm) {
            case TokenKeyPairs.RSAES_PKCS1_V1_5 -> {
                cipher = javax.crypto.Cipher.getInstance("RSA/ECB/PKCS1Padding");
                cipher.init(javax.crypto.Cipher.ENCRYPT_MODE, key);
            }
            case TokenKeyPairs.RSAES_OAEP_SHA_1 -> {
                cipher = javax.crypto.Cipher.getInstance("RSA/ECB/OAEPWithSHA-1AndMGF1Padding");
                cipher.init(javax.crypto.Cipher.ENCRYPT_MODE, key);
            }
            default -> {
                cipher = javax.crypto.Cipher.getInstance("RSA/ECB/OAEPWithSHA-256AndMGF1Padding");
                cipher.init(javax.crypto.Cipher.ENCRYPT_MODE, key, new javax.crypto.spec.OAEPParameterSpec("SHA-256", "MGF1",
                        java.security.spec.MGF1ParameterSpec.SHA256, javax.crypto.spec.PSource.PSpecified.DEFAULT));
            }
        }
        return cipher.doFinal(plaintext);
    }

    @Test
    void keyPairsDecryptWhatTheJdkEncryptsUntilDestroyed() throws Exception {
        String label = "kms-import-" + java.util.UUID.randomUUID();
        byte[] material = new byte[32];
        new java.security.SecureRandom().nextBytes(material);
        byte[] publicKey;
        java.util.Map<String, byte[]> wrapped = new java.util.HashMap<>();
        try (TokenBackend token = open()) {
            publicKey = token.generateTokenKeyPair(label, TokenKeyPairs.RSA_2048);
            assertEquals(2048, ((java.security.interfaces.RSAPublicKey) java.security.KeyFactory.getInstance("RSA")
                    .generatePublic(new java.security.spec.X509EncodedKeySpec(publicKey))).getModulus().bitLength());
            for (String algorithm : TokenKeyPairs.DECRYPTION_ALGORITHMS) {
                wrapped.put(algorithm, jdkEncrypt(publicKey, algorithm, material));
                assertArrayEquals(material, token.decryptWithTokenKey(label, algorithm, wrapped.get(algorithm)), algorithm);
            }
            // another padding, altered data, a wrong length: the same refusal for every cause
            byte[] oaep256 = wrapped.get(TokenKeyPairs.RSAES_OAEP_SHA_256);
            assertEquals(TokenException.Reason.INVALID_WRAPPED_KEY, reason(() -> token.decryptWithTokenKey(label, TokenKeyPairs.RSAES_OAEP_SHA_1, oaep256)));
            assertEquals(TokenException.Reason.INVALID_WRAPPED_KEY, reason(() -> token.decryptWithTokenKey(label, TokenKeyPairs.RSAES_PKCS1_V1_5, oaep256)));
            byte[] altered = oaep256.clone();
            altered[100] ^= 1;
            assertEquals(TokenException.Reason.INVALID_WRAPPED_KEY, reason(() -> token.decryptWithTokenKey(label, TokenKeyPairs.RSAES_OAEP_SHA_256, altered)));
            assertEquals(TokenException.Reason.INVALID_WRAPPED_KEY, reason(() -> token.decryptWithTokenKey(label, TokenKeyPairs.RSAES_OAEP_SHA_256, new byte[255])));
            assertEquals(TokenException.Reason.INVALID_PARAMETER, reason(() -> token.decryptWithTokenKey(label, "RSAES_RAW", oaep256)));
            assertEquals(TokenException.Reason.INVALID_PARAMETER, reason(() -> token.generateTokenKeyPair(label, TokenKeyPairs.RSA_2048)));
            assertEquals(TokenException.Reason.INVALID_PARAMETER, reason(() -> token.generateTokenKeyPair(label + "-x", "RSA_1024")));
            assertEquals(TokenException.Reason.INVALID_WRAPPED_KEY, reason(() -> token.decryptWithTokenKey("kms-import-unknown", TokenKeyPairs.RSAES_OAEP_SHA_256, oaep256)));
        }
        try (TokenBackend reopened = open()) {
            assertArrayEquals(material, reopened.decryptWithTokenKey(label, TokenKeyPairs.RSAES_OAEP_SHA_256,
                    wrapped.get(TokenKeyPairs.RSAES_OAEP_SHA_256)), "the pair survives a restart");
            reopened.destroyTokenKey(label);
            assertEquals(TokenException.Reason.INVALID_WRAPPED_KEY, reason(() -> reopened.decryptWithTokenKey(label,
                    TokenKeyPairs.RSAES_PKCS1_V1_5, wrapped.get(TokenKeyPairs.RSAES_PKCS1_V1_5))));
            reopened.destroyTokenKey(label); // again: harmless
        }
        try (TokenBackend again = open()) {
            assertEquals(TokenException.Reason.INVALID_WRAPPED_KEY, reason(() -> again.decryptWithTokenKey(label,
                    TokenKeyPairs.RSAES_OAEP_SHA_1, wrapped.get(TokenKeyPairs.RSAES_OAEP_SHA_1))), "destroyed for good");
        }
    }

    @Test
    void importedKeysDeriveLikeGeneratedOnes() throws Exception {
        String label = "kms-cmk-" + java.util.UUID.randomUUID() + "-v1";
        byte[] material = new byte[32];
        new java.security.SecureRandom().nextBytes(material);
        byte[] salt = new byte[32];
        new java.security.SecureRandom().nextBytes(salt);
        javax.crypto.Cipher prf = javax.crypto.Cipher.getInstance("AES/ECB/NoPadding");
        prf.init(javax.crypto.Cipher.ENCRYPT_MODE, new javax.crypto.spec.SecretKeySpec(material, "AES"));
        byte[] expected = prf.doFinal(salt);
        try (TokenBackend token = open()) {
            token.importTokenKey(label, material.clone());
            assertArrayEquals(expected, token.deriveKey(label, salt), "the token key is the imported material");
            assertEquals(TokenException.Reason.INVALID_PARAMETER, reason(() -> token.importTokenKey(label, material)));
            assertEquals(TokenException.Reason.INVALID_PARAMETER, reason(() -> token.importTokenKey(label + "-x", new byte[16])));
        }
        try (TokenBackend reopened = open()) {
            assertArrayEquals(expected, reopened.deriveKey(label, salt), "the imported key survives a restart");
            reopened.destroyTokenKey(label);
            assertEquals(TokenException.Reason.INVALID_WRAPPED_KEY, reason(() -> reopened.deriveKey(label, salt)));
            reopened.importTokenKey(label, material.clone());
            assertArrayEquals(expected, reopened.deriveKey(label, salt), "the same material can come back under its label");
            reopened.destroyTokenKey(label);
        }
    }
}
