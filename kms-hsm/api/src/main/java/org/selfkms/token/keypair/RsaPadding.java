package org.selfkms.token.keypair;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * The RSA encodings of RFC 8017 that are computed in the JVM around a bare RSA operation, so that a token only
 * has to offer what every PKCS#11 token has - raw RSA (CKM_RSA_X_509) and PKCS#1 v1.5 (CKM_RSA_PKCS) - and the
 * JVM and the token run the same code:
 * <ul>
 *   <li>the DigestInfo that {@code NONEwithRSA} signs for RSASSA-PKCS1-v1_5 (9.2), and the whole EMSA-PKCS1-v1_5
 *       encoding that verification compares with;</li>
 *   <li>EMSA-PSS encoding and verification (9.1) with SHA-256, MGF1-SHA-256 and a 32-byte salt;</li>
 *   <li>EME-OAEP decoding (7.1.2, empty label, MGF1 with the same hash) of a raw RSA decryption, because
 *       SunPKCS11 offers no OAEP cipher (JDK 17): the token does the private-key operation and the JVM strips
 *       the padding, a common HSM technique. The encoded message then lives in JVM memory - as the plaintext
 *       will once decrypted.</li>
 * </ul>
 */
final class RsaPadding {

    /** DER of DigestInfo{sha256, NULL} up to the digest's OCTET STRING header (RFC 8017 9.2 note 1). */
    private static final byte[] SHA256_DIGEST_INFO = {0x30, 0x31, 0x30, 0x0d, 0x06, 0x09, 0x60, (byte) 0x86, 0x48, 0x01,
            0x65, 0x03, 0x04, 0x02, 0x01, 0x05, 0x00, 0x04, 0x20};
    static final int PSS_SALT_LENGTH = 32;
    private static final int SHA256_LENGTH = 32;

    private RsaPadding() {
    }

    /** Thrown for every malformed OAEP encoding alike. */
    static final class InvalidEncodingException extends GeneralSecurityException {
        private static final long serialVersionUID = 1L;

        InvalidEncodingException() {
            super("not a valid OAEP encoding");
        }
    }

    /** DigestInfo(SHA-256, digest): what {@code NONEwithRSA} pads and signs. */
    static byte[] digestInfoSha256(byte[] digest) {
        byte[] info = Arrays.copyOf(SHA256_DIGEST_INFO, SHA256_DIGEST_INFO.length + digest.length);
        System.arraycopy(digest, 0, info, SHA256_DIGEST_INFO.length, digest.length);
        return info;
    }

    /** EMSA-PKCS1-v1_5 (9.2) of a SHA-256 digest for a modulus of {@code k} bytes: 00 01 FF..FF 00 DigestInfo. */
    static byte[] emsaPkcs1V15Sha256(byte[] digest, int k) {
        byte[] info = digestInfoSha256(digest);
        byte[] em = new byte[k];
        em[1] = 1;
        Arrays.fill(em, 2, k - info.length - 1, (byte) 0xff);
        System.arraycopy(info, 0, em, k - info.length, info.length);
        return em;
    }

    /**
     * EMSA-PSS-ENCODE (9.1.1) of a SHA-256 digest with MGF1-SHA-256 and trailer 0xbc.
     *
     * @param emBits the modulus length in bits less one
     * @return EM, ceil(emBits / 8) bytes
     */
    static byte[] pssEncode(byte[] mHash, int emBits, byte[] salt) {
        MessageDigest sha256 = sha256();
        int hLen = SHA256_LENGTH;
        int emLen = (emBits + 7) / 8;
        if (mHash.length != hLen || emLen < hLen + salt.length + 2) {
            throw new IllegalArgumentException("PSS encoding does not fit");
        }
        byte[] h = pssHash(sha256, mHash, salt);
        byte[] db = new byte[emLen - hLen - 1];
        db[db.length - salt.length - 1] = 1;
        System.arraycopy(salt, 0, db, db.length - salt.length, salt.length);
        xor(db, mgf1(sha256, h, db.length));
        db[0] &= (byte) (0xff >>> (8 * emLen - emBits));
        byte[] em = Arrays.copyOf(db, emLen);
        System.arraycopy(h, 0, em, db.length, hLen);
        em[emLen - 1] = (byte) 0xbc;
        return em;
    }

    /**
     * EMSA-PSS-VERIFY (9.1.2) with SHA-256, MGF1-SHA-256 and a 32-byte salt.
     *
     * @param m       the output of the RSA verification primitive, as many bytes as the modulus
     * @param modBits the modulus length in bits
     */
    static boolean pssVerify(byte[] mHash, byte[] m, int modBits) {
        MessageDigest sha256 = sha256();
        int hLen = SHA256_LENGTH;
        int sLen = PSS_SALT_LENGTH;
        int emBits = modBits - 1;
        int emLen = (emBits + 7) / 8;
        if (mHash.length != hLen || emLen < hLen + sLen + 2 || m.length < emLen) {
            return false;
        }
        for (int i = 0; i < m.length - emLen; i++) {
            if (m[i] != 0) {
                return false;
            }
        }
        byte[] em = Arrays.copyOfRange(m, m.length - emLen, m.length);
        int zeroBits = 8 * emLen - emBits;
        if (em[emLen - 1] != (byte) 0xbc || (em[0] & 0xff & ~(0xff >>> zeroBits)) != 0) {
            return false;
        }
        byte[] db = Arrays.copyOf(em, emLen - hLen - 1);
        byte[] h = Arrays.copyOfRange(em, db.length, emLen - 1);
        xor(db, mgf1(sha256, h, db.length));
        db[0] &= (byte) (0xff >>> zeroBits);
        int separator = db.length - sLen - 1;
        for (int i = 0; i < separator; i++) {
            if (db[i] != 0) {
                return false;
            }
        }
        if (db[separator] != 1) {
            return false;
        }
        byte[] salt = Arrays.copyOfRange(db, separator + 1, db.length);
        return MessageDigest.isEqual(h, pssHash(sha256, mHash, salt));
    }

    /** H = Hash(0x00 * 8 || mHash || salt). */
    private static byte[] pssHash(MessageDigest sha256, byte[] mHash, byte[] salt) {
        sha256.update(new byte[8]);
        sha256.update(mHash);
        sha256.update(salt);
        return sha256.digest();
    }

    /**
     * EME-OAEP decoding. Every check runs whatever the outcome of the others, and every failure is the same
     * exception, so neither timing nor message tells an attacker which check failed (Manger's attack).
     *
     * @param raw          the RSA decryption primitive's output (leading zero bytes may have been dropped)
     * @param modulusBytes k, the modulus length in bytes
     * @param hash         "SHA-1" or "SHA-256"
     * @return the message; the caller zeroises it
     */
    static byte[] oaepDecode(byte[] raw, int modulusBytes, String hash) throws GeneralSecurityException {
        MessageDigest digest = oaepDigest(hash);
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

    private static MessageDigest oaepDigest(String hash) throws NoSuchAlgorithmException {
        if (!hash.equals("SHA-1") && !hash.equals("SHA-256")) {
            throw new NoSuchAlgorithmException("OAEP hash must be SHA-1 or SHA-256");
        }
        return MessageDigest.getInstance(hash);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** MGF1 (RFC 8017 B.2.1) with the given hash. */
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
