package org.selfkms.token.pkcs11;

import org.selfkms.token.TokenException;
import org.selfkms.token.TokenException.Reason;
import org.selfkms.token.TokenStatus;
import org.selfkms.token.WrappedKey;
import org.selfkms.token.keypair.KeyPairSpec;
import org.selfkms.token.keypair.PrivateKeys;
import org.selfkms.token.spi.DomainKeys;
import org.selfkms.token.spi.DomainKeyBackend;
import org.selfkms.token.spi.TokenConfig;

import org.selfkms.token.spi.SelfSignedCertificate;
import org.selfkms.token.spi.TokenFailures;

import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import javax.security.auth.login.LoginException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.AuthProvider;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.Provider;
import java.security.ProviderException;
import java.security.SecureRandom;
import java.security.Security;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Logger;

/**
 * A PKCS#11 token (an HSM, or SoftHSM2 in tests) through the JDK's SunPKCS11 provider, one provider per
 * adapter. The domain keys are AES-256 token objects labelled {@code kms-domain-key-v<n>}, generated inside
 * the token as sensitive and non-extractable; wrapping, unwrapping and random numbers run in the token.
 * Key handles are looked up once at start: some tokens (SoftHSM) search objects linearly.
 */
public final class Pkcs11Token extends DomainKeyBackend {

    static final String LABEL_PREFIX = "kms-domain-key-v";
    private static final Logger LOG = Logger.getLogger(Pkcs11Token.class.getName());

    private final Provider provider;
    private final KeyStore store;
    private final String slot;

    private Pkcs11Token(Provider provider, KeyStore store, String slot, DomainKeys domainKeys) {
        super(domainKeys);
        this.provider = provider;
        this.store = store;
        this.slot = slot;
    }

    public static Pkcs11Token open(TokenConfig config) throws TokenException {
        if (config.pkcs11Library().isEmpty() || !Files.isReadable(Path.of(config.pkcs11Library()))) {
            throw new TokenException(Reason.UNAVAILABLE, "PKCS#11 library '" + config.pkcs11Library()
                    + "' is not readable (set KMS_PKCS11_LIBRARY)");
        }
        char[] pin;
        try {
            pin = config.readPin();
        } catch (IOException e) {
            throw new TokenException(Reason.UNAVAILABLE, "PIN file " + config.pinFile() + " cannot be read", e);
        }
        if (pin.length == 0) {
            throw new TokenException(Reason.UNAVAILABLE, "no PIN for the PKCS#11 token: set KMS_TOKEN_PIN or KMS_TOKEN_PIN_FILE");
        }
        Provider provider;
        try {
            provider = Security.getProvider("SunPKCS11").configure("--" + providerConfig(config));
        } catch (ProviderException | IllegalArgumentException e) {
            throw new TokenException(Reason.UNAVAILABLE, "PKCS#11 token in " + config.pkcs11Slot() + " of "
                    + config.pkcs11Library() + " cannot be used: " + e.getMessage(), e);
        }
        try {
            KeyStore store = KeyStore.getInstance("PKCS11", provider);
            try {
                store.load(null, pin);
            } catch (IOException e) {
                throw new TokenException(Reason.UNAVAILABLE, "login to the PKCS#11 token failed (wrong PIN?)", e);
            } finally {
                Arrays.fill(pin, '\0');
            }
            Map<Integer, SecretKey> keys = domainKeys(store);
            if (keys.isEmpty()) {
                KeyGenerator generator = KeyGenerator.getInstance("AES", provider);
                generator.init(256);
                store.setEntry(LABEL_PREFIX + 1, new KeyStore.SecretKeyEntry(generator.generateKey()), null);
                keys = domainKeys(store);
                LOG.info("Generated domain key " + LABEL_PREFIX + 1 + " inside the PKCS#11 token");
            }
            return new Pkcs11Token(provider, store, config.pkcs11Slot(),
                    new DomainKeys(keys, provider, SecureRandom.getInstance("PKCS11", provider)));
        } catch (GeneralSecurityException | ProviderException e) {
            logout(provider);
            throw new TokenException(Reason.UNAVAILABLE, "PKCS#11 token cannot be used: " + e.getMessage(), e);
        }
    }

    private static Map<Integer, SecretKey> domainKeys(KeyStore store) throws GeneralSecurityException {
        Map<Integer, SecretKey> keys = new TreeMap<>();
        for (String alias : Collections.list(store.aliases())) {
            if (alias.startsWith(LABEL_PREFIX) && store.isKeyEntry(alias)) {
                try {
                    keys.put(Integer.parseInt(alias.substring(LABEL_PREFIX.length())), (SecretKey) store.getKey(alias, null));
                } catch (NumberFormatException | ClassCastException e) {
                    LOG.warning("Ignoring token object '" + alias + "': not a domain key");
                }
            }
        }
        return keys;
    }

    static String providerConfig(TokenConfig config) {
        String slotLine;
        if (config.pkcs11Slot().matches("index:\\d{1,4}")) {
            slotLine = "slotListIndex = " + config.pkcs11Slot().substring("index:".length());
        } else if (config.pkcs11Slot().matches("id:\\d{1,19}")) {
            slotLine = "slot = " + config.pkcs11Slot().substring("id:".length());
        } else {
            throw new InvalidSlotException("slot must be index:<n> or id:<n>, not '" + config.pkcs11Slot() + "'");
        }
        // Keys the provider generates or imports are born sensitive and non-extractable; KeyStore.setEntry
        // then makes them token objects.
        return "name = SelfKMS\n"
                + "library = " + config.pkcs11Library() + "\n"
                + slotLine + "\n"
                + "attributes(generate, CKO_SECRET_KEY, CKK_AES) = {\n"
                + "  CKA_SENSITIVE = true\n"
                + "  CKA_EXTRACTABLE = false\n"
                + "}\n"
                // imported BYOK material of the HSM level: once in the token, it never comes out
                + "attributes(import, CKO_SECRET_KEY, CKK_AES) = {\n"
                + "  CKA_SENSITIVE = true\n"
                + "  CKA_EXTRACTABLE = false\n"
                + "}\n"
                // private keys of pairs (HSM-level CMKs, BYOK wrapping keys): used by the token, never read out
                + "attributes(generate, CKO_PRIVATE_KEY, CKK_RSA) = {\n"
                + "  CKA_SENSITIVE = true\n"
                + "  CKA_EXTRACTABLE = false\n"
                + "}\n"
                + "attributes(generate, CKO_PRIVATE_KEY, CKK_EC) = {\n"
                + "  CKA_SENSITIVE = true\n"
                + "  CKA_EXTRACTABLE = false\n"
                + "}\n";
    }

    @Override
    public TokenStatus status() {
        DomainKeys keys = domainKeys;
        return new TokenStatus("pkcs11", slot, keys.activeVersion(), keys.versions());
    }

    @Override
    public synchronized int addDomainKeyVersion() throws TokenException {
        int version = domainKeys.nextVersion();
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES", provider);
            generator.init(256);
            store.setEntry(LABEL_PREFIX + version, new KeyStore.SecretKeyEntry(generator.generateKey()), null);
            domainKeys = domainKeys.with(version, (SecretKey) store.getKey(LABEL_PREFIX + version, null));
            LOG.info("Generated domain key " + LABEL_PREFIX + version + " inside the PKCS#11 token");
            return version;
        } catch (GeneralSecurityException | ProviderException e) {
            throw new TokenException(Reason.UNAVAILABLE, "could not create a domain key in the token: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void destroyDomainKeyVersion(int version) throws TokenException {
        DomainKeys fewer = domainKeys.without(version);
        try {
            store.deleteEntry(LABEL_PREFIX + version);
        } catch (GeneralSecurityException | ProviderException e) {
            throw new TokenException(Reason.UNAVAILABLE, "could not destroy domain key version " + version + ": " + e.getMessage(), e);
        }
        domainKeys = fewer;
        LOG.info("Destroyed domain key " + LABEL_PREFIX + version + " in the PKCS#11 token");
    }

    @Override
    protected Provider provider() {
        return provider;
    }

    @Override
    protected boolean isDomainKeyLabel(String label) {
        return label.startsWith(LABEL_PREFIX);
    }

    @Override
    protected synchronized SecretKey createTokenKey(String label) throws TokenException {
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES", provider);
            generator.init(256);
            store.setEntry(label, new KeyStore.SecretKeyEntry(generator.generateKey()), null);
            return (SecretKey) store.getKey(label, null);
        } catch (GeneralSecurityException | ProviderException e) {
            throw new TokenException(Reason.UNAVAILABLE, "could not create a key in the token: " + e.getMessage(), e);
        }
    }

    /** The provider creates the object from the material under the "import" template: sensitive, non-extractable. */
    @Override
    protected synchronized SecretKey importSecretKey(String label, byte[] material) throws TokenException {
        SecretKeySpec key = new SecretKeySpec(material, "AES");
        try {
            store.setEntry(label, new KeyStore.SecretKeyEntry(key), null);
            return (SecretKey) store.getKey(label, null);
        } catch (GeneralSecurityException | ProviderException e) {
            throw new TokenException(Reason.UNAVAILABLE, "could not import a key into the token: " + TokenFailures.describe(e), e);
        } finally {
            destroyQuietly(key);
        }
    }

    /**
     * Generated in the token (private key sensitive and non-extractable by the "generate" templates for RSA and
     * EC), then made a token object by the KeyStore, which needs a certificate for that: a self-signed one, signed
     * in the token. The public key is in the certificate object; the private key is what is used.
     */
    @Override
    protected synchronized KeyPair createKeyPair(String label, KeyPairSpec spec) throws TokenException {
        try {
            KeyPair session = PrivateKeys.keyPairGenerator(spec, provider, null).generateKeyPair();
            X509Certificate certificate = SelfSignedCertificate.create(label, session, provider);
            store.setEntry(label, new KeyStore.PrivateKeyEntry(session.getPrivate(), new Certificate[]{certificate}), null);
            return new KeyPair(session.getPublic(), (PrivateKey) store.getKey(label, null));
        } catch (GeneralSecurityException | ProviderException e) {
            throw new TokenException(Reason.UNAVAILABLE, "could not create a key pair in the token: " + TokenFailures.describe(e), e);
        }
    }

    @Override
    protected java.util.Optional<KeyPair> findKeyPair(String label) throws TokenException {
        try {
            Certificate certificate = store.getCertificate(label);
            if (certificate != null && store.getKey(label, null) instanceof PrivateKey key) {
                return java.util.Optional.of(new KeyPair(certificate.getPublicKey(), key));
            }
            return java.util.Optional.empty();
        } catch (GeneralSecurityException | ProviderException e) {
            throw new TokenException(Reason.UNAVAILABLE, "could not look up a token key pair: " + TokenFailures.describe(e), e);
        }
    }

    @Override
    protected java.util.Optional<Key> findKey(String label) throws TokenException {
        try {
            return java.util.Optional.ofNullable(store.getKey(label, null));
        } catch (GeneralSecurityException | ProviderException e) {
            throw new TokenException(Reason.UNAVAILABLE, "could not look up a token key: " + e.getMessage(), e);
        }
    }

    private static void destroyQuietly(SecretKeySpec key) {
        try {
            key.destroy();
        } catch (javax.security.auth.DestroyFailedException e) {
            // SecretKeySpec cannot be destroyed before JDK 20; the copy is dropped with it.
        }
    }

    @Override
    protected synchronized void deleteTokenKey(String label) throws TokenException {
        try {
            store.deleteEntry(label);
        } catch (GeneralSecurityException | ProviderException e) {
            throw new TokenException(Reason.UNAVAILABLE, "could not destroy a token key: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        logout(provider);
    }

    private static void logout(Provider provider) {
        if (provider instanceof AuthProvider auth) {
            try {
                auth.logout();
            } catch (LoginException e) {
                LOG.fine("PKCS#11 logout failed: " + e.getMessage());
            }
        }
    }

    static final class InvalidSlotException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        InvalidSlotException(String message) {
            super(message);
        }
    }
}
