package org.selfkms.token.software;

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
import org.selfkms.token.PerThreadSecureRandom;

import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Logger;

/**
 * The embedded token: domain wrapping keys live in a PKCS#12 keystore under the server's data directory,
 * protected by a PIN kept in a file readable only by the server's user. It needs nothing installed and is
 * as strong as that file's protection; production deployments switch to a PKCS#11 token.
 * The wrap format is {@link DomainKeys}'s.
 */
public final class SoftwareToken extends DomainKeyBackend {

    static final String KEYSTORE_FILE = "software-token.p12";
    private static final String LOCK_FILE = ".lock";
    private static final String ENTRY_PREFIX = "domain-key-v";
    private static final Logger LOG = Logger.getLogger(SoftwareToken.class.getName());

    private final TokenConfig config;
    private final Path keystoreFile;

    private SoftwareToken(TokenConfig config, Path keystoreFile, Map<Integer, SecretKey> keys) {
        super(new DomainKeys(keys, null, PerThreadSecureRandom.INSTANCE));
        this.config = config;
        this.keystoreFile = keystoreFile;
    }

    /**
     * Opens the token, creating keystore, PIN and the first domain key on first use. Server processes that share
     * the token's directory (nodes on one host) and start at once take turns under a file lock: otherwise each would
     * create a PIN and a first domain key of its own, and the file written last would replace the other's.
     */
    public static SoftwareToken open(TokenConfig config) throws TokenException {
        try {
            Files.createDirectories(config.directory());
            restrictToOwner(config.directory(), "rwx------");
            // a file lock is held by the process: threads of one process take turns on the class first
            synchronized (SoftwareToken.class) {
                try (FileChannel channel = FileChannel.open(config.directory().resolve(LOCK_FILE),
                        StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                     FileLock lock = channel.lock()) {
                    return openOrCreate(config);
                }
            }
        } catch (IOException e) {
            throw new TokenException(Reason.UNAVAILABLE, "software token could not be opened: " + e.getMessage(), e);
        }
    }

    private static SoftwareToken openOrCreate(TokenConfig config) throws TokenException {
        try {
            char[] pin = readOrCreatePin(config);
            Path file = config.directory().resolve(KEYSTORE_FILE);
            KeyStore keyStore = KeyStore.getInstance("PKCS12");
            if (Files.exists(file)) {
                try (InputStream in = Files.newInputStream(file)) {
                    keyStore.load(in, pin);
                } catch (IOException e) {
                    // PKCS12 reports a wrong password as an IOException wrapping UnrecoverableKeyException
                    throw new TokenException(Reason.UNAVAILABLE,
                            "software token " + file + " could not be opened: wrong PIN or damaged keystore", e);
                }
            } else {
                keyStore.load(null, pin);
                KeyGenerator generator = KeyGenerator.getInstance("AES");
                generator.init(256, new SecureRandom());
                keyStore.setEntry(ENTRY_PREFIX + 1, new KeyStore.SecretKeyEntry(generator.generateKey()),
                        new KeyStore.PasswordProtection(pin));
                store(keyStore, file, pin);
                LOG.info("Created software token with domain key version 1 at " + file);
            }
            Map<Integer, SecretKey> keys = new TreeMap<>();
            for (String alias : Collections.list(keyStore.aliases())) {
                if (alias.startsWith(ENTRY_PREFIX)) {
                    int version = Integer.parseInt(alias.substring(ENTRY_PREFIX.length()));
                    keys.put(version, (SecretKey) keyStore.getKey(alias, pin));
                }
            }
            Arrays.fill(pin, '\0');
            if (keys.isEmpty()) {
                throw new TokenException(Reason.UNAVAILABLE, "software token " + file + " holds no domain key");
            }
            return new SoftwareToken(config, file, keys);
        } catch (IOException | GeneralSecurityException | NumberFormatException e) {
            throw new TokenException(Reason.UNAVAILABLE, "software token could not be opened: " + e.getMessage(), e);
        }
    }

    @Override
    public TokenStatus status() {
        DomainKeys keys = domainKeys;
        return new TokenStatus("software", keystoreFile.getFileName().toString(), keys.activeVersion(), keys.versions());
    }

    @Override
    public synchronized int addDomainKeyVersion() throws TokenException {
        int version = domainKeys.nextVersion();
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256, new SecureRandom());
            SecretKey key = generator.generateKey();
            changeKeystore(store -> store.setEntry(ENTRY_PREFIX + version, new KeyStore.SecretKeyEntry(key),
                    new KeyStore.PasswordProtection(readOrCreatePin(config))));
            domainKeys = domainKeys.with(version, key);
            LOG.info("Software token: created domain key version " + version);
            return version;
        } catch (GeneralSecurityException e) {
            throw new TokenException(Reason.UNAVAILABLE, "could not create a domain key: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void destroyDomainKeyVersion(int version) throws TokenException {
        DomainKeys fewer = domainKeys.without(version);
        changeKeystore(store -> store.deleteEntry(ENTRY_PREFIX + version));
        domainKeys = fewer;
        LOG.info("Software token: destroyed domain key version " + version);
    }

    @Override
    protected java.security.Provider provider() {
        return null;
    }

    @Override
    protected boolean isDomainKeyLabel(String label) {
        return label.startsWith(ENTRY_PREFIX);
    }

    @Override
    protected synchronized SecretKey createTokenKey(String label) throws TokenException {
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256, new SecureRandom());
            return storeSecretKey(label, generator.generateKey());
        } catch (GeneralSecurityException e) {
            throw new TokenException(Reason.UNAVAILABLE, "could not create a token key: " + e.getMessage(), e);
        }
    }

    @Override
    protected synchronized SecretKey importSecretKey(String label, byte[] material) throws TokenException {
        return storeSecretKey(label, new SecretKeySpec(material, "AES"));
    }

    private SecretKey storeSecretKey(String label, SecretKey key) throws TokenException {
        changeKeystore(store -> store.setEntry(label, new KeyStore.SecretKeyEntry(key),
                new KeyStore.PasswordProtection(readOrCreatePin(config))));
        return key;
    }

    /**
     * The private key is a PKCS#12 entry protected by the token PIN, like every key of this token; PKCS#12
     * takes a private key only with a certificate, hence the self-signed one.
     */
    @Override
    protected synchronized KeyPair createKeyPair(String label, KeyPairSpec spec) throws TokenException {
        try {
            KeyPair pair = PrivateKeys.keyPairGenerator(spec, null, domainKeys.secureRandom()).generateKeyPair();
            X509Certificate certificate = SelfSignedCertificate.create(label, pair, null);
            changeKeystore(store -> store.setEntry(label, new KeyStore.PrivateKeyEntry(pair.getPrivate(),
                    new Certificate[]{certificate}), new KeyStore.PasswordProtection(readOrCreatePin(config))));
            return pair;
        } catch (GeneralSecurityException e) {
            throw new TokenException(Reason.UNAVAILABLE, "could not create a token key pair: " + e.getMessage(), e);
        }
    }

    @Override
    protected java.util.Optional<KeyPair> findKeyPair(String label) throws TokenException {
        return readKeystore((store, pin) -> store.getCertificate(label) != null && store.getKey(label, pin) instanceof java.security.PrivateKey key
                ? new KeyPair(store.getCertificate(label).getPublicKey(), key) : null);
    }

    @Override
    protected java.util.Optional<Key> findKey(String label) throws TokenException {
        return readKeystore((store, pin) -> store.containsAlias(label) ? store.getKey(label, pin) : null);
    }

    private interface KeystoreRead<T> {
        T apply(KeyStore store, char[] pin) throws GeneralSecurityException;
    }

    /** Loads the keystore file and reads from it; a null answer is an empty result. */
    private <T> java.util.Optional<T> readKeystore(KeystoreRead<T> read) throws TokenException {
        try {
            char[] pin = readOrCreatePin(config);
            try {
                KeyStore store = KeyStore.getInstance("PKCS12");
                try (InputStream in = Files.newInputStream(keystoreFile)) {
                    store.load(in, pin);
                }
                return java.util.Optional.ofNullable(read.apply(store, pin));
            } finally {
                Arrays.fill(pin, '\0');
            }
        } catch (IOException | GeneralSecurityException e) {
            throw new TokenException(Reason.UNAVAILABLE, "software token " + keystoreFile + " could not be read: " + e.getMessage(), e);
        }
    }

    @Override
    protected synchronized void deleteTokenKey(String label) throws TokenException {
        changeKeystore(store -> store.deleteEntry(label));
    }

    private interface KeystoreChange {
        void apply(KeyStore store) throws GeneralSecurityException, IOException;
    }

    /** Loads the keystore file, applies the change and replaces the file atomically. */
    private void changeKeystore(KeystoreChange change) throws TokenException {
        try {
            char[] pin = readOrCreatePin(config);
            KeyStore store = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(keystoreFile)) {
                store.load(in, pin);
            }
            change.apply(store);
            store(store, keystoreFile, pin);
            Arrays.fill(pin, '\0');
        } catch (IOException | GeneralSecurityException e) {
            throw new TokenException(Reason.UNAVAILABLE, "software token " + keystoreFile + " could not be changed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        // SecretKeySpec cannot be destroyed through the JCA API; the keys are dropped with this instance.
    }

    private static char[] readOrCreatePin(TokenConfig config) throws IOException {
        Path pinFile = config.pinFile();
        if (!TokenConfig.pinFromEnvironment()) {
            createPinIfAbsent(pinFile);
        }
        return config.readPin();
    }

    private static void createPinIfAbsent(Path pinFile) throws IOException {
        if (!Files.exists(pinFile)) {
            byte[] secret = new byte[32];
            new SecureRandom().nextBytes(secret);
            String pin = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
            Files.createDirectories(pinFile.toAbsolutePath().getParent());
            Path tmp = Files.createTempFile(pinFile.toAbsolutePath().getParent(), ".pin", ".tmp");
            restrictToOwner(tmp, "rw-------");
            Files.writeString(tmp, pin + "\n", StandardCharsets.US_ASCII);
            moveAtomically(tmp, pinFile);
            LOG.info("Generated a PIN for the software token in " + pinFile + " (readable by the server's user only)");
        }
    }

    private static void store(KeyStore keyStore, Path file, char[] pin) throws IOException, GeneralSecurityException {
        Path tmp = Files.createTempFile(file.getParent(), ".token", ".tmp");
        restrictToOwner(tmp, "rw-------");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            keyStore.store(out, pin);
        }
        moveAtomically(tmp, file);
    }

    private static void moveAtomically(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void restrictToOwner(Path path, String permissions) {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        } catch (UnsupportedOperationException | IOException e) {
            LOG.warning("Could not restrict permissions of " + path + ": " + e.getMessage());
        }
    }
}
