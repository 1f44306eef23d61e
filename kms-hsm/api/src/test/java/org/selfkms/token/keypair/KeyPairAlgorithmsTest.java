package org.selfkms.token.keypair;

import org.bouncycastle.crypto.engines.SM2Engine;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithID;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.SM2Signer;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.crypto.util.PublicKeyFactory;
import org.bouncycastle.jcajce.SecretKeyWithEncapsulation;
import org.bouncycastle.jcajce.spec.KEMExtractSpec;
import org.bouncycastle.jcajce.spec.KEMGenerateSpec;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.Test;

import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The key-pair algorithms on keys held in the JVM, for every spec and algorithm: what is signed here verifies
 * here and with independent implementations (the JDK's own signature and cipher classes, Bouncy Castle's
 * SM2Signer/SM2Engine in their standard modes, Bouncy Castle's JCA ML-DSA and ML-KEM), and what they make
 * verifies or opens here. The OpenSSL command line is {@link OpenSslInteropTest}.
 */
class KeyPairAlgorithmsTest {

    /** A separate instance: the code under test uses its own, never a registered one. */
    private static final Provider BC = new BouncyCastleProvider();
    private static final byte[] MESSAGE = "Transfer 100 to account 42".getBytes(StandardCharsets.US_ASCII);

    private static PrivateKey privateKeyViaPkcs8(KeyPairSpec spec) throws GeneralSecurityException {
        return PrivateKeys.fromPkcs8(spec, TestKeys.pair(spec).getPrivate().getEncoded());
    }

    private static byte[] sign(KeyPairSpec spec, SignatureAlgorithm algorithm, byte[] message) throws GeneralSecurityException {
        byte[] input = PublicKeys.digest(algorithm, TestKeys.publicKey(spec), message);
        return PrivateKeys.sign(privateKeyViaPkcs8(spec), null, algorithm, input, TestKeys.RANDOM);
    }

    @Test
    void everyAlgorithmSignsAndVerifiesWithEveryFittingSpec() throws Exception {
        int pairs = 0;
        for (SignatureAlgorithm algorithm : SignatureAlgorithm.values()) {
            for (KeyPairSpec spec : KeyPairSpec.values()) {
                if (!algorithm.fits(spec)) {
                    continue;
                }
                pairs++;
                String what = algorithm + " with " + spec;
                byte[] publicKey = TestKeys.publicKey(spec);
                byte[] input = PublicKeys.digest(algorithm, publicKey, MESSAGE);
                assertEquals(algorithm.signsDigest() ? algorithm.digestLength() : MESSAGE.length, input.length, what);
                byte[] signature = PrivateKeys.sign(privateKeyViaPkcs8(spec), null, algorithm, input, TestKeys.RANDOM);
                assertTrue(PublicKeys.verify(algorithm, publicKey, input, signature), what);

                byte[] otherInput = PublicKeys.digest(algorithm, publicKey, "another message".getBytes(StandardCharsets.US_ASCII));
                assertFalse(PublicKeys.verify(algorithm, publicKey, otherInput, signature), what + ": other message");
                for (int position : new int[]{0, signature.length / 2, signature.length - 1}) {
                    byte[] tampered = signature.clone();
                    tampered[position] ^= 0x01;
                    assertFalse(PublicKeys.verify(algorithm, publicKey, input, tampered), what + ": byte " + position + " altered");
                }
                assertFalse(PublicKeys.verify(algorithm, publicKey, input, Arrays.copyOf(signature, signature.length - 1)), what + ": truncated");
                assertFalse(PublicKeys.verify(algorithm, publicKey, input, new byte[0]), what + ": empty");
                KeyPair other = PrivateKeys.generate(spec, TestKeys.RANDOM);
                assertFalse(PublicKeys.verify(algorithm, other.getPublic().getEncoded(),
                        PublicKeys.digest(algorithm, other.getPublic().getEncoded(), MESSAGE), signature), what + ": other key");
                if (algorithm.signsDigest()) {
                    byte[] shortInput = Arrays.copyOf(input, input.length - 1);
                    assertThrows(IllegalArgumentException.class, () -> PrivateKeys.sign(privateKeyViaPkcs8(spec), null, algorithm, shortInput, TestKeys.RANDOM), what);
                    assertThrows(IllegalArgumentException.class, () -> PublicKeys.verify(algorithm, publicKey, shortInput, signature), what);
                }
            }
        }
        assertEquals(8, pairs, "PKCS#1 and PSS on both RSA sizes, ECDSA on two curves, SM2, ML-DSA");
    }

    @Test
    void rsaSignaturesInteroperateWithTheJdk() throws Exception {
        for (KeyPairSpec spec : List.of(KeyPairSpec.RSA_2048, KeyPairSpec.RSA_3072)) {
            PublicKey publicKey = TestKeys.pair(spec).getPublic();
            int k = spec == KeyPairSpec.RSA_2048 ? 256 : 384;

            Signature pkcs1 = Signature.getInstance("SHA256withRSA");
            pkcs1.initVerify(publicKey);
            pkcs1.update(MESSAGE);
            byte[] ours = sign(spec, SignatureAlgorithm.RSA_PKCS1_SHA_256, MESSAGE);
            assertEquals(k, ours.length);
            assertTrue(pkcs1.verify(ours), spec + ": the JDK verifies our PKCS#1 signature");
            assertArrayEquals(ours, sign(spec, SignatureAlgorithm.RSA_PKCS1_SHA_256, MESSAGE), "PKCS#1 v1.5 is deterministic");
            pkcs1.initSign(TestKeys.pair(spec).getPrivate());
            pkcs1.update(MESSAGE);
            byte[] theirs = pkcs1.sign();
            assertArrayEquals(theirs, ours, "the same bytes as the JDK's SHA256withRSA");

            Signature pss = Signature.getInstance("RSASSA-PSS");
            pss.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
            pss.initVerify(publicKey);
            pss.update(MESSAGE);
            byte[] ourPss = sign(spec, SignatureAlgorithm.RSA_PSS_SHA_256, MESSAGE);
            assertEquals(k, ourPss.length);
            assertTrue(pss.verify(ourPss), spec + ": the JDK verifies our PSS signature");
            assertFalse(Arrays.equals(ourPss, sign(spec, SignatureAlgorithm.RSA_PSS_SHA_256, MESSAGE)), "PSS is salted");

            pss.initSign(TestKeys.pair(spec).getPrivate());
            pss.update(MESSAGE);
            byte[] jdkPss = pss.sign();
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(MESSAGE);
            assertTrue(PublicKeys.verify(SignatureAlgorithm.RSA_PSS_SHA_256, publicKey.getEncoded(), digest, jdkPss), "the JDK's PSS verifies here");
            assertTrue(PublicKeys.verify(SignatureAlgorithm.RSA_PKCS1_SHA_256, publicKey.getEncoded(), digest, theirs), "the JDK's PKCS#1 verifies here");
            assertFalse(PublicKeys.verify(SignatureAlgorithm.RSA_PKCS1_SHA_256, publicKey.getEncoded(), digest, jdkPss), "PSS is no PKCS#1 signature");
            assertFalse(PublicKeys.verify(SignatureAlgorithm.RSA_PSS_SHA_256, publicKey.getEncoded(), digest, theirs), "nor the reverse");

            Signature otherSalt = Signature.getInstance("RSASSA-PSS");
            otherSalt.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 20, 1));
            otherSalt.initSign(TestKeys.pair(spec).getPrivate());
            otherSalt.update(MESSAGE);
            assertFalse(PublicKeys.verify(SignatureAlgorithm.RSA_PSS_SHA_256, publicKey.getEncoded(), digest, otherSalt.sign()),
                    "the salt length is fixed at 32");
        }
    }

    @Test
    void ecdsaInteroperatesWithTheJdk() throws Exception {
        for (SignatureAlgorithm algorithm : List.of(SignatureAlgorithm.ECDSA_P256_SHA_256, SignatureAlgorithm.ECDSA_P384_SHA_384)) {
            KeyPairSpec spec = algorithm == SignatureAlgorithm.ECDSA_P256_SHA_256 ? KeyPairSpec.EC_P256 : KeyPairSpec.EC_P384;
            String jdkName = algorithm == SignatureAlgorithm.ECDSA_P256_SHA_256 ? "SHA256withECDSA" : "SHA384withECDSA";
            KeyPair pair = TestKeys.pair(spec);
            Signature jdk = Signature.getInstance(jdkName);
            jdk.initVerify(pair.getPublic());
            jdk.update(MESSAGE);
            assertTrue(jdk.verify(sign(spec, algorithm, MESSAGE)), algorithm + ": the JDK verifies our DER signature");

            jdk.initSign(pair.getPrivate());
            jdk.update(MESSAGE);
            byte[] theirs = jdk.sign();
            byte[] digest = MessageDigest.getInstance(algorithm.digestName()).digest(MESSAGE);
            assertArrayEquals(digest, PublicKeys.digest(algorithm, pair.getPublic().getEncoded(), MESSAGE));
            assertTrue(PublicKeys.verify(algorithm, pair.getPublic().getEncoded(), digest, theirs), algorithm + ": the JDK's verifies here");
        }
    }

    @Test
    void sm2InteroperatesWithBouncyCastlesSm2SignerOverTheMessage() throws Exception {
        KeyPair pair = TestKeys.pair(KeyPairSpec.SM2);
        byte[] publicKey = pair.getPublic().getEncoded();
        ECPublicKeyParameters bcPublic = (ECPublicKeyParameters) PublicKeyFactory.createKey(publicKey);
        ECPrivateKeyParameters bcPrivate = (ECPrivateKeyParameters) PrivateKeyFactory.createKey(pair.getPrivate().getEncoded());

        // SM2Signer in its normal mode hashes Z_A || M itself: our digest must be what it signs
        SM2Signer signer = new SM2Signer();
        signer.init(true, new ParametersWithID(new ParametersWithRandom(bcPrivate, TestKeys.RANDOM), PublicKeys.SM2_DEFAULT_USER_ID));
        signer.update(MESSAGE, 0, MESSAGE.length);
        byte[] theirs = signer.generateSignature();
        byte[] e = PublicKeys.digest(SignatureAlgorithm.SM2DSA_SM3, publicKey, MESSAGE);
        assertEquals(32, e.length);
        assertTrue(PublicKeys.verify(SignatureAlgorithm.SM2DSA_SM3, publicKey, e, theirs), "SM2Signer's signature verifies over our e");
        byte[] plainSm3 = new byte[32];
        SM3Digest sm3 = new SM3Digest();
        sm3.update(MESSAGE, 0, MESSAGE.length);
        sm3.doFinal(plainSm3, 0);
        assertFalse(PublicKeys.verify(SignatureAlgorithm.SM2DSA_SM3, publicKey, plainSm3, theirs), "e is not SM3(M) alone");

        byte[] ours = sign(KeyPairSpec.SM2, SignatureAlgorithm.SM2DSA_SM3, MESSAGE);
        SM2Signer verifier = new SM2Signer();
        verifier.init(false, new ParametersWithID(bcPublic, PublicKeys.SM2_DEFAULT_USER_ID));
        verifier.update(MESSAGE, 0, MESSAGE.length);
        assertTrue(verifier.verifySignature(ours), "SM2Signer verifies our signature over the message");
        SM2Signer defaultId = new SM2Signer();
        defaultId.init(false, bcPublic);
        defaultId.update(MESSAGE, 0, MESSAGE.length);
        assertTrue(defaultId.verifySignature(ours), "1234567812345678 is also Bouncy Castle's default id");
        SM2Signer otherId = new SM2Signer();
        otherId.init(false, new ParametersWithID(bcPublic, "another-user-id".getBytes(StandardCharsets.US_ASCII)));
        otherId.update(MESSAGE, 0, MESSAGE.length);
        assertFalse(otherId.verifySignature(ours), "the user id is part of what is signed");
    }

    @Test
    void mlDsaInteroperatesWithBouncyCastlesJcaSignature() throws Exception {
        KeyPair pair = TestKeys.pair(KeyPairSpec.ML_DSA_65);
        byte[] ours = sign(KeyPairSpec.ML_DSA_65, SignatureAlgorithm.ML_DSA_65, MESSAGE);
        assertEquals(3309, ours.length, "FIPS 204 ML-DSA-65 signature size");
        Signature jca = Signature.getInstance("ML-DSA-65", BC);
        jca.initVerify(pair.getPublic());
        jca.update(MESSAGE);
        assertTrue(jca.verify(ours));

        jca.initSign(pair.getPrivate(), TestKeys.RANDOM);
        jca.update(MESSAGE);
        byte[] theirs = jca.sign();
        assertTrue(PublicKeys.verify(SignatureAlgorithm.ML_DSA_65, pair.getPublic().getEncoded(), MESSAGE, theirs));
        assertArrayEquals(MESSAGE, PublicKeys.digest(SignatureAlgorithm.ML_DSA_65, pair.getPublic().getEncoded(), MESSAGE), "ML-DSA signs the message");
        assertTrue(PublicKeys.verify(SignatureAlgorithm.ML_DSA_65, pair.getPublic().getEncoded(), new byte[0],
                PrivateKeys.sign(pair.getPrivate(), null, SignatureAlgorithm.ML_DSA_65, new byte[0], TestKeys.RANDOM)), "an empty message too");

        Signature hashMlDsa = Signature.getInstance("HASH-ML-DSA", BC);
        hashMlDsa.initSign(pair.getPrivate(), TestKeys.RANDOM);
        hashMlDsa.update(MESSAGE);
        assertFalse(PublicKeys.verify(SignatureAlgorithm.ML_DSA_65, pair.getPublic().getEncoded(), MESSAGE, hashMlDsa.sign()),
                "pure ML-DSA, not the pre-hash variant");
    }

    private static final Map<DecryptionAlgorithm, String> JDK_RSA = Map.of(
            DecryptionAlgorithm.RSAES_PKCS1_V1_5, "RSA/ECB/PKCS1Padding",
            DecryptionAlgorithm.RSAES_OAEP_SHA_1, "RSA/ECB/OAEPWithSHA-1AndMGF1Padding",
            DecryptionAlgorithm.RSAES_OAEP_SHA_256, "RSA/ECB/OAEPWithSHA-256AndMGF1Padding");

    /** The JDK's RSA cipher as a client uses it; OAEP-SHA-256 names MGF1-SHA-256 explicitly (the JDK's default is MGF1-SHA-1). */
    private static Cipher jdkRsa(DecryptionAlgorithm algorithm, int mode, java.security.Key key) throws Exception {
        Cipher cipher = Cipher.getInstance(JDK_RSA.get(algorithm));
        cipher.init(mode, key, algorithm != DecryptionAlgorithm.RSAES_OAEP_SHA_256 ? null
                : new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, PSource.PSpecified.DEFAULT));
        return cipher;
    }

    @Test
    void rsaDecryptionOpensWhatTheJdkEncryptsAndTheReverse() throws Exception {
        List<DecryptionAlgorithm> rsa = List.of(DecryptionAlgorithm.RSAES_PKCS1_V1_5, DecryptionAlgorithm.RSAES_OAEP_SHA_1, DecryptionAlgorithm.RSAES_OAEP_SHA_256);
        for (KeyPairSpec spec : List.of(KeyPairSpec.RSA_2048, KeyPairSpec.RSA_3072)) {
            KeyPair pair = TestKeys.pair(spec);
            PrivateKey key = privateKeyViaPkcs8(spec);
            byte[] material = TestKeys.random(32);
            for (DecryptionAlgorithm algorithm : rsa) {
                String what = algorithm + " with " + spec;
                byte[] jdk = jdkRsa(algorithm, Cipher.ENCRYPT_MODE, pair.getPublic()).doFinal(material);
                assertArrayEquals(material, PrivateKeys.decrypt(key, null, algorithm, jdk), what);
                byte[] ours = PublicKeys.encrypt(algorithm, pair.getPublic().getEncoded(), material, TestKeys.RANDOM);
                assertArrayEquals(material, jdkRsa(algorithm, Cipher.DECRYPT_MODE, pair.getPrivate()).doFinal(ours), what + ": the JDK opens ours");
                assertArrayEquals(material, PrivateKeys.decrypt(key, null, algorithm, ours), what);

                byte[] altered = jdk.clone();
                altered[altered.length / 2] ^= 1;
                UndecryptableException e = assertThrows(UndecryptableException.class, () -> PrivateKeys.decrypt(key, null, algorithm, altered), what);
                assertEquals("the data does not decrypt with this key", e.getMessage());
                assertThrows(UndecryptableException.class, () -> PrivateKeys.decrypt(key, null, algorithm, Arrays.copyOf(jdk, jdk.length - 1)), what);
                assertThrows(UndecryptableException.class, () -> PrivateKeys.decrypt(key, null, algorithm, new byte[0]), what);
                for (DecryptionAlgorithm other : rsa) {
                    if (other != algorithm) {
                        assertThrows(UndecryptableException.class, () -> PrivateKeys.decrypt(key, null, other, jdk), what + " opened as " + other);
                    }
                }
            }
            int k = spec == KeyPairSpec.RSA_2048 ? 256 : 384;
            assertArrayEquals(new byte[k - 66], PrivateKeys.decrypt(key, null, DecryptionAlgorithm.RSAES_OAEP_SHA_256,
                    PublicKeys.encrypt(DecryptionAlgorithm.RSAES_OAEP_SHA_256, pair.getPublic().getEncoded(), new byte[k - 66], TestKeys.RANDOM)),
                    "the longest OAEP-SHA-256 plaintext");
            assertThrows(IllegalArgumentException.class, () -> PublicKeys.encrypt(DecryptionAlgorithm.RSAES_OAEP_SHA_256,
                    pair.getPublic().getEncoded(), new byte[k - 65], TestKeys.RANDOM), "one byte more is too long");
        }
    }

    @Test
    void sm2DecryptionOpensWhatBouncyCastlesEngineEncryptsAndTheReverse() throws Exception {
        KeyPair pair = TestKeys.pair(KeyPairSpec.SM2);
        PrivateKey key = privateKeyViaPkcs8(KeyPairSpec.SM2);
        ECPublicKeyParameters bcPublic = (ECPublicKeyParameters) PublicKeyFactory.createKey(pair.getPublic().getEncoded());
        ECPrivateKeyParameters bcPrivate = (ECPrivateKeyParameters) PrivateKeyFactory.createKey(pair.getPrivate().getEncoded());
        byte[] material = TestKeys.random(48);

        SM2Engine engine = new SM2Engine(new SM3Digest(), SM2Engine.Mode.C1C3C2);
        engine.init(true, new ParametersWithRandom(bcPublic, TestKeys.RANDOM));
        byte[] theirs = engine.processBlock(material, 0, material.length);
        assertEquals(65 + 32 + material.length, theirs.length);
        assertArrayEquals(material, PrivateKeys.decrypt(key, null, DecryptionAlgorithm.SM2_C1C3C2, theirs));

        byte[] ours = PublicKeys.encrypt(DecryptionAlgorithm.SM2_C1C3C2, pair.getPublic().getEncoded(), material, TestKeys.RANDOM);
        assertEquals(0x04, ours[0], "C1 uncompressed");
        SM2Engine opener = new SM2Engine(new SM3Digest(), SM2Engine.Mode.C1C3C2);
        opener.init(false, bcPrivate);
        assertArrayEquals(material, opener.processBlock(ours, 0, ours.length), "Bouncy Castle opens ours as C1C3C2");

        for (int position : new int[]{10, 70, ours.length - 1}) {
            byte[] altered = ours.clone();
            altered[position] ^= 1;
            assertThrows(UndecryptableException.class, () -> PrivateKeys.decrypt(key, null, DecryptionAlgorithm.SM2_C1C3C2, altered), "byte " + position);
        }
        SM2Engine c1c2c3 = new SM2Engine(new SM3Digest(), SM2Engine.Mode.C1C2C3);
        c1c2c3.init(true, new ParametersWithRandom(bcPublic, TestKeys.RANDOM));
        byte[] otherOrder = c1c2c3.processBlock(material, 0, material.length);
        assertThrows(UndecryptableException.class, () -> PrivateKeys.decrypt(key, null, DecryptionAlgorithm.SM2_C1C3C2, otherOrder), "C1C2C3 is not C1C3C2");
        assertThrows(UndecryptableException.class, () -> PrivateKeys.decrypt(key, null, DecryptionAlgorithm.SM2_C1C3C2, Arrays.copyOf(ours, 97)));
        assertThrows(UndecryptableException.class, () -> PrivateKeys.decrypt(key, null, DecryptionAlgorithm.SM2_C1C3C2, new byte[200]));
        assertThrows(IllegalArgumentException.class, () -> PublicKeys.encrypt(DecryptionAlgorithm.SM2_C1C3C2, pair.getPublic().getEncoded(), new byte[0], TestKeys.RANDOM));
    }

    @Test
    void mlKemEncapsulationsAgreeWithBouncyCastlesJcaKem() throws Exception {
        KeyPair pair = TestKeys.pair(KeyPairSpec.ML_KEM_768);
        byte[] publicKey = pair.getPublic().getEncoded();
        PrivateKey key = privateKeyViaPkcs8(KeyPairSpec.ML_KEM_768);

        Encapsulation ours = PublicKeys.encapsulate(publicKey, TestKeys.RANDOM);
        assertEquals(32, ours.sharedSecret().length);
        assertEquals(1088, ours.encapsulation().length, "FIPS 203 ML-KEM-768 ciphertext size");
        assertArrayEquals(ours.sharedSecret(), PrivateKeys.decrypt(key, null, DecryptionAlgorithm.ML_KEM_768, ours.encapsulation()));
        assertFalse(ours.toString().contains(HexFormat.of().formatHex(ours.sharedSecret())));

        KeyGenerator jca = KeyGenerator.getInstance("ML-KEM", BC);
        jca.init(new KEMGenerateSpec.Builder(pair.getPublic(), "AES", 256).withNoKdf().build(), TestKeys.RANDOM);
        SecretKeyWithEncapsulation theirs = (SecretKeyWithEncapsulation) jca.generateKey();
        assertArrayEquals(theirs.getEncoded(), PrivateKeys.decrypt(key, null, DecryptionAlgorithm.ML_KEM_768, theirs.getEncapsulation()),
                "we decapsulate what Bouncy Castle's JCA KEM encapsulates");
        KeyGenerator extract = KeyGenerator.getInstance("ML-KEM", BC);
        extract.init(new KEMExtractSpec.Builder(pair.getPrivate(), ours.encapsulation(), "AES", 256).withNoKdf().build());
        assertArrayEquals(ours.sharedSecret(), extract.generateKey().getEncoded(), "Bouncy Castle's JCA KEM decapsulates ours");

        byte[] altered = ours.encapsulation();
        altered[500] ^= 1;
        byte[] rejected = PrivateKeys.decrypt(key, null, DecryptionAlgorithm.ML_KEM_768, altered);
        assertEquals(32, rejected.length);
        assertFalse(Arrays.equals(ours.sharedSecret(), rejected), "implicit rejection: an altered encapsulation gives an unrelated secret");
        assertThrows(UndecryptableException.class, () -> PrivateKeys.decrypt(key, null, DecryptionAlgorithm.ML_KEM_768, new byte[1087]));
        assertThrows(IllegalArgumentException.class, () -> PublicKeys.encrypt(DecryptionAlgorithm.ML_KEM_768, publicKey, new byte[32], TestKeys.RANDOM));
        assertThrows(IllegalArgumentException.class, () -> PublicKeys.encapsulate(TestKeys.publicKey(KeyPairSpec.RSA_2048), TestKeys.RANDOM));
        ours.destroy();
        assertArrayEquals(new byte[32], ours.sharedSecret(), "destroy zeroises the secret");
    }

    @Test
    void keysOfOneSpecServeNoOther() throws Exception {
        byte[] digest32 = new byte[32];
        PrivateKey rsa = privateKeyViaPkcs8(KeyPairSpec.RSA_2048);
        PrivateKey p256 = privateKeyViaPkcs8(KeyPairSpec.EC_P256);
        PrivateKey sm2 = privateKeyViaPkcs8(KeyPairSpec.SM2);
        PrivateKey mlKem = privateKeyViaPkcs8(KeyPairSpec.ML_KEM_768);
        PrivateKey mlDsa = privateKeyViaPkcs8(KeyPairSpec.ML_DSA_65);
        assertThrows(IllegalArgumentException.class, () -> PrivateKeys.sign(rsa, null, SignatureAlgorithm.ECDSA_P256_SHA_256, digest32, TestKeys.RANDOM));
        assertThrows(IllegalArgumentException.class, () -> PrivateKeys.sign(p256, null, SignatureAlgorithm.ECDSA_P384_SHA_384, new byte[48], TestKeys.RANDOM));
        assertThrows(IllegalArgumentException.class, () -> PrivateKeys.sign(p256, null, SignatureAlgorithm.SM2DSA_SM3, digest32, TestKeys.RANDOM));
        assertThrows(IllegalArgumentException.class, () -> PrivateKeys.sign(sm2, null, SignatureAlgorithm.ECDSA_P256_SHA_256, digest32, TestKeys.RANDOM));
        assertThrows(IllegalArgumentException.class, () -> PrivateKeys.sign(mlKem, null, SignatureAlgorithm.ML_DSA_65, MESSAGE, TestKeys.RANDOM));
        assertThrows(IllegalArgumentException.class, () -> PrivateKeys.sign(mlDsa, null, SignatureAlgorithm.RSA_PSS_SHA_256, digest32, TestKeys.RANDOM));
        assertThrows(IllegalArgumentException.class, () -> PrivateKeys.decrypt(p256, null, DecryptionAlgorithm.RSAES_OAEP_SHA_256, new byte[256]));
        assertThrows(IllegalArgumentException.class, () -> PrivateKeys.decrypt(rsa, null, DecryptionAlgorithm.SM2_C1C3C2, new byte[200]));
        assertThrows(IllegalArgumentException.class, () -> PrivateKeys.decrypt(mlDsa, null, DecryptionAlgorithm.ML_KEM_768, new byte[1088]));
        // SM2 and ML-* never run on a token key: a provider means a token handle
        Provider someToken = java.security.Security.getProvider("SunEC");
        assertThrows(IllegalArgumentException.class, () -> PrivateKeys.sign(sm2, someToken, SignatureAlgorithm.SM2DSA_SM3, digest32, TestKeys.RANDOM));
        assertThrows(IllegalArgumentException.class, () -> PrivateKeys.decrypt(mlKem, someToken, DecryptionAlgorithm.ML_KEM_768, new byte[1088]));
        assertThrows(IllegalArgumentException.class, () -> PrivateKeys.keyPairGenerator(KeyPairSpec.SM2, someToken, null));

        for (KeyPairSpec spec : KeyPairSpec.values()) {
            byte[] encoding = TestKeys.pair(spec).getPrivate().getEncoded();
            for (KeyPairSpec other : KeyPairSpec.values()) {
                if (other != spec) {
                    InvalidKeySpecException e = assertThrows(InvalidKeySpecException.class, () -> PrivateKeys.fromPkcs8(other, encoding), spec + " as " + other);
                    assertEquals("not a PKCS#8 private key of " + other, e.getMessage());
                }
            }
            assertThrows(InvalidKeySpecException.class, () -> PrivateKeys.fromPkcs8(spec, Arrays.copyOf(encoding, encoding.length - 1)));
            for (SignatureAlgorithm algorithm : SignatureAlgorithm.values()) {
                if (!algorithm.fits(spec)) {
                    assertThrows(IllegalArgumentException.class, () -> PublicKeys.verify(algorithm, TestKeys.publicKey(spec),
                            new byte[Math.max(algorithm.digestLength(), 1)], new byte[64]), algorithm + " with " + spec);
                    assertThrows(IllegalArgumentException.class, () -> PublicKeys.digest(algorithm, TestKeys.publicKey(spec), MESSAGE));
                }
            }
        }
    }

    @Test
    void publicKeysAreRecognisedStrictly() throws Exception {
        for (KeyPairSpec spec : KeyPairSpec.values()) {
            byte[] publicKey = TestKeys.publicKey(spec);
            assertEquals(Optional.of(spec), PublicKeys.specOf(publicKey), spec.name());
            assertTrue(PublicKeys.matches(spec, publicKey));
            for (KeyPairSpec other : KeyPairSpec.values()) {
                assertEquals(other == spec, PublicKeys.matches(other, publicKey), spec + " as " + other);
            }
            byte[] trailing = Arrays.copyOf(publicKey, publicKey.length + 1);
            assertEquals(Optional.empty(), PublicKeys.specOf(trailing), spec + " with a trailing byte");
            assertEquals(Optional.empty(), PublicKeys.specOf(Arrays.copyOf(publicKey, publicKey.length - 1)), spec + " truncated");
        }
        assertEquals(1974, TestKeys.publicKey(KeyPairSpec.ML_DSA_65).length, "ML-DSA-65 SubjectPublicKeyInfo (1952-byte key)");
        assertEquals(1206, TestKeys.publicKey(KeyPairSpec.ML_KEM_768).length, "ML-KEM-768 SubjectPublicKeyInfo (1184-byte key)");
        assertEquals(91, TestKeys.publicKey(KeyPairSpec.SM2).length);

        byte[] offCurve = TestKeys.publicKey(KeyPairSpec.EC_P256);
        offCurve[offCurve.length - 1] ^= 1;
        assertEquals(Optional.empty(), PublicKeys.specOf(offCurve), "a point off the curve");
        byte[] sm2OffCurve = TestKeys.publicKey(KeyPairSpec.SM2);
        sm2OffCurve[sm2OffCurve.length - 1] ^= 1;
        assertEquals(Optional.empty(), PublicKeys.specOf(sm2OffCurve), "an SM2 point off the curve");
        assertThrows(IllegalArgumentException.class, () -> PublicKeys.verify(SignatureAlgorithm.SM2DSA_SM3, sm2OffCurve, new byte[32], new byte[70]));

        KeyPairGenerator rsa1024 = KeyPairGenerator.getInstance("RSA");
        rsa1024.initialize(1024);
        assertEquals(Optional.empty(), PublicKeys.specOf(rsa1024.generateKeyPair().getPublic().getEncoded()));
        KeyPairGenerator p521 = KeyPairGenerator.getInstance("EC");
        p521.initialize(new ECGenParameterSpec("secp521r1"));
        assertEquals(Optional.empty(), PublicKeys.specOf(p521.generateKeyPair().getPublic().getEncoded()));
        KeyPairGenerator mlKem512 = KeyPairGenerator.getInstance("ML-KEM", BC);
        mlKem512.initialize(org.bouncycastle.jcajce.spec.MLKEMParameterSpec.ml_kem_512);
        assertEquals(Optional.empty(), PublicKeys.specOf(mlKem512.generateKeyPair().getPublic().getEncoded()));
        assertEquals(Optional.empty(), PublicKeys.specOf(new byte[0]));
        assertEquals(Optional.empty(), PublicKeys.specOf("not a key".getBytes(StandardCharsets.US_ASCII)));
        assertThrows(IllegalArgumentException.class, () -> PublicKeys.verify(SignatureAlgorithm.RSA_PKCS1_SHA_256, new byte[10], new byte[32], new byte[256]));
    }

    @Test
    void generatedPrivateKeysEncodeCompactlyAndRoundTrip() throws Exception {
        assertEquals(54, TestKeys.pair(KeyPairSpec.ML_DSA_65).getPrivate().getEncoded().length, "ML-DSA-65 PKCS#8 seed form");
        assertEquals(86, TestKeys.pair(KeyPairSpec.ML_KEM_768).getPrivate().getEncoded().length, "ML-KEM-768 PKCS#8 seed form");
        for (KeyPairSpec spec : KeyPairSpec.values()) {
            byte[] encoding = TestKeys.pair(spec).getPrivate().getEncoded();
            assertArrayEquals(encoding, PrivateKeys.fromPkcs8(spec, encoding).getEncoded(), spec + " round trip");
        }
        assertNotEquals(HexFormat.of().formatHex(PrivateKeys.generate(KeyPairSpec.EC_P256, TestKeys.RANDOM).getPublic().getEncoded()),
                HexFormat.of().formatHex(TestKeys.publicKey(KeyPairSpec.EC_P256)));
    }

    @Test
    void pemIsWhatOpenSslWritesAndReadsBack() {
        for (KeyPairSpec spec : KeyPairSpec.values()) {
            byte[] publicKey = TestKeys.publicKey(spec);
            String pem = PublicKeys.pem(publicKey);
            assertTrue(pem.startsWith("-----BEGIN PUBLIC KEY-----\n"));
            assertTrue(pem.endsWith("\n-----END PUBLIC KEY-----\n"));
            String[] lines = pem.split("\n");
            for (int i = 1; i < lines.length - 2; i++) {
                assertEquals(64, lines[i].length(), spec + " line " + i);
            }
            assertTrue(lines[lines.length - 2].length() <= 64 && !lines[lines.length - 2].isEmpty());
            assertArrayEquals(publicKey, PublicKeys.fromPem(pem));
            assertArrayEquals(publicKey, PublicKeys.fromPem("\r\n" + pem.replace("\n", "\r\n") + "  "));
        }
        String rsaPem = PublicKeys.pem(TestKeys.publicKey(KeyPairSpec.RSA_2048));
        assertThrows(IllegalArgumentException.class, () -> PublicKeys.fromPem(rsaPem.replace("PUBLIC KEY", "RSA PUBLIC KEY")));
        assertThrows(IllegalArgumentException.class, () -> PublicKeys.fromPem(rsaPem.replace("MII", "MI*")));
        assertThrows(IllegalArgumentException.class, () -> PublicKeys.fromPem("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n"));
        assertThrows(IllegalArgumentException.class, () -> PublicKeys.fromPem(null));
    }
}
