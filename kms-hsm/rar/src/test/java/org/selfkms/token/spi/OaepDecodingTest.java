package org.selfkms.token.spi;

import org.junit.jupiter.api.Test;

import javax.crypto.Cipher;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.MGF1ParameterSpec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The in-JVM OAEP decoding against the JDK's own OAEP encryption, after a raw RSA decryption. */
class OaepDecodingTest {

    private static final KeyPair PAIR = pair();

    private static KeyPair pair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

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
            byte[] message = new byte[length];
            new SecureRandom().nextBytes(message);
            assertArrayEquals(message, OaepDecoding.decode(raw(encrypt("SHA-256", MGF1ParameterSpec.SHA256, message)), 256, "SHA-256"));
            assertArrayEquals(message, OaepDecoding.decode(raw(encrypt("SHA-1", MGF1ParameterSpec.SHA1, message)), 256, "SHA-1"));
        }
    }

    @Test
    void refusesOtherHashesAlteredDataAndOtherPaddings() throws Exception {
        byte[] message = new byte[32];
        byte[] sha256 = raw(encrypt("SHA-256", MGF1ParameterSpec.SHA256, message));
        assertThrows(OaepDecoding.InvalidEncodingException.class, () -> OaepDecoding.decode(sha256, 256, "SHA-1"));
        // SHA-256 label hash with an MGF1-SHA-1 mask (a common client mistake) is another encoding
        byte[] mixed = raw(encrypt("SHA-256", MGF1ParameterSpec.SHA1, message));
        assertThrows(OaepDecoding.InvalidEncodingException.class, () -> OaepDecoding.decode(mixed, 256, "SHA-256"));
        byte[] altered = sha256.clone();
        altered[40] ^= 1;
        assertThrows(OaepDecoding.InvalidEncodingException.class, () -> OaepDecoding.decode(altered, 256, "SHA-256"));
        Cipher pkcs1 = Cipher.getInstance("RSA/ECB/PKCS1Padding");
        pkcs1.init(Cipher.ENCRYPT_MODE, PAIR.getPublic());
        byte[] v15 = raw(pkcs1.doFinal(message));
        assertThrows(OaepDecoding.InvalidEncodingException.class, () -> OaepDecoding.decode(v15, 256, "SHA-256"));
        assertThrows(OaepDecoding.InvalidEncodingException.class, () -> OaepDecoding.decode(new byte[257], 256, "SHA-256"));
        assertThrows(java.security.NoSuchAlgorithmException.class, () -> OaepDecoding.decode(sha256, 256, "MD5"));
    }
}
