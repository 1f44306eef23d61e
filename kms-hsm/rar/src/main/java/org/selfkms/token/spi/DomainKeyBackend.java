package org.selfkms.token.spi;

import org.selfkms.token.TokenException;
import org.selfkms.token.TokenException.Reason;
import org.selfkms.token.WrappedKey;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import java.security.GeneralSecurityException;
import java.security.Provider;
import java.security.ProviderException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * What the software and PKCS#11 backends share: the material operations all run on the current
 * {@link DomainKeys}, and token keys (HSM protection level) are found once and then used by handle.
 * Subclasses only say where keys live and how they are added and destroyed.
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

    /** Handles of token keys: looking a key up can be slow (SoftHSM searches objects linearly), using it is not. */
    private final Map<String, SecretKey> tokenKeys = new ConcurrentHashMap<>();

    /** The provider whose ciphers can use this backend's keys; null for the JDK default. */
    protected abstract Provider provider();

    /** Generates and stores a sensitive, non-extractable AES-256 key under {@code label}. */
    protected abstract SecretKey createTokenKey(String label) throws TokenException;

    protected abstract Optional<SecretKey> findTokenKey(String label) throws TokenException;

    protected abstract void deleteTokenKey(String label) throws TokenException;

    /** Domain keys and token keys share one name space in the token: a token key may not look like a domain key. */
    protected abstract boolean isDomainKeyLabel(String label);

    @Override
    public void generateTokenKey(String label) throws TokenException {
        checkLabel(label);
        if (tokenKeys.containsKey(label) || findTokenKey(label).isPresent()) {
            throw new TokenException(Reason.INVALID_PARAMETER, "a token key with this label exists");
        }
        tokenKeys.put(label, createTokenKey(label));
    }

    @Override
    public byte[] deriveKey(String label, byte[] salt) throws TokenException {
        checkLabel(label);
        if (salt == null || salt.length != SALT_LENGTH) {
            throw new TokenException(Reason.INVALID_PARAMETER, "salt must be " + SALT_LENGTH + " bytes");
        }
        SecretKey key = tokenKeys.get(label);
        if (key == null) {
            key = findTokenKey(label).orElseThrow(() ->
                    new TokenException(Reason.INVALID_WRAPPED_KEY, "no token key with this label"));
            tokenKeys.put(label, key);
        }
        try {
            Cipher prf = provider() == null ? Cipher.getInstance("AES/ECB/NoPadding") : Cipher.getInstance("AES/ECB/NoPadding", provider());
            prf.init(Cipher.ENCRYPT_MODE, key);
            return prf.doFinal(salt);
        } catch (GeneralSecurityException | ProviderException e) {
            throw new TokenException(Reason.UNAVAILABLE, "key derivation failed: " + TokenFailures.describe(e), e);
        }
    }

    @Override
    public void destroyTokenKey(String label) throws TokenException {
        checkLabel(label);
        tokenKeys.remove(label);
        deleteTokenKey(label);
    }

    private void checkLabel(String label) throws TokenException {
        if (label == null || !TOKEN_KEY_LABEL.matcher(label).matches() || isDomainKeyLabel(label)) {
            throw new TokenException(Reason.INVALID_PARAMETER, "not a valid token key label");
        }
    }
}
