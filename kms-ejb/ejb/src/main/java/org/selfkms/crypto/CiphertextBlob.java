package org.selfkms.crypto;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * The self-describing ciphertext that Encrypt and GenerateDataKey return (base64 on the wire).
 *
 * <pre>
 * offset size  field
 *  0      1    format version (1)
 *  1      1    algorithm: 1 = AES-256-GCM under an HKDF-SHA256 per-message key (SOFTWARE level),
 *                         2 = AES-256-GCM under a per-message key derived inside the token (HSM level)
 *  2     16    CMK id (UUID, big-endian)
 * 18      4    CMK version (big-endian)
 * 22     32    HKDF salt
 * 54     12    GCM nonce
 * 66      n    ciphertext || 16-byte tag
 * </pre>
 *
 * The whole header (bytes 0-65) is authenticated together with the encryption context, so changing the
 * key id, version or any other byte makes decryption fail. New layouts get a new format version; parsing
 * keeps accepting every version ever written.
 */
public record CiphertextBlob(byte algorithm, UUID keyId, int keyVersion, byte[] salt, byte[] nonce, byte[] sealed) {

    public static final byte FORMAT_V1 = 1;
    public static final byte ALG_AES256_GCM_HKDF_SHA256 = 1;
    public static final byte ALG_AES256_GCM_TOKEN_DERIVED = 2;
    public static final int SALT_LENGTH = 32;
    public static final int NONCE_LENGTH = 12;
    public static final int TAG_LENGTH = 16;
    static final int HEADER_LENGTH = 2 + 16 + 4 + SALT_LENGTH + NONCE_LENGTH;

    public CiphertextBlob {
        if ((algorithm != ALG_AES256_GCM_HKDF_SHA256 && algorithm != ALG_AES256_GCM_TOKEN_DERIVED)
                || salt.length != SALT_LENGTH || nonce.length != NONCE_LENGTH || sealed.length < TAG_LENGTH || keyVersion < 1) {
            throw new IllegalArgumentException("malformed ciphertext blob");
        }
        salt = salt.clone();
        nonce = nonce.clone();
        sealed = sealed.clone();
    }

    /** The authenticated header: everything before the sealed bytes. */
    public byte[] header() {
        return ByteBuffer.allocate(HEADER_LENGTH)
                .put(FORMAT_V1).put(algorithm)
                .putLong(keyId.getMostSignificantBits()).putLong(keyId.getLeastSignificantBits())
                .putInt(keyVersion).put(salt).put(nonce)
                .array();
    }

    public String encode() {
        byte[] header = header();
        byte[] all = Arrays.copyOf(header, header.length + sealed.length);
        System.arraycopy(sealed, 0, all, header.length, sealed.length);
        return Base64.getEncoder().encodeToString(all);
    }

    /** Empty for anything that is not a blob this server could have written: bad base64, size, version. */
    public static Optional<CiphertextBlob> decode(String base64) {
        if (base64 == null || base64.isEmpty() || base64.length() > 64 * 1024) {
            return Optional.empty();
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (bytes.length < HEADER_LENGTH + TAG_LENGTH || bytes[0] != FORMAT_V1
                || (bytes[1] != ALG_AES256_GCM_HKDF_SHA256 && bytes[1] != ALG_AES256_GCM_TOKEN_DERIVED)) {
            return Optional.empty();
        }
        ByteBuffer in = ByteBuffer.wrap(bytes, 2, bytes.length - 2);
        UUID keyId = new UUID(in.getLong(), in.getLong());
        int version = in.getInt();
        if (version < 1) {
            return Optional.empty();
        }
        byte[] salt = new byte[SALT_LENGTH];
        byte[] nonce = new byte[NONCE_LENGTH];
        in.get(salt).get(nonce);
        byte[] sealed = new byte[in.remaining()];
        in.get(sealed);
        return Optional.of(new CiphertextBlob(bytes[1], keyId, version, salt, nonce, sealed));
    }

    @Override
    public byte[] salt() {
        return salt.clone();
    }

    @Override
    public byte[] nonce() {
        return nonce.clone();
    }

    @Override
    public byte[] sealed() {
        return sealed.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CiphertextBlob b && b.encode().equals(encode());
    }

    @Override
    public int hashCode() {
        return encode().hashCode();
    }

    @Override
    public String toString() {
        return "CiphertextBlob[algorithm=" + algorithm + ", keyId=" + keyId + ", version=" + keyVersion + ", " + sealed.length + " sealed bytes]";
    }
}
