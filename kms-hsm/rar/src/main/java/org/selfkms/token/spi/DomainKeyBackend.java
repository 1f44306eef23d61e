package org.selfkms.token.spi;

import org.selfkms.token.TokenException;
import org.selfkms.token.TokenException.Reason;
import org.selfkms.token.WrappedKey;
import org.selfkms.token.keypair.DecryptionAlgorithm;
import org.selfkms.token.keypair.KeyPairSpec;
import org.selfkms.token.keypair.PrivateKeys;
import org.selfkms.token.keypair.PublicKeys;
import org.selfkms.token.keypair.SignatureAlgorithm;
import org.selfkms.token.keypair.UndecryptableException;
import org.selfkms.token.keypair.WrappedKeyPair;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.security.auth.DestroyFailedException;
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
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * What the software and PKCS#11 backends share: the material operations all run on the current
 * {@link DomainKeys}, and token keys (HSM protection level: AES keys, imported material, key pairs of CMKs
 * and for BYOK wrapping) are found once and then used by handle. Subclasses only say where keys live and how
 * they are added and destroyed; every cryptographic use of a token key is here, in the backend's provider -
 * for key pairs through {@link PrivateKeys}, which asks a PKCS#11 token only for primitives every token has.
 * Key pairs of the SOFTWARE level are generated with the token's RNG and leave only wrapped.
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
    /** What a PKCS#11 token answers for data that does not decrypt: the request's fault, not an outage. */
    private static final Set<String> UNDECRYPTABLE = Set.of("CKR_ENCRYPTED_DATA_INVALID", "CKR_ENCRYPTED_DATA_LEN_RANGE",
            "CKR_DATA_INVALID", "CKR_DATA_LEN_RANGE");

    /** Handles of token keys: looking a key up can be slow (SoftHSM searches objects linearly), using it is not. */
    private final Map<String, SecretKey> tokenKeys = new ConcurrentHashMap<>();
    private final Map<String, TokenKeyPair> keyPairs = new ConcurrentHashMap<>();

    /** A token key pair as it is used: the private key's handle, and the spec its public key shows. */
    private record TokenKeyPair(PrivateKey privateKey, KeyPairSpec spec) {
    }

    /** The provider whose ciphers can use this backend's keys; null for the JDK default. */
    protected abstract Provider provider();

    /** Generates and stores a sensitive, non-extractable AES-256 key under {@code label}. */
    protected abstract SecretKey createTokenKey(String label) throws TokenException;

    /** Stores the AES-256 material as a sensitive, non-extractable key under {@code label}; returns its handle. */
    protected abstract SecretKey importSecretKey(String label, byte[] material) throws TokenException;

    /**
     * Generates a pair of a {@link KeyPairSpec#tokenResident()} spec and stores it under {@code label}, the
     * private key sensitive and non-extractable where the token has such attributes; returns the public key and
     * the stored private key's handle.
     */
    protected abstract KeyPair createKeyPair(String label, KeyPairSpec spec) throws TokenException;

    /** Whatever key is stored under the label: a secret key, or the private key of a pair. */
    protected abstract Optional<Key> findKey(String label) throws TokenException;

    /** The pair stored under the label: its public key (from the certificate stored with it) and private key handle. */
    protected abstract Optional<KeyPair> findKeyPair(String label) throws TokenException;

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
    public byte[] generateTokenKeyPair(String label, KeyPairSpec spec) throws TokenException {
        if (spec == null) {
            throw new TokenException(Reason.INVALID_PARAMETER, "a key pair spec is required");
        }
        if (!spec.tokenResident()) {
            throw new TokenException(Reason.INVALID_PARAMETER, spec + " keys cannot be held in a PKCS#11 token; use the SOFTWARE protection level");
        }
        checkNewLabel(label);
        KeyPair pair = createKeyPair(label, spec);
        keyPairs.put(label, new TokenKeyPair(pair.getPrivate(), spec));
        return pair.getPublic().getEncoded();
    }

    /**
     * Generated in the JVM with the token's RNG, so the SOFTWARE level's private keys come from the same entropy
     * source as everything else; the PKCS#8 encoding exists unwrapped only inside this call.
     */
    @Override
    public WrappedKeyPair generateWrappedKeyPair(KeyPairSpec spec, String purpose) throws TokenException {
        if (spec == null) {
            throw new TokenException(Reason.INVALID_PARAMETER, "a key pair spec is required");
        }
        DomainKeys keys = domainKeys;
        KeyPair pair;
        try {
            pair = PrivateKeys.generate(spec, keys.secureRandom());
        } catch (ProviderException | IllegalStateException e) {
            throw new TokenException(Reason.UNAVAILABLE, "key pair generation failed: " + TokenFailures.describe(e), e);
        }
        byte[] pkcs8 = pair.getPrivate().getEncoded();
        try {
            return new WrappedKeyPair(spec, keys.wrap(pkcs8, purpose), pair.getPublic().getEncoded());
        } finally {
            Arrays.fill(pkcs8, (byte) 0);
            destroyQuietly(pair.getPrivate());
        }
    }

    @Override
    public byte[] signWithTokenKey(String label, SignatureAlgorithm algorithm, byte[] input) throws TokenException {
        TokenKeyPair pair = keyPairFor(label, algorithm, spec -> algorithm.fits(spec));
        if (input == null || input.length != algorithm.digestLength()) {
            throw new TokenException(Reason.INVALID_PARAMETER, algorithm + " signs a digest of " + algorithm.digestLength() + " bytes");
        }
        try {
            return PrivateKeys.sign(pair.privateKey(), provider(), algorithm, input, domainKeys.secureRandom());
        } catch (IllegalArgumentException e) {
            throw new TokenException(Reason.INVALID_PARAMETER, e.getMessage());
        } catch (GeneralSecurityException | ProviderException e) {
            throw new TokenException(Reason.UNAVAILABLE, "signing failed: " + TokenFailures.describe(e), e);
        }
    }

    @Override
    public byte[] decryptWithTokenKey(String label, DecryptionAlgorithm algorithm, byte[] data) throws TokenException {
        TokenKeyPair pair = keyPairFor(label, algorithm, spec -> algorithm.fits(spec));
        if (data == null) {
            throw undecryptable();
        }
        try {
            return PrivateKeys.decrypt(pair.privateKey(), provider(), algorithm, data);
        } catch (UndecryptableException e) {
            throw undecryptable();
        } catch (IllegalArgumentException e) {
            throw new TokenException(Reason.INVALID_PARAMETER, e.getMessage());
        } catch (GeneralSecurityException | ProviderException e) {
            if (UNDECRYPTABLE.contains(TokenFailures.describe(e))) {
                throw undecryptable();
            }
            throw new TokenException(Reason.UNAVAILABLE, "decryption failed: " + TokenFailures.describe(e), e);
        }
    }

    /** The pair under the label, if the algorithm (checked for null before {@code fits} runs) fits its spec. */
    private TokenKeyPair keyPairFor(String label, Enum<?> algorithm, Predicate<KeyPairSpec> fits) throws TokenException {
        checkLabel(label);
        if (algorithm == null) {
            throw new TokenException(Reason.INVALID_PARAMETER, "an algorithm is required");
        }
        TokenKeyPair pair = tokenKeyPair(label);
        if (!fits.test(pair.spec())) {
            throw new TokenException(Reason.INVALID_PARAMETER, algorithm + " does not fit a " + pair.spec() + " key pair");
        }
        return pair;
    }

    /** The cached handle, or the pair found in the token once (with its spec, from the public key stored with it). */
    private TokenKeyPair tokenKeyPair(String label) throws TokenException {
        TokenKeyPair pair = keyPairs.get(label);
        if (pair == null) {
            KeyPair found = findKeyPair(label).orElseThrow(DomainKeyBackend::noSuchKey);
            KeyPairSpec spec = PublicKeys.specOf(found.getPublic().getEncoded()).filter(KeyPairSpec::tokenResident)
                    .orElseThrow(() -> new TokenException(Reason.INVALID_WRAPPED_KEY, "the token key pair with this label is of no supported spec"));
            pair = new TokenKeyPair(found.getPrivate(), spec);
            keyPairs.put(label, pair);
        }
        return pair;
    }

    private static void destroyQuietly(PrivateKey key) {
        try {
            key.destroy();
        } catch (DestroyFailedException e) {
            // the JDK's RSA and EC keys cannot be destroyed; the object is dropped with its last reference
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
        keyPairs.remove(label);
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
        if (tokenKeys.containsKey(label) || keyPairs.containsKey(label) || findKey(label).isPresent()) {
            throw new TokenException(Reason.INVALID_PARAMETER, "a token key with this label exists");
        }
    }

    private void checkLabel(String label) throws TokenException {
        if (label == null || !TOKEN_KEY_LABEL.matcher(label).matches() || isDomainKeyLabel(label)) {
            throw new TokenException(Reason.INVALID_PARAMETER, "not a valid token key label");
        }
    }
}
