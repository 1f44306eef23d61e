package org.selfkms.crypto;

import org.selfkms.token.PerThreadSecureRandom;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * The ciphertext of PostQuantumCryptoEncrypt (Tencent's Kyber_AES): an ML-KEM-768 encapsulation to the CMK's
 * public key and the plaintext under AES-256-GCM with a key derived from the shared secret.
 *
 * <pre>
 * offset size  field
 *  0      1    format version (1)
 *  1      1    algorithm: 3 = ML-KEM-768 + HKDF-SHA256 + AES-256-GCM
 *  2     16    CMK id (UUID, big-endian)
 * 18      4    CMK version (big-endian)
 * 22      2    encapsulation length e (big-endian; 1088 for ML-KEM-768)
 * 24      e    encapsulation
 * 24+e   12    GCM nonce
 * 36+e    n    ciphertext || 16-byte tag
 * </pre>
 *
 * Everything before the sealed bytes is authenticated. The algorithm byte differs from every
 * {@link CiphertextBlob} algorithm, so neither format's parser accepts the other's blobs.
 */
public record PostQuantumBlob(UUID keyId, int keyVersion, byte[] encapsulation, byte[] nonce, byte[] sealed) {

    public static final byte ALG_ML_KEM_768_AES256_GCM = 3;
    private static final byte FORMAT_V1 = 1;
    private static final int MAX_ENCAPSULATION = 4096;
    private static final byte[] HKDF_INFO = "selfkms post-quantum blob v1".getBytes(StandardCharsets.US_ASCII);
    private static final SecureRandom RANDOM = PerThreadSecureRandom.INSTANCE;

    public PostQuantumBlob {
        if (keyVersion < 1 || encapsulation.length == 0 || encapsulation.length > MAX_ENCAPSULATION
                || nonce.length != CiphertextBlob.NONCE_LENGTH || sealed.length < CiphertextBlob.TAG_LENGTH) {
            throw new IllegalArgumentException("malformed post-quantum blob");
        }
        encapsulation = encapsulation.clone();
        nonce = nonce.clone();
        sealed = sealed.clone();
    }

    /** Seals {@code plaintext} under the shared secret of {@code encapsulation}; the caller destroys the secret. */
    public static PostQuantumBlob seal(UUID keyId, int keyVersion, byte[] encapsulation, byte[] sharedSecret, byte[] plaintext) {
        byte[] nonce = new byte[CiphertextBlob.NONCE_LENGTH];
        RANDOM.nextBytes(nonce);
        byte[] header = header(keyId, keyVersion, encapsulation, nonce);
        byte[] key = BlobCipher.hkdf(sharedSecret, encapsulation, HKDF_INFO);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
            cipher.updateAAD(header);
            return new PostQuantumBlob(keyId, keyVersion, encapsulation, nonce, cipher.doFinal(plaintext));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    /** Empty when the blob was altered or the shared secret is not this blob's. */
    public Optional<byte[]> open(byte[] sharedSecret) {
        byte[] key = BlobCipher.hkdf(sharedSecret, encapsulation, HKDF_INFO);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
            cipher.updateAAD(header(keyId, keyVersion, encapsulation, nonce));
            return Optional.of(cipher.doFinal(sealed));
        } catch (AEADBadTagException e) {
            return Optional.empty();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    @Override
    public byte[] encapsulation() {
        return encapsulation.clone();
    }

    public String encode() {
        byte[] header = header(keyId, keyVersion, encapsulation, nonce);
        byte[] all = Arrays.copyOf(header, header.length + sealed.length);
        System.arraycopy(sealed, 0, all, header.length, sealed.length);
        return Base64.getEncoder().encodeToString(all);
    }

    /** Empty for anything this server could not have written. */
    public static Optional<PostQuantumBlob> decode(String base64) {
        if (base64 == null || base64.isEmpty() || base64.length() > 64 * 1024) {
            return Optional.empty();
        }
        try {
            ByteBuffer in = ByteBuffer.wrap(Base64.getDecoder().decode(base64));
            if (in.get() != FORMAT_V1 || in.get() != ALG_ML_KEM_768_AES256_GCM) {
                return Optional.empty();
            }
            UUID keyId = new UUID(in.getLong(), in.getLong());
            int version = in.getInt();
            byte[] encapsulation = new byte[Short.toUnsignedInt(in.getShort())];
            in.get(encapsulation);
            byte[] nonce = new byte[CiphertextBlob.NONCE_LENGTH];
            in.get(nonce);
            byte[] sealed = new byte[in.remaining()];
            in.get(sealed);
            return Optional.of(new PostQuantumBlob(keyId, version, encapsulation, nonce, sealed));
        } catch (IllegalArgumentException | java.nio.BufferUnderflowException e) {
            return Optional.empty();
        }
    }

    private static byte[] header(UUID keyId, int keyVersion, byte[] encapsulation, byte[] nonce) {
        return ByteBuffer.allocate(24 + encapsulation.length + nonce.length)
                .put(FORMAT_V1).put(ALG_ML_KEM_768_AES256_GCM)
                .putLong(keyId.getMostSignificantBits()).putLong(keyId.getLeastSignificantBits())
                .putInt(keyVersion).putShort((short) encapsulation.length).put(encapsulation).put(nonce)
                .array();
    }
}
