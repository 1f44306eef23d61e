package org.selfkms.token.spi;

import org.junit.jupiter.api.Test;
import org.selfkms.token.TokenException;
import org.selfkms.token.WrappedKey;
import org.selfkms.token.keypair.DecryptionAlgorithm;
import org.selfkms.token.keypair.Encapsulation;
import org.selfkms.token.keypair.KeyPairSpec;
import org.selfkms.token.keypair.PrivateKeys;
import org.selfkms.token.keypair.PublicKeys;
import org.selfkms.token.keypair.SignatureAlgorithm;
import org.selfkms.token.keypair.WrappedKeyPair;

import javax.crypto.Cipher;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.List;

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
    static byte[] jdkEncrypt(byte[] publicKeyDer, DecryptionAlgorithm algorithm, byte[] plaintext) throws Exception {
        PublicKey key = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(publicKeyDer));
        Cipher cipher;
        switch (algorithm) {
            case RSAES_PKCS1_V1_5 -> {
                cipher = Cipher.getInstance("RSA/ECB/PKCS1Padding");
                cipher.init(Cipher.ENCRYPT_MODE, key);
            }
            case RSAES_OAEP_SHA_1 -> {
                cipher = Cipher.getInstance("RSA/ECB/OAEPWithSHA-1AndMGF1Padding");
                cipher.init(Cipher.ENCRYPT_MODE, key);
            }
            case RSAES_OAEP_SHA_256 -> {
                cipher = Cipher.getInstance("RSA/ECB/OAEPWithSHA-256AndMGF1Padding");
                cipher.init(Cipher.ENCRYPT_MODE, key, new OAEPParameterSpec("SHA-256", "MGF1",
                        MGF1ParameterSpec.SHA256, PSource.PSpecified.DEFAULT));
            }
            default -> throw new IllegalArgumentException(algorithm + " is no RSA encryption");
        }
        return cipher.doFinal(plaintext);
    }

    /** The JDK's verifier for a signature over the whole message. */
    static boolean jdkVerifies(SignatureAlgorithm algorithm, byte[] publicKeyDer, byte[] message, byte[] signature) throws Exception {
        boolean ec = algorithm == SignatureAlgorithm.ECDSA_P256_SHA_256 || algorithm == SignatureAlgorithm.ECDSA_P384_SHA_384;
        PublicKey key = KeyFactory.getInstance(ec ? "EC" : "RSA").generatePublic(new X509EncodedKeySpec(publicKeyDer));
        Signature verifier;
        switch (algorithm) {
            case RSA_PKCS1_SHA_256 -> verifier = Signature.getInstance("SHA256withRSA");
            case RSA_PSS_SHA_256 -> {
                verifier = Signature.getInstance("RSASSA-PSS");
                verifier.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
            }
            case ECDSA_P256_SHA_256 -> verifier = Signature.getInstance("SHA256withECDSA");
            case ECDSA_P384_SHA_384 -> verifier = Signature.getInstance("SHA384withECDSA");
            default -> throw new IllegalArgumentException(algorithm + " has no JDK verifier");
        }
        verifier.initVerify(key);
        verifier.update(message);
        return verifier.verify(signature);
    }

    private static final List<DecryptionAlgorithm> RSA_DECRYPTION = List.of(DecryptionAlgorithm.RSAES_PKCS1_V1_5,
            DecryptionAlgorithm.RSAES_OAEP_SHA_1, DecryptionAlgorithm.RSAES_OAEP_SHA_256);

    @Test
    void keyPairsDecryptWhatTheJdkEncryptsUntilDestroyed() throws Exception {
        String label = "kms-import-" + java.util.UUID.randomUUID();
        byte[] material = new byte[32];
        new java.security.SecureRandom().nextBytes(material);
        byte[] publicKey;
        java.util.Map<DecryptionAlgorithm, byte[]> wrapped = new java.util.EnumMap<>(DecryptionAlgorithm.class);
        try (TokenBackend token = open()) {
            publicKey = token.generateTokenKeyPair(label, KeyPairSpec.RSA_2048);
            assertEquals(2048, ((java.security.interfaces.RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new X509EncodedKeySpec(publicKey))).getModulus().bitLength());
            for (DecryptionAlgorithm algorithm : RSA_DECRYPTION) {
                wrapped.put(algorithm, jdkEncrypt(publicKey, algorithm, material));
                assertArrayEquals(material, token.decryptWithTokenKey(label, algorithm, wrapped.get(algorithm)), algorithm.name());
            }
            // another padding, altered data, a wrong length: the same refusal for every cause
            byte[] oaep256 = wrapped.get(DecryptionAlgorithm.RSAES_OAEP_SHA_256);
            assertEquals(TokenException.Reason.INVALID_WRAPPED_KEY, reason(() -> token.decryptWithTokenKey(label, DecryptionAlgorithm.RSAES_OAEP_SHA_1, oaep256)));
            assertEquals(TokenException.Reason.INVALID_WRAPPED_KEY, reason(() -> token.decryptWithTokenKey(label, DecryptionAlgorithm.RSAES_PKCS1_V1_5, oaep256)));
            byte[] altered = oaep256.clone();
            altered[100] ^= 1;
            assertEquals(TokenException.Reason.INVALID_WRAPPED_KEY, reason(() -> token.decryptWithTokenKey(label, DecryptionAlgorithm.RSAES_OAEP_SHA_256, altered)));
            assertEquals(TokenException.Reason.INVALID_WRAPPED_KEY, reason(() -> token.decryptWithTokenKey(label, DecryptionAlgorithm.RSAES_OAEP_SHA_256, new byte[255])));
            assertEquals(TokenException.Reason.INVALID_WRAPPED_KEY, reason(() -> token.decryptWithTokenKey(label, DecryptionAlgorithm.RSAES_OAEP_SHA_256, null)));
            assertEquals(TokenException.Reason.INVALID_PARAMETER, reason(() -> token.decryptWithTokenKey(label, DecryptionAlgorithm.SM2_C1C3C2, oaep256)));
            assertEquals(TokenException.Reason.INVALID_PARAMETER, reason(() -> token.decryptWithTokenKey(label, null, oaep256)));
            assertEquals(TokenException.Reason.INVALID_PARAMETER, reason(() -> token.generateTokenKeyPair(label, KeyPairSpec.RSA_2048)));
            assertEquals(TokenException.Reason.INVALID_PARAMETER, reason(() -> token.generateTokenKeyPair(label + "-x", null)));
            assertEquals(TokenException.Reason.INVALID_WRAPPED_KEY, reason(() -> token.decryptWithTokenKey("kms-import-unknown", DecryptionAlgorithm.RSAES_OAEP_SHA_256, oaep256)));
        }
        try (TokenBackend reopened = open()) {
            assertArrayEquals(material, reopened.decryptWithTokenKey(label, DecryptionAlgorithm.RSAES_OAEP_SHA_256,
                    wrapped.get(DecryptionAlgorithm.RSAES_OAEP_SHA_256)), "the pair survives a restart");
            reopened.destroyTokenKey(label);
            assertEquals(TokenException.Reason.INVALID_WRAPPED_KEY, reason(() -> reopened.decryptWithTokenKey(label,
                    DecryptionAlgorithm.RSAES_PKCS1_V1_5, wrapped.get(DecryptionAlgorithm.RSAES_PKCS1_V1_5))));
            reopened.destroyTokenKey(label); // again: harmless
        }
        try (TokenBackend again = open()) {
            assertEquals(TokenException.Reason.INVALID_WRAPPED_KEY, reason(() -> again.decryptWithTokenKey(label,
                    DecryptionAlgorithm.RSAES_OAEP_SHA_1, wrapped.get(DecryptionAlgorithm.RSAES_OAEP_SHA_1))), "destroyed for good");
        }
    }

    /**
     * Every spec a token can hold: the pair signs inside the token with each algorithm that fits it, and the
     * signature verifies with {@link PublicKeys} and with the JDK's own verifier over the message; RSA pairs open
     * what the JDK and {@link PublicKeys} encrypt; algorithms that do not fit, and digests of the wrong length,
     * are refused as bad parameters; the pair survives reopening the token and is gone once destroyed.
     */
    @Test
    void tokenKeyPairsOfEveryTokenResidentSpecSignAndDecryptUntilDestroyed() throws Exception {
        byte[] message = "sign me inside the token".getBytes(StandardCharsets.US_ASCII);
        byte[] material = new byte[32];
        new java.security.SecureRandom().nextBytes(material);
        java.util.Map<KeyPairSpec, String> labels = new java.util.EnumMap<>(KeyPairSpec.class);
        java.util.Map<KeyPairSpec, byte[]> publicKeys = new java.util.EnumMap<>(KeyPairSpec.class);
        try (TokenBackend token = open()) {
            for (KeyPairSpec spec : KeyPairSpec.values()) {
                if (!spec.tokenResident()) {
                    continue;
                }
                String label = "kms-cmk-" + java.util.UUID.randomUUID() + "-v1";
                byte[] publicKey = token.generateTokenKeyPair(label, spec);
                labels.put(spec, label);
                publicKeys.put(spec, publicKey);
                assertTrue(PublicKeys.matches(spec, publicKey), spec + ": the public key is of the spec");
                for (SignatureAlgorithm algorithm : SignatureAlgorithm.values()) {
                    byte[] digest = new byte[Math.max(algorithm.digestLength(), 32)];
                    if (!algorithm.fits(spec)) {
                        assertEquals(TokenException.Reason.INVALID_PARAMETER, reason(() -> token.signWithTokenKey(label, algorithm, digest)),
                                algorithm + " with " + spec);
                        continue;
                    }
                    byte[] input = PublicKeys.digest(algorithm, publicKey, message);
                    byte[] signature = token.signWithTokenKey(label, algorithm, input);
                    assertTrue(PublicKeys.verify(algorithm, publicKey, input, signature), algorithm + " with " + spec);
                    assertTrue(jdkVerifies(algorithm, publicKey, message, signature), algorithm + " with " + spec + ": the JDK verifies");
                    assertFalse(jdkVerifies(algorithm, publicKey, "another message".getBytes(StandardCharsets.US_ASCII), signature));
                    assertEquals(TokenException.Reason.INVALID_PARAMETER, reason(() -> token.signWithTokenKey(label, algorithm,
                            java.util.Arrays.copyOf(input, input.length - 1))), algorithm + ": digest too short");
                    assertEquals(TokenException.Reason.INVALID_PARAMETER, reason(() -> token.signWithTokenKey(label, algorithm,
                            java.util.Arrays.copyOf(input, input.length + 1))), algorithm + ": digest too long");
                    assertEquals(TokenException.Reason.INVALID_PARAMETER, reason(() -> token.signWithTokenKey(label, algorithm, null)));
                }
                for (DecryptionAlgorithm algorithm : DecryptionAlgorithm.values()) {
                    if (!algorithm.fits(spec)) {
                        assertEquals(TokenException.Reason.INVALID_PARAMETER, reason(() -> token.decryptWithTokenKey(label, algorithm, new byte[256])),
                                algorithm + " with " + spec);
                        continue;
                    }
                    assertArrayEquals(material, token.decryptWithTokenKey(label, algorithm, jdkEncrypt(publicKey, algorithm, material)),
                            algorithm + " with " + spec);
                    assertArrayEquals(material, token.decryptWithTokenKey(label, algorithm,
                            PublicKeys.encrypt(algorithm, publicKey, material, new java.security.SecureRandom())), algorithm + " with " + spec);
                }
                assertEquals(TokenException.Reason.INVALID_PARAMETER, reason(() -> token.signWithTokenKey(label, null, new byte[32])));
            }
            assertEquals(TokenException.Reason.INVALID_WRAPPED_KEY, reason(() -> token.signWithTokenKey("kms-cmk-unknown-v1",
                    SignatureAlgorithm.ECDSA_P256_SHA_256, new byte[32])));
            assertEquals(TokenException.Reason.INVALID_PARAMETER, reason(() -> token.signWithTokenKey("Not A Label",
                    SignatureAlgorithm.ECDSA_P256_SHA_256, new byte[32])));
        }
        try (TokenBackend reopened = open()) {
            for (java.util.Map.Entry<KeyPairSpec, String> pair : labels.entrySet()) {
                SignatureAlgorithm algorithm = java.util.Arrays.stream(SignatureAlgorithm.values()).filter(a -> a.fits(pair.getKey())).findFirst().orElseThrow();
                byte[] publicKey = publicKeys.get(pair.getKey());
                byte[] input = PublicKeys.digest(algorithm, publicKey, message);
                assertTrue(PublicKeys.verify(algorithm, publicKey, input, reopened.signWithTokenKey(pair.getValue(), algorithm, input)),
                        pair.getKey() + ": the pair survives a restart");
                reopened.destroyTokenKey(pair.getValue());
                assertEquals(TokenException.Reason.INVALID_WRAPPED_KEY, reason(() -> reopened.signWithTokenKey(pair.getValue(), algorithm, input)));
            }
        }
        try (TokenBackend again = open()) {
            for (java.util.Map.Entry<KeyPairSpec, String> pair : labels.entrySet()) {
                assertEquals(TokenException.Reason.INVALID_WRAPPED_KEY, reason(() -> again.signWithTokenKey(pair.getValue(),
                        SignatureAlgorithm.RSA_PKCS1_SHA_256, new byte[32])), pair.getKey() + ": destroyed for good");
            }
        }
    }

    @Test
    void specsWithoutPkcs11MechanismsAreRefusedAsTokenKeyPairs() throws Exception {
        try (TokenBackend token = open()) {
            for (KeyPairSpec spec : List.of(KeyPairSpec.SM2, KeyPairSpec.ML_KEM_768, KeyPairSpec.ML_DSA_65)) {
                String label = "kms-cmk-" + java.util.UUID.randomUUID() + "-v1";
                TokenException refused = assertThrows(TokenException.class, () -> token.generateTokenKeyPair(label, spec));
                assertEquals(TokenException.Reason.INVALID_PARAMETER, refused.reason());
                assertEquals(spec + " keys cannot be held in a PKCS#11 token; use the SOFTWARE protection level", refused.getMessage());
                assertEquals(TokenException.Reason.INVALID_WRAPPED_KEY, reason(() -> token.decryptWithTokenKey(label,
                        DecryptionAlgorithm.SM2_C1C3C2, new byte[200])), "nothing was stored under the label");
            }
        }
    }

    /**
     * The SOFTWARE level: a pair of every spec comes back with its private key wrapped for a purpose; unwrapped
     * for that purpose it is a PKCS#8 key that signs and decrypts with the public key handed back, and for any
     * other purpose it does not unwrap.
     */
    @Test
    void wrappedKeyPairsOfEverySpecWorkOnlyForTheirPurpose() throws Exception {
        java.security.SecureRandom random = new java.security.SecureRandom();
        byte[] message = "sign me in the JVM".getBytes(StandardCharsets.US_ASCII);
        byte[] material = new byte[32];
        random.nextBytes(material);
        try (TokenBackend token = open()) {
            for (KeyPairSpec spec : KeyPairSpec.values()) {
                String purpose = "cmk:kp-" + spec + ":1";
                WrappedKeyPair pair = token.generateWrappedKeyPair(spec, purpose);
                assertEquals(spec, pair.spec());
                assertTrue(PublicKeys.matches(spec, pair.publicKey()), spec.name());
                assertEquals(token.status().activeDomainKeyVersion(), pair.privateKey().domainKeyVersion());
                assertEquals("WrappedKeyPair[" + spec + "]", pair.toString());

                byte[] pkcs8 = token.unwrap(WrappedKey.decode(pair.privateKey().encode()), purpose);
                assertEquals(12 + pkcs8.length + 16, pair.privateKey().blob().length, "nonce, PKCS#8 and GCM tag");
                java.security.PrivateKey key = PrivateKeys.fromPkcs8(spec, pkcs8);
                java.util.Arrays.fill(pkcs8, (byte) 0);
                for (SignatureAlgorithm algorithm : SignatureAlgorithm.values()) {
                    if (algorithm.fits(spec)) {
                        byte[] input = PublicKeys.digest(algorithm, pair.publicKey(), message);
                        assertTrue(PublicKeys.verify(algorithm, pair.publicKey(), input, PrivateKeys.sign(key, null, algorithm, input, random)),
                                algorithm + " with " + spec);
                    }
                }
                for (DecryptionAlgorithm algorithm : DecryptionAlgorithm.values()) {
                    if (algorithm == DecryptionAlgorithm.ML_KEM_768 && algorithm.fits(spec)) {
                        Encapsulation encapsulation = PublicKeys.encapsulate(pair.publicKey(), random);
                        assertArrayEquals(encapsulation.sharedSecret(), PrivateKeys.decrypt(key, null, algorithm, encapsulation.encapsulation()));
                    } else if (algorithm.fits(spec)) {
                        assertArrayEquals(material, PrivateKeys.decrypt(key, null, algorithm,
                                PublicKeys.encrypt(algorithm, pair.publicKey(), material, random)), algorithm + " with " + spec);
                    }
                }
                assertEquals(TokenException.Reason.INVALID_WRAPPED_KEY, reason(() -> token.unwrap(pair.privateKey(), "cmk:other:1")),
                        spec + ": another purpose does not unwrap");
                assertNotEquals(java.util.HexFormat.of().formatHex(pair.publicKey()),
                        java.util.HexFormat.of().formatHex(token.generateWrappedKeyPair(spec, purpose).publicKey()), spec + ": a fresh pair each time");
            }
            assertEquals(TokenException.Reason.INVALID_PARAMETER, reason(() -> token.generateWrappedKeyPair(null, "p")));
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
