package org.selfkms.token.keypair;

import org.junit.jupiter.api.Test;

import javax.crypto.Cipher;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.MGF1ParameterSpec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The in-JVM encodings: OAEP decoding after a raw RSA decryption against the JDK's own OAEP encryption, and
 * the PSS encoding against its own verification (the JDK's verifier is in {@link KeyPairAlgorithmsTest}).
 */
class RsaPaddingTest {

    private static final KeyPair PAIR = TestKeys.pair(KeyPairSpec.RSA_2048);

    private static byte[] encrypt(String hash, MGF1ParameterSpec mgf, byte[] message) throws Exception {
        Cipher cipher = Cipher.getInstance("RSA/ECB/OAEPPadding");
        cipher.init(Cipher.ENCRYPT_MODE, PAIR.getPublic(), new OAEPParameterSpec(hash, "MGF1", mgf, PSource.PSpecified.DEFAULT));
        return cipher.doFinal(message);
    }

    private static byte[] raw(byte[] ciphertext) throws Exception {
        Cipher cipher = Cipher.getInstance("RSA/ECB/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, PAIR.getPrivate());
        return cipher.doFinal(ciphertext);
    }

    @Test
    void decodesWhatTheJdkEncodesWithBothHashes() throws Exception {
        for (int length : new int[]{0, 1, 32, 190}) {
            byte[] message = TestKeys.random(length);
            assertArrayEquals(message, RsaPadding.oaepDecode(raw(encrypt("SHA-256", MGF1ParameterSpec.SHA256, message)), 256, "SHA-256"));
            assertArrayEquals(message, RsaPadding.oaepDecode(raw(encrypt("SHA-1", MGF1ParameterSpec.SHA1, message)), 256, "SHA-1"));
        }
    }

    @Test
    void refusesOtherHashesAlteredDataAndOtherPaddings() throws Exception {
        byte[] message = new byte[32];
        byte[] sha256 = raw(encrypt("SHA-256", MGF1ParameterSpec.SHA256, message));
        assertThrows(RsaPadding.InvalidEncodingException.class, () -> RsaPadding.oaepDecode(sha256, 256, "SHA-1"));
        // SHA-256 label hash with an MGF1-SHA-1 mask (a common client mistake) is another encoding
        byte[] mixed = raw(encrypt("SHA-256", MGF1ParameterSpec.SHA1, message));
        assertThrows(RsaPadding.InvalidEncodingException.class, () -> RsaPadding.oaepDecode(mixed, 256, "SHA-256"));
        byte[] altered = sha256.clone();
        altered[40] ^= 1;
        assertThrows(RsaPadding.InvalidEncodingException.class, () -> RsaPadding.oaepDecode(altered, 256, "SHA-256"));
        Cipher pkcs1 = Cipher.getInstance("RSA/ECB/PKCS1Padding");
        pkcs1.init(Cipher.ENCRYPT_MODE, PAIR.getPublic());
        byte[] v15 = raw(pkcs1.doFinal(message));
        assertThrows(RsaPadding.InvalidEncodingException.class, () -> RsaPadding.oaepDecode(v15, 256, "SHA-256"));
        assertThrows(RsaPadding.InvalidEncodingException.class, () -> RsaPadding.oaepDecode(new byte[257], 256, "SHA-256"));
        assertThrows(java.security.NoSuchAlgorithmException.class, () -> RsaPadding.oaepDecode(sha256, 256, "MD5"));
    }

    @Test
    void pssEncodingVerifiesAndEveryAlterationIsRefused() throws Exception {
        byte[] digest = TestKeys.random(32);
        byte[] em = RsaPadding.pssEncode(digest, 2047, TestKeys.random(32));
        assertTrue(RsaPadding.pssVerify(digest, em, 2048));
        assertFalse(RsaPadding.pssVerify(TestKeys.random(32), em, 2048), "another digest");
        for (int i : new int[]{0, 100, 222, 223, 254, 255}) {
            byte[] altered = em.clone();
            altered[i] ^= 1;
            assertFalse(RsaPadding.pssVerify(digest, altered, 2048), "byte " + i + " altered");
        }
        byte[] topBit = em.clone();
        topBit[0] |= (byte) 0x80;
        assertFalse(RsaPadding.pssVerify(digest, topBit, 2048), "the bit above emBits must be zero");
        assertThrows(IllegalArgumentException.class, () -> RsaPadding.pssEncode(new byte[20], 2047, new byte[32]));

        // the encoding through the bare private-key operation is what the JDK's PSS verifier accepts
        java.security.Signature jdk = java.security.Signature.getInstance("RSASSA-PSS");
        jdk.setParameter(new java.security.spec.PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
        jdk.initVerify(PAIR.getPublic());
        byte[] message = "pss".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] mHash = java.security.MessageDigest.getInstance("SHA-256").digest(message);
        RSAPrivateKey key = (RSAPrivateKey) PAIR.getPrivate();
        BigInteger s = new BigInteger(1, RsaPadding.pssEncode(mHash, 2047, TestKeys.random(32))).modPow(key.getPrivateExponent(), key.getModulus());
        jdk.update(message);
        assertTrue(jdk.verify(org.bouncycastle.util.BigIntegers.asUnsignedByteArray(256, s)));
        assertTrue(((RSAPublicKey) PAIR.getPublic()).getModulus().bitLength() == 2048);
    }

    @Test
    void pkcs1EncodingIsTheRfcLayout() {
        byte[] digest = TestKeys.random(32);
        byte[] em = RsaPadding.emsaPkcs1V15Sha256(digest, 256);
        assertArrayEquals(new byte[]{0, 1, (byte) 0xff}, java.util.Arrays.copyOf(em, 3));
        assertArrayEquals(RsaPadding.digestInfoSha256(digest), java.util.Arrays.copyOfRange(em, 256 - 51, 256));
        assertArrayEquals(new byte[]{(byte) 0xff, 0}, java.util.Arrays.copyOfRange(em, 256 - 53, 256 - 51));
    }
}
