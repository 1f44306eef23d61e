package org.selfkms.token.spi;

import org.selfkms.token.TokenException;
import org.selfkms.token.TokenException.Reason;
import org.selfkms.token.WrappedKey;

import org.selfkms.token.TokenKeyPairs;

import javax.crypto.BadPaddingException;
import javax.crypto.Cipher;
import javax.crypto.IllegalBlockSizeException;
import javax.crypto.SecretKey;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.ProviderException;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * What the software and PKCS#11 backends share: the material operations all run on the current
 * {@link DomainKeys}, and token keys (HSM protection level, imported material, key pairs for BYOK wrapping)
 * are found once and then used by handle. Subclasses only say where keys live and how they are added and
 * destroyed; every cryptographic use of a token key is here, in the backend's provider.
 */
public abstract class DomainKeyBackend implements TokenBackend {

    /** Replaced as a whole when a version is added or destroyed, so readers never see half a change. */
    protected volatile DomainKeys domainKeys;

    protected DomainKeyBackend(DomainKeys domainKeys) {
        this.domainKeys = domainKeys;
    }

    @Override
    public WrappedKey generateWrapped(int length, String purpose) throws TokenException {
        return domainKeys.generateWrapped(length, purpose);
    }

    @Override
    public WrappedKey wrap(byte[] material, String purpose) throws TokenException {
        return domainKeys.wrap(material, purpose);
    }

    @Override
    public byte[] unwrap(WrappedKey wrapped, String purpose) throws TokenException {
        return domainKeys.unwrap(wrapped, purpose);
    }

    @Override
    public byte[] random(int length) throws TokenException {
        return domainKeys.random(length);
    }

    @Override
    public WrappedKey rewrap(WrappedKey wrapped, String purpose) throws TokenException {
        return domainKeys.rewrap(wrapped, purpose);
    }

    /** Lower case only: PKCS#12 keystores fold aliases to lower case. */
    private static final Pattern TOKEN_KEY_LABEL = Pattern.compile("[a-z0-9][a-z0-9._:-]{0,99}");
    public static final int SALT_LENGTH = 32;
    public static final int IMPORTED_KEY_LENGTH = 32;
    private static final int RSA_2048_BYTES = 256;
    /** What a PKCS#11 token answers for data that does not decrypt: the request's fault, not an outage. */
    private static final Set<String> UNDECRYPTABLE = Set.of("CKR_ENCRYPTED_DATA_INVALID", "CKR_ENCRYPTED_DATA_LEN_RANGE",
            "CKR_DATA_INVALID", "CKR_DATA_LEN_RANGE");

    /** Handles of token keys: looking a key up can be slow (SoftHSM searches objects linearly), using it is not. */
    private final Map<String, SecretKey> tokenKeys = new ConcurrentHashMap<>();
    private final Map<String, PrivateKey> privateKeys = new ConcurrentHashMap<>();

    /** The provider whose ciphers can use this backend's keys; null for the JDK default. */
    protected abstract Provider provider();

    /** Generates and stores a sensitive, non-extractable AES-256 key under {@code label}. */
    protected abstract SecretKey createTokenKey(String label) throws TokenException;

    /** Stores the AES-256 material as a sensitive, non-extractable key under {@code label}; returns its handle. */
    protected abstract SecretKey importSecretKey(String label, byte[] material) throws TokenException;

    /** Generates an RSA-2048 pair and stores it under {@code label}; returns the public key and the stored private key's handle. */
    protected abstract KeyPair createKeyPair(String label) throws TokenException;

    /** Whatever key is stored under the label: a secret key, or the private key of a pair. */
    protected abstract Optional<Key> findKey(String label) throws TokenException;

    /** Deletes whatever is stored under the label; nothing stored is no error. */
    protected abstract void deleteTokenKey(String label) throws TokenException;

    /** Domain keys and token keys share one name space in the token: a token key may not look like a domain key. */
    protected abstract boolean isDomainKeyLabel(String label);

    @Override
    public void generateTokenKey(String label) throws TokenException {
        checkNewLabel(label);
        tokenKeys.put(label, createTokenKey(label));
    }

    @Override
    public void importTokenKey(String label, byte[] material) throws TokenException {
        if (material == null || material.length != IMPORTED_KEY_LENGTH) {
            throw new TokenException(Reason.INVALID_PARAMETER, "imported key material must be " + IMPORTED_KEY_LENGTH + " bytes");
        }
        checkNewLabel(label);
        tokenKeys.put(label, importSecretKey(label, material));
    }

    @Override
    public byte[] generateTokenKeyPair(String label, String spec) throws TokenException {
        if (!TokenKeyPairs.SPECS.contains(spec)) {
            throw new TokenException(Reason.INVALID_PARAMETER, "key pair spec must be one of " + TokenKeyPairs.SPECS);
        }
        checkNewLabel(label);
        KeyPair pair = createKeyPair(label);
        privateKeys.put(label, pair.getPrivate());
        return pair.getPublic().getEncoded();
    }

    @Override
    public byte[] decryptWithTokenKey(String label, String algorithm, byte[] data) throws TokenException {
        checkLabel(label);
        if (!TokenKeyPairs.DECRYPTION_ALGORITHMS.contains(algorithm)) {
            throw new TokenException(Reason.INVALID_PARAMETER, "decryption algorithm must be one of " + TokenKeyPairs.DECRYPTION_ALGORITHMS);
        }
        PrivateKey key = privateKeys.get(label);
        if (key == null) {
            key = findKey(label).filter(PrivateKey.class::isInstance).map(PrivateKey.class::cast)
                    .orElseThrow(DomainKeyBackend::noSuchKey);
            privateKeys.put(label, key);
        }
        if (data == null || data.length != RSA_2048_BYTES) {
            throw undecryptable();
        }
        try {
            if (algorithm.equals(TokenKeyPairs.RSAES_PKCS1_V1_5)) {
                return cipher("RSA/ECB/PKCS1Padding", Cipher.DECRYPT_MODE, key).doFinal(data);
            }
            // SunPKCS11 has no OAEP: the raw RSA operation runs in the token, the padding is removed here.
            byte[] raw = cipher("RSA/ECB/NoPadding", Cipher.DECRYPT_MODE, key).doFinal(data);
            try {
                return OaepDecoding.decode(raw, RSA_2048_BYTES,
                        algorithm.equals(TokenKeyPairs.RSAES_OAEP_SHA_1) ? "SHA-1" : "SHA-256");
            } finally {
                Arrays.fill(raw, (byte) 0);
            }
        } catch (BadPaddingException | IllegalBlockSizeException | OaepDecoding.InvalidEncodingException e) {
            throw undecryptable();
        } catch (GeneralSecurityException | ProviderException e) {
            if (UNDECRYPTABLE.contains(TokenFailures.describe(e))) {
                throw undecryptable();
            }
            throw new TokenException(Reason.UNAVAILABLE, "decryption failed: " + TokenFailures.describe(e), e);
        }
    }

    @Override
    public byte[] deriveKey(String label, byte[] salt) throws TokenException {
        checkLabel(label);
        if (salt == null || salt.length != SALT_LENGTH) {
            throw new TokenException(Reason.INVALID_PARAMETER, "salt must be " + SALT_LENGTH + " bytes");
        }
        SecretKey key = tokenKeys.get(label);
        if (key == null) {
            key = findKey(label).filter(SecretKey.class::isInstance).map(SecretKey.class::cast)
                    .orElseThrow(DomainKeyBackend::noSuchKey);
            tokenKeys.put(label, key);
        }
        try {
            return cipher("AES/ECB/NoPadding", Cipher.ENCRYPT_MODE, key).doFinal(salt);
        } catch (GeneralSecurityException | ProviderException e) {
            throw new TokenException(Reason.UNAVAILABLE, "key derivation failed: " + TokenFailures.describe(e), e);
        }
    }

    @Override
    public void destroyTokenKey(String label) throws TokenException {
        checkLabel(label);
        tokenKeys.remove(label);
        privateKeys.remove(label);
        deleteTokenKey(label);
    }

    private Cipher cipher(String transformation, int mode, Key key) throws GeneralSecurityException {
        Cipher cipher = provider() == null ? Cipher.getInstance(transformation) : Cipher.getInstance(transformation, provider());
        cipher.init(mode, key);
        return cipher;
    }

    private static TokenException noSuchKey() {
        return new TokenException(Reason.INVALID_WRAPPED_KEY, "no token key with this label");
    }

    private static TokenException undecryptable() {
        return new TokenException(Reason.INVALID_WRAPPED_KEY, "the data does not decrypt with this token key");
    }

    private void checkNewLabel(String label) throws TokenException {
        checkLabel(label);
        if (tokenKeys.containsKey(label) || privateKeys.containsKey(label) || findKey(label).isPresent()) {
            throw new TokenException(Reason.INVALID_PARAMETER, "a token key with this label exists");
        }
    }

    private void checkLabel(String label) throws TokenException {
        if (label == null || !TOKEN_KEY_LABEL.matcher(label).matches() || isDomainKeyLabel(label)) {
            throw new TokenException(Reason.INVALID_PARAMETER, "not a valid token key label");
        }
    }
}
