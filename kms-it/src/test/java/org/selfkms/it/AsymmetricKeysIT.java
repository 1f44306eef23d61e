package org.selfkms.it;

import com.tencentcloudapi.common.exception.TencentCloudSDKException;
import com.tencentcloudapi.kms.v20190118.models.AlgorithmInfo;
import com.tencentcloudapi.kms.v20190118.models.AsymmetricRsaDecryptRequest;
import com.tencentcloudapi.kms.v20190118.models.AsymmetricSm2DecryptRequest;
import com.tencentcloudapi.kms.v20190118.models.CreateKeyRequest;
import com.tencentcloudapi.kms.v20190118.models.EnableKeyRotationRequest;
import com.tencentcloudapi.kms.v20190118.models.GetPublicKeyRequest;
import com.tencentcloudapi.kms.v20190118.models.GetPublicKeyResponse;
import com.tencentcloudapi.kms.v20190118.models.ListAlgorithmsRequest;
import com.tencentcloudapi.kms.v20190118.models.ListAlgorithmsResponse;
import com.tencentcloudapi.kms.v20190118.models.SignByAsymmetricKeyRequest;
import com.tencentcloudapi.kms.v20190118.models.VerifyByAsymmetricKeyRequest;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.engines.SM2Engine;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithID;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.SM2Signer;
import org.bouncycastle.crypto.util.PublicKeyFactory;
import org.bouncycastle.jcajce.provider.asymmetric.util.ECUtil;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.math.ec.ECFieldElement;
import org.bouncycastle.math.ec.ECPoint;
import org.junit.jupiter.api.Test;

import javax.crypto.Cipher;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Asymmetric CMKs through the Tencent SDK, checked against implementations that are not the server's: the
 * JDK's own Signature and Cipher for RSA and ECDSA, Bouncy Castle's SM2 for SM2, and the openssl command line.
 * On a server whose default protection level is HSM (CI's SoftHSM2 run) the token holds the RSA and EC keys,
 * and the SM2 usages are refused, as ListAlgorithms says.
 */
class AsymmetricKeysIT extends SdkKeyTest {

    private static final boolean HSM_DEFAULT = "HSM".equals(System.getenv("KMS_DEFAULT_PROTECTION_LEVEL"));
    private static final Set<String> TOKEN_USAGES = Set.of("ASYMMETRIC_DECRYPT_RSA_2048", "ASYMMETRIC_SIGN_VERIFY_RSA_2048",
            "ASYMMETRIC_SIGN_VERIFY_RSA_3072", "ASYMMETRIC_SIGN_VERIFY_ECC", "ASYMMETRIC_SIGN_VERIFY_ECDSA384");
    private static final Set<String> SOFTWARE_ONLY_USAGES = Set.of("ASYMMETRIC_DECRYPT_SM2", "ASYMMETRIC_SIGN_VERIFY_SM2",
            "ASYMMETRIC_Encrypt_Decrypt_Kyber_AES", "ASYMMETRIC_SIGN_VERIFY_DILITHIUM");
    private static final byte[] MESSAGE = "pay 100 to alice".getBytes(StandardCharsets.UTF_8);

    @Test
    void listAlgorithmsOffersWhatCreateKeyMakes() throws Exception {
        ListAlgorithmsResponse algorithms = kms.ListAlgorithms(new ListAlgorithmsRequest());
        assertEquals(List.of("AES_256/ENCRYPT_DECRYPT"), names(algorithms.getSymmetricAlgorithms()));
        Set<String> usages = Arrays.stream(concat(algorithms.getAsymmetricAlgorithms(), algorithms.getAsymmetricSignVerifyAlgorithms()))
                .map(AlgorithmInfo::getKeyUsage).collect(Collectors.toSet());
        if (HSM_DEFAULT) {
            assertEquals(TOKEN_USAGES, usages);
            for (String usage : SOFTWARE_ONLY_USAGES) {
                assertCode("UnsupportedOperation.UnsupportedKeyUsageInCurrentRegion", () -> createKeyPair(usage));
            }
        } else {
            assertEquals(union(TOKEN_USAGES, SOFTWARE_ONLY_USAGES), usages);
            assertTrue(names(algorithms.getAsymmetricSignVerifyAlgorithms()).containsAll(List.of("SM2/ASYMMETRIC_SIGN_VERIFY_SM2",
                    "ECC/ASYMMETRIC_SIGN_VERIFY_ECC", "ECDSA384_SHA384/ASYMMETRIC_SIGN_VERIFY_ECDSA384", "Dilithium/ASYMMETRIC_SIGN_VERIFY_DILITHIUM")));
        }
        for (String usage : usages) {
            assertEquals(usage, describe(createKeyPair(usage)).getKeyUsage());
        }
    }

    @Test
    void publicKeysParseWithTheJdkInBothForms() throws Exception {
        String keyId = createKeyPair("ASYMMETRIC_SIGN_VERIFY_ECC");
        GetPublicKeyResponse response = publicKey(keyId);
        assertEquals(keyId, response.getKeyId());
        PublicKey key = KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(response.getPublicKey())));
        assertEquals("EC", key.getAlgorithm());
        String pem = response.getPublicKeyPem();
        assertTrue(pem.startsWith("-----BEGIN PUBLIC KEY-----\n") && pem.endsWith("-----END PUBLIC KEY-----\n"), pem);
        String body = pem.replaceAll("-----[A-Z ]+-----", "").replace("\n", "");
        assertEquals(response.getPublicKey(), body);
    }

    @Test
    void rsaAndEcdsaSignaturesVerifyWithTheJdk() throws Exception {
        record Case(String usage, String algorithm, String jdkAlgorithm, String digest) { }
        List<Case> cases = List.of(
                new Case("ASYMMETRIC_SIGN_VERIFY_RSA_2048", "RSA_PKCS1_SHA_256", "SHA256withRSA", "SHA-256"),
                new Case("ASYMMETRIC_SIGN_VERIFY_RSA_2048", "RSA_PSS_SHA_256", "RSASSA-PSS", "SHA-256"),
                new Case("ASYMMETRIC_SIGN_VERIFY_RSA_3072", "RSA_PKCS1_SHA_256", "SHA256withRSA", "SHA-256"),
                new Case("ASYMMETRIC_SIGN_VERIFY_RSA_3072", "RSA_PSS_SHA_256", "RSASSA-PSS", "SHA-256"),
                new Case("ASYMMETRIC_SIGN_VERIFY_ECC", "ECC_P256_R1", "SHA256withECDSA", "SHA-256"),
                new Case("ASYMMETRIC_SIGN_VERIFY_ECDSA384", "ECDSA384_SHA384", "SHA384withECDSA", "SHA-384"));
        for (Case c : cases) {
            String keyId = createKeyPair(c.usage());
            PublicKey publicKey = jdkPublicKey(keyId, c.usage().contains("RSA") ? "RSA" : "EC");
            byte[] digest = MessageDigest.getInstance(c.digest()).digest(MESSAGE);
            for (byte[] signature : List.of(sign(keyId, c.algorithm(), "RAW", MESSAGE), sign(keyId, c.algorithm(), "DIGEST", digest))) {
                Signature jdk = Signature.getInstance(c.jdkAlgorithm());
                if (c.jdkAlgorithm().equals("RSASSA-PSS")) {
                    jdk.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
                }
                jdk.initVerify(publicKey);
                jdk.update(MESSAGE);
                assertTrue(jdk.verify(signature), c + ": the JDK rejects the signature");
                assertTrue(verify(keyId, c.algorithm(), "RAW", MESSAGE, signature), c.toString());
                assertTrue(verify(keyId, c.algorithm(), "DIGEST", digest, signature), c.toString());
                assertFalse(verify(keyId, c.algorithm(), "RAW", "pay 900 to alice".getBytes(StandardCharsets.UTF_8), signature), c.toString());
            }
        }
    }

    /** The openssl command line is an independent verifier of the wire formats (DER ECDSA, PSS with salt 32). */
    @Test
    void signaturesVerifyWithOpenssl() throws Exception {
        Path dir = Files.createTempDirectory("kms-openssl");
        Files.write(dir.resolve("message"), MESSAGE);
        record Case(String usage, String algorithm, List<String> options) { }
        for (Case c : List.of(
                new Case("ASYMMETRIC_SIGN_VERIFY_ECC", "ECC_P256_R1", List.of("-sha256")),
                new Case("ASYMMETRIC_SIGN_VERIFY_ECDSA384", "ECDSA384_SHA384", List.of("-sha384")),
                new Case("ASYMMETRIC_SIGN_VERIFY_RSA_2048", "RSA_PKCS1_SHA_256", List.of("-sha256")),
                new Case("ASYMMETRIC_SIGN_VERIFY_RSA_2048", "RSA_PSS_SHA_256", List.of("-sha256",
                        "-sigopt", "rsa_padding_mode:pss", "-sigopt", "rsa_pss_saltlen:32", "-sigopt", "rsa_mgf1_md:sha256")))) {
            String keyId = createKeyPair(c.usage());
            Files.writeString(dir.resolve("public.pem"), publicKey(keyId).getPublicKeyPem());
            Files.write(dir.resolve("signature"), sign(keyId, c.algorithm(), "RAW", MESSAGE));
            List<String> command = new java.util.ArrayList<>(List.of("openssl", "dgst"));
            command.addAll(c.options());
            command.addAll(List.of("-verify", "public.pem", "-signature", "signature", "message"));
            Process openssl = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
            String output = new String(openssl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(openssl.waitFor(30, TimeUnit.SECONDS));
            assertEquals(0, openssl.exitValue(), c + ": " + output);
            assertTrue(output.contains("Verified OK"), c + ": " + output);
        }
    }

    @Test
    void rsaDecryptOpensWhatTheJdkEncrypted() throws Exception {
        String keyId = createKeyPair("ASYMMETRIC_DECRYPT_RSA_2048");
        PublicKey publicKey = jdkPublicKey(keyId, "RSA");
        byte[] secret = "a 32-byte secret of the customer".getBytes(StandardCharsets.US_ASCII);
        Cipher pkcs1 = Cipher.getInstance("RSA/ECB/PKCS1Padding");
        pkcs1.init(Cipher.ENCRYPT_MODE, publicKey);
        Cipher oaep1 = Cipher.getInstance("RSA/ECB/OAEPWithSHA-1AndMGF1Padding");
        oaep1.init(Cipher.ENCRYPT_MODE, publicKey);
        Cipher oaep256 = Cipher.getInstance("RSA/ECB/OAEPPadding");
        oaep256.init(Cipher.ENCRYPT_MODE, publicKey, new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, PSource.PSpecified.DEFAULT));
        byte[] underOaep256 = oaep256.doFinal(secret);
        assertArrayEquals(secret, rsaDecrypt(keyId, "RSAES_PKCS1_V1_5", pkcs1.doFinal(secret)));
        assertArrayEquals(secret, rsaDecrypt(keyId, "RSAES_OAEP_SHA_1", oaep1.doFinal(secret)));
        assertArrayEquals(secret, rsaDecrypt(keyId, "RSAES_OAEP_SHA_256", underOaep256));
        // the wrong algorithm, a flipped bit and junk all fail alike
        assertCode("FailedOperation.DecryptError", () -> rsaDecrypt(keyId, "RSAES_OAEP_SHA_1", underOaep256));
        byte[] flipped = underOaep256.clone();
        flipped[100] ^= 1;
        assertCode("FailedOperation.DecryptError", () -> rsaDecrypt(keyId, "RSAES_OAEP_SHA_256", flipped));
        assertCode("FailedOperation.DecryptError", () -> rsaDecrypt(keyId, "RSAES_OAEP_SHA_256", new byte[]{1, 2, 3}));
        assertCode("InvalidParameterValue", () -> rsaDecrypt(keyId, "RSAES_RAW", underOaep256));
    }

    @Test
    void sm2SignsAndDecryptsLikeBouncyCastle() throws Exception {
        if (HSM_DEFAULT) {
            assertCode("UnsupportedOperation.UnsupportedKeyUsageInCurrentRegion", () -> createKeyPair("ASYMMETRIC_SIGN_VERIFY_SM2"));
            return;
        }
        String signingKey = createKeyPair("ASYMMETRIC_SIGN_VERIFY_SM2");
        ECPublicKeyParameters publicKey = (ECPublicKeyParameters) PublicKeyFactory.createKey(
                Base64.getDecoder().decode(publicKey(signingKey).getPublicKey()));
        byte[] rawSignature = sign(signingKey, "SM2DSA", "RAW", MESSAGE);
        byte[] digestSignature = sign(signingKey, "SM2DSA", "DIGEST", sm2Digest(publicKey, MESSAGE));
        for (byte[] signature : List.of(rawSignature, digestSignature)) {
            SM2Signer bc = new SM2Signer();
            bc.init(false, new ParametersWithID(publicKey, "1234567812345678".getBytes(StandardCharsets.US_ASCII)));
            bc.update(MESSAGE, 0, MESSAGE.length);
            assertTrue(bc.verifySignature(signature), "Bouncy Castle rejects the SM2 signature");
            assertEquals(0x30, signature[0] & 0xff, "DER SEQUENCE{r, s}");
        }
        assertTrue(verify(signingKey, "SM2DSA", "RAW", MESSAGE, rawSignature));
        assertTrue(verify(signingKey, "SM2DSA", "DIGEST", sm2Digest(publicKey, MESSAGE), rawSignature));
        assertFalse(verify(signingKey, "SM2DSA", "RAW", "pay 900 to alice".getBytes(StandardCharsets.UTF_8), rawSignature));

        String decryptionKey = createKeyPair("ASYMMETRIC_DECRYPT_SM2");
        ECPublicKeyParameters encryptionKey = (ECPublicKeyParameters) PublicKeyFactory.createKey(
                Base64.getDecoder().decode(publicKey(decryptionKey).getPublicKey()));
        SM2Engine engine = new SM2Engine(SM2Engine.Mode.C1C3C2);
        engine.init(true, new ParametersWithRandom(encryptionKey, new SecureRandom()));
        byte[] raw = engine.processBlock(MESSAGE, 0, MESSAGE.length);
        assertArrayEquals(MESSAGE, sm2Decrypt(decryptionKey, asn1(raw)), "the ASN.1 form Tencent documents");
        assertArrayEquals(MESSAGE, sm2Decrypt(decryptionKey, raw), "raw C1C3C2");
        raw[raw.length - 1] ^= 1;
        assertCode("FailedOperation.DecryptError", () -> sm2Decrypt(decryptionKey, asn1(raw)));
    }

    /** Tencent's EncryptionPublicKey: Decrypt and GenerateDataKey hand the plaintext over encrypted to the caller's key. */
    @Test
    void plaintextIsDeliveredEncryptedToTheCallersPublicKey() throws Exception {
        String keyId = createKey(uniqueAlias("deliver"));
        String blob = encrypt(keyId);
        byte[] expected = Base64.getDecoder().decode(PLAINTEXT);

        java.security.KeyPairGenerator rsaGenerator = java.security.KeyPairGenerator.getInstance("RSA");
        rsaGenerator.initialize(2048);
        java.security.KeyPair rsa = rsaGenerator.generateKeyPair();
        Cipher oaep256 = Cipher.getInstance("RSA/ECB/OAEPPadding");
        oaep256.init(Cipher.DECRYPT_MODE, rsa.getPrivate(), new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, PSource.PSpecified.DEFAULT));
        assertArrayEquals(expected, oaep256.doFinal(decryptTo(blob, pem(rsa.getPublic()), "RSAES_OAEP_SHA_256")));

        BouncyCastleProvider bc = new BouncyCastleProvider();
        java.security.KeyPairGenerator sm2Generator = java.security.KeyPairGenerator.getInstance("EC", bc);
        sm2Generator.initialize(new java.security.spec.ECGenParameterSpec("sm2p256v1"));
        java.security.KeyPair sm2 = sm2Generator.generateKeyPair();
        SM2Engine engine = new SM2Engine(SM2Engine.Mode.C1C3C2);
        engine.init(false, ECUtil.generatePrivateKeyParameter(sm2.getPrivate()));
        byte[] raw = decryptTo(blob, pem(sm2.getPublic()), null);
        assertArrayEquals(expected, engine.processBlock(raw, 0, raw.length), "SM2, raw C1C3C2 by default");

        com.tencentcloudapi.kms.v20190118.models.GenerateDataKeyRequest dataKey = new com.tencentcloudapi.kms.v20190118.models.GenerateDataKeyRequest();
        dataKey.setKeyId(keyId);
        dataKey.setKeySpec("AES_256");
        dataKey.setEncryptionPublicKey(pem(sm2.getPublic()));
        dataKey.setEncryptionAlgorithm("SM2_C1C3C2_ASN1");
        com.tencentcloudapi.kms.v20190118.models.GenerateDataKeyResponse generated = kms.GenerateDataKey(dataKey);
        byte[] asn1 = rawFromAsn1(Base64.getDecoder().decode(generated.getPlaintext()));
        assertArrayEquals(Base64.getDecoder().decode(decrypt(generated.getCiphertextBlob())), engine.processBlock(asn1, 0, asn1.length),
                "the data key, encrypted to the caller's SM2 key in the ASN.1 form");

        assertCode("FailedOperation.EncryptionError", () -> decryptTo(blob, "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n", null));
        assertCode("FailedOperation.EncryptionError", () -> decryptTo(blob, pem(rsa.getPublic()), "SM2"));
        assertCode("InvalidParameterValue", () -> decryptTo(blob, pem(rsa.getPublic()), "RSA_RAW"));
    }

    @Test
    void refusalsNameTheProblemAndChangeNothing() throws Exception {
        String ecc = createKeyPair("ASYMMETRIC_SIGN_VERIFY_ECC");
        String rsaDecryption = createKeyPair("ASYMMETRIC_DECRYPT_RSA_2048");
        String symmetric = createKey(uniqueAlias("sym"));
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(MESSAGE);
        byte[] good = sign(ecc, "ECC_P256_R1", "RAW", MESSAGE);
        assertCode("InvalidParameterValue.InvalidKeyUsage", () -> encryptWith(ecc));
        assertCode("InvalidParameterValue.InvalidKeyUsage", () -> sign(symmetric, "ECC_P256_R1", "RAW", MESSAGE));
        assertCode("InvalidParameterValue.InvalidKeyUsage", () -> sign(rsaDecryption, "RSA_PSS_SHA_256", "RAW", MESSAGE));
        assertCode("InvalidParameterValue.InvalidKeyUsage", () -> publicKey(symmetric));
        assertCode("InvalidParameterValue.InvalidKeyUsage", () -> rsaDecrypt(ecc, "RSAES_OAEP_SHA_256", new byte[256]));
        assertCode("InvalidParameterValue.InvalidKeyUsage", () -> {
            EnableKeyRotationRequest request = new EnableKeyRotationRequest();
            request.setKeyId(ecc);
            kms.EnableKeyRotation(request);
        });
        assertCode("InvalidParameterValue", () -> sign(ecc, "RSA_PSS_SHA_256", "RAW", MESSAGE));
        assertCode("InvalidParameterValue", () -> sign(ecc, "ECC_P256_R1", "RAW", new byte[4097]));
        assertCode("InvalidParameterValue", () -> sign(ecc, "ECC_P256_R1", "DIGEST", Arrays.copyOf(digest, 31)));
        assertCode("InvalidParameterValue", () -> sign(ecc, "ECC_P256_R1", "HEX", MESSAGE));
        assertCode("InvalidParameter", () -> signBase64(ecc, "ECC_P256_R1", "not base64!"));
        assertCode("MissingParameter", () -> sign(ecc, "", "RAW", MESSAGE));
        assertCode("InvalidParameterValue.InvalidKeyId", () -> sign("not-a-key-id!", "ECC_P256_R1", "RAW", MESSAGE));
        assertCode("ResourceUnavailable.CmkNotFound", () -> sign(java.util.UUID.randomUUID().toString(), "ECC_P256_R1", "RAW", MESSAGE));
        disable(ecc);
        assertCode("ResourceUnavailable.CmkStateNotSupport", () -> sign(ecc, "ECC_P256_R1", "RAW", MESSAGE));
        assertCode("ResourceUnavailable.CmkStateNotSupport", () -> publicKey(ecc));
        enable(ecc);
        assertTrue(verify(ecc, "ECC_P256_R1", "RAW", MESSAGE, good), "the refusals changed the key");
        assertEquals("ASYMMETRIC_SIGN_VERIFY_ECC", describe(ecc).getKeyUsage());
    }

    // ---- SDK one-liners ----

    static String createKeyPair(String usage) throws TencentCloudSDKException {
        CreateKeyRequest request = new CreateKeyRequest();
        request.setAlias(uniqueAlias("pair"));
        request.setKeyUsage(usage);
        return kms.CreateKey(request).getKeyId();
    }

    static GetPublicKeyResponse publicKey(String keyId) throws TencentCloudSDKException {
        GetPublicKeyRequest request = new GetPublicKeyRequest();
        request.setKeyId(keyId);
        return kms.GetPublicKey(request);
    }

    static PublicKey jdkPublicKey(String keyId, String algorithm) throws Exception {
        return KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(publicKey(keyId).getPublicKey())));
    }

    static byte[] sign(String keyId, String algorithm, String messageType, byte[] message) throws TencentCloudSDKException {
        return signBase64(keyId, algorithm, messageType, Base64.getEncoder().encodeToString(message));
    }

    static byte[] signBase64(String keyId, String algorithm, String message) throws TencentCloudSDKException {
        return signBase64(keyId, algorithm, "RAW", message);
    }

    static byte[] signBase64(String keyId, String algorithm, String messageType, String message) throws TencentCloudSDKException {
        SignByAsymmetricKeyRequest request = new SignByAsymmetricKeyRequest();
        request.setKeyId(keyId);
        request.setAlgorithm(algorithm);
        request.setMessageType(messageType);
        request.setMessage(message);
        return Base64.getDecoder().decode(kms.SignByAsymmetricKey(request).getSignature());
    }

    static boolean verify(String keyId, String algorithm, String messageType, byte[] message, byte[] signature) throws TencentCloudSDKException {
        VerifyByAsymmetricKeyRequest request = new VerifyByAsymmetricKeyRequest();
        request.setKeyId(keyId);
        request.setAlgorithm(algorithm);
        request.setMessageType(messageType);
        request.setMessage(Base64.getEncoder().encodeToString(message));
        request.setSignatureValue(Base64.getEncoder().encodeToString(signature));
        return kms.VerifyByAsymmetricKey(request).getSignatureValid();
    }

    static byte[] rsaDecrypt(String keyId, String algorithm, byte[] ciphertext) throws TencentCloudSDKException {
        AsymmetricRsaDecryptRequest request = new AsymmetricRsaDecryptRequest();
        request.setKeyId(keyId);
        request.setAlgorithm(algorithm);
        request.setCiphertext(Base64.getEncoder().encodeToString(ciphertext));
        return Base64.getDecoder().decode(kms.AsymmetricRsaDecrypt(request).getPlaintext());
    }

    static byte[] sm2Decrypt(String keyId, byte[] ciphertext) throws TencentCloudSDKException {
        AsymmetricSm2DecryptRequest request = new AsymmetricSm2DecryptRequest();
        request.setKeyId(keyId);
        request.setCiphertext(Base64.getEncoder().encodeToString(ciphertext));
        return Base64.getDecoder().decode(kms.AsymmetricSm2Decrypt(request).getPlaintext());
    }

    static void encryptWith(String keyId) throws TencentCloudSDKException {
        encrypt(keyId);
    }

    static byte[] decryptTo(String blob, String publicKeyPem, String algorithm) throws TencentCloudSDKException {
        com.tencentcloudapi.kms.v20190118.models.DecryptRequest request = new com.tencentcloudapi.kms.v20190118.models.DecryptRequest();
        request.setCiphertextBlob(blob);
        request.setEncryptionPublicKey(publicKeyPem);
        request.setEncryptionAlgorithm(algorithm);
        return Base64.getDecoder().decode(kms.Decrypt(request).getPlaintext());
    }

    static String pem(PublicKey key) {
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(key.getEncoded()) + "\n-----END PUBLIC KEY-----\n";
    }

    /** Raw C1C3C2 from the GM/T 0009 ASN.1 form, with Bouncy Castle's ASN.1 parser. */
    static byte[] rawFromAsn1(byte[] der) {
        org.bouncycastle.asn1.ASN1Sequence sequence = org.bouncycastle.asn1.ASN1Sequence.getInstance(der);
        byte[] x = org.bouncycastle.util.BigIntegers.asUnsignedByteArray(32, ASN1Integer.getInstance(sequence.getObjectAt(0)).getValue());
        byte[] y = org.bouncycastle.util.BigIntegers.asUnsignedByteArray(32, ASN1Integer.getInstance(sequence.getObjectAt(1)).getValue());
        byte[] hash = org.bouncycastle.asn1.ASN1OctetString.getInstance(sequence.getObjectAt(2)).getOctets();
        byte[] ciphertext = org.bouncycastle.asn1.ASN1OctetString.getInstance(sequence.getObjectAt(3)).getOctets();
        return org.bouncycastle.util.Arrays.concatenate(new byte[]{4}, org.bouncycastle.util.Arrays.concatenate(x, y),
                org.bouncycastle.util.Arrays.concatenate(hash, ciphertext));
    }

    // ---- independent SM2 helpers (Bouncy Castle primitives, not the server's code) ----

    /** GB/T 32918.2: e = SM3(Z_A || M), Z_A = SM3(ENTL || ID || a || b || xG || yG || xA || yA). */
    static byte[] sm2Digest(ECPublicKeyParameters key, byte[] message) {
        SM3Digest sm3 = new SM3Digest();
        byte[] id = "1234567812345678".getBytes(StandardCharsets.US_ASCII);
        sm3.update((byte) (id.length * 8 >> 8));
        sm3.update((byte) (id.length * 8));
        sm3.update(id, 0, id.length);
        ECDomainParameters domain = key.getParameters();
        ECPoint q = key.getQ().normalize();
        for (ECFieldElement element : List.of(domain.getCurve().getA(), domain.getCurve().getB(),
                domain.getG().getAffineXCoord(), domain.getG().getAffineYCoord(), q.getAffineXCoord(), q.getAffineYCoord())) {
            byte[] bytes = element.getEncoded();
            sm3.update(bytes, 0, bytes.length);
        }
        byte[] z = new byte[32];
        sm3.doFinal(z, 0);
        sm3.update(z, 0, z.length);
        sm3.update(message, 0, message.length);
        byte[] e = new byte[32];
        sm3.doFinal(e, 0);
        return e;
    }

    /** GM/T 0009: SEQUENCE{x, y, hash, ciphertext} from raw C1 (0x04||x||y) || C3 || C2. */
    static byte[] asn1(byte[] c1c3c2) throws Exception {
        BigInteger x = new BigInteger(1, Arrays.copyOfRange(c1c3c2, 1, 33));
        BigInteger y = new BigInteger(1, Arrays.copyOfRange(c1c3c2, 33, 65));
        return new DERSequence(new ASN1Encodable[]{new ASN1Integer(x), new ASN1Integer(y),
                new DEROctetString(Arrays.copyOfRange(c1c3c2, 65, 97)),
                new DEROctetString(Arrays.copyOfRange(c1c3c2, 97, c1c3c2.length))}).getEncoded();
    }

    private static List<String> names(AlgorithmInfo[] algorithms) {
        return Arrays.stream(algorithms).map(a -> a.getAlgorithm() + "/" + a.getKeyUsage()).toList();
    }

    private static AlgorithmInfo[] concat(AlgorithmInfo[] a, AlgorithmInfo[] b) {
        AlgorithmInfo[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).collect(Collectors.toSet());
    }
}
