package org.selfkms.token.spi;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * EME-OAEP decoding (RFC 8017, 7.1.2, empty label, MGF1 with the same hash) of the output of a raw RSA
 * decryption. Exists because SunPKCS11 offers no OAEP cipher (JDK 17): the token does the private-key
 * operation ({@code RSA/ECB/NoPadding}, CKM_RSA_X_509) and the JVM strips the padding, a common HSM
 * technique. The encoded message then lives in JVM memory - as the material itself will once decrypted.
 *
 * <p>Every check runs whatever the outcome of the others, and every failure is the same exception, so
 * neither timing nor message tells an attacker which check failed (Manger's attack).
 */
public final class OaepDecoding {

    private OaepDecoding() {
    }

    /** Thrown for every malformed encoding alike. */
    public static final class InvalidEncodingException extends GeneralSecurityException {
        private static final long serialVersionUID = 1L;

        InvalidEncodingException() {
            super("not a valid OAEP encoding");
        }
    }

    /**
     * @param raw         the RSA decryption primitive's output (leading zero bytes may have been dropped)
     * @param modulusBytes k, the modulus length in bytes
     * @param hash        "SHA-1" or "SHA-256"
     * @return the message; the caller zeroises it
     */
    public static byte[] decode(byte[] raw, int modulusBytes, String hash) throws GeneralSecurityException {
        MessageDigest digest = digest(hash);
        int hLen = digest.getDigestLength();
        if (raw.length > modulusBytes || modulusBytes < 2 * hLen + 2) {
            throw new InvalidEncodingException();
        }
        byte[] em = new byte[modulusBytes];
        System.arraycopy(raw, 0, em, modulusBytes - raw.length, raw.length);
        try {
            byte[] seed = Arrays.copyOfRange(em, 1, 1 + hLen);
            byte[] db = Arrays.copyOfRange(em, 1 + hLen, modulusBytes);
            xor(seed, mgf1(digest, db, hLen));
            xor(db, mgf1(digest, seed, db.length));
            Arrays.fill(seed, (byte) 0);

            byte[] labelHash = digest.digest(new byte[0]);
            int invalid = em[0] & 0xff;
            invalid |= MessageDigest.isEqual(labelHash, Arrays.copyOf(db, hLen)) ? 0 : 1;
            int found = 0;
            int separator = 0;
            for (int i = hLen; i < db.length; i++) {
                int b = db[i] & 0xff;
                int isOne = ((b ^ 1) - 1) >>> 31;
                int isZero = (b - 1) >>> 31;
                int firstOne = isOne & (found ^ 1);
                separator |= -firstOne & i;
                invalid |= (found ^ 1) & (isZero ^ 1) & (isOne ^ 1);
                found |= isOne;
            }
            invalid |= found ^ 1;
            try {
                if (invalid != 0) {
                    throw new InvalidEncodingException();
                }
                return Arrays.copyOfRange(db, separator + 1, db.length);
            } finally {
                Arrays.fill(db, (byte) 0);
            }
        } finally {
            Arrays.fill(em, (byte) 0);
        }
    }

    private static MessageDigest digest(String hash) throws NoSuchAlgorithmException {
        if (!hash.equals("SHA-1") && !hash.equals("SHA-256")) {
            throw new NoSuchAlgorithmException("OAEP hash must be SHA-1 or SHA-256");
        }
        return MessageDigest.getInstance(hash);
    }

    private static byte[] mgf1(MessageDigest digest, byte[] seed, int length) {
        byte[] mask = new byte[length];
        int hLen = digest.getDigestLength();
        for (int counter = 0, offset = 0; offset < length; counter++, offset += hLen) {
            digest.update(seed);
            digest.update(new byte[]{(byte) (counter >>> 24), (byte) (counter >>> 16), (byte) (counter >>> 8), (byte) counter});
            byte[] block = digest.digest();
            System.arraycopy(block, 0, mask, offset, Math.min(hLen, length - offset));
        }
        return mask;
    }

    private static void xor(byte[] target, byte[] mask) {
        for (int i = 0; i < target.length; i++) {
            target[i] ^= mask[i];
        }
    }
}
