package org.selfkms.token.software;

import org.selfkms.token.TokenException;
import org.selfkms.token.TokenException.Reason;
import org.selfkms.token.TokenStatus;
import org.selfkms.token.WrappedKey;
import org.selfkms.token.spi.TokenBackend;
import org.selfkms.token.spi.TokenConfig;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
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
 *
 * <p>Wrapped form: {@code nonce(12) || AES-256-GCM(domainKey, material)} with associated data naming the
 * wrap format, the purpose and the domain-key version, so a blob cannot be replayed for another purpose.
 */
public final class SoftwareToken implements TokenBackend {

    static final String KEYSTORE_FILE = "software-token.p12";
    private static final String ENTRY_PREFIX = "domain-key-v";
    private static final int NONCE_LENGTH = 12;
    private static final int TAG_BITS = 128;
    private static final Logger LOG = Logger.getLogger(SoftwareToken.class.getName());

    private final SecureRandom random = new SecureRandom();
    private final Path keystoreFile;
    private final Map<Integer, SecretKey> domainKeys;
    private final int activeVersion;

    private SoftwareToken(Path keystoreFile, Map<Integer, SecretKey> domainKeys) {
        this.keystoreFile = keystoreFile;
        this.domainKeys = Collections.unmodifiableMap(domainKeys);
        this.activeVersion = domainKeys.keySet().stream().mapToInt(Integer::intValue).max().orElseThrow();
    }

    /** Opens the token, creating keystore, PIN and the first domain key on first use. */
    public static SoftwareToken open(TokenConfig config) throws TokenException {
        try {
            Files.createDirectories(config.directory());
            restrictToOwner(config.directory(), "rwx------");
            char[] pin = readOrCreatePin(config.pinFile());
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
            return new SoftwareToken(file, keys);
        } catch (IOException | GeneralSecurityException | NumberFormatException e) {
            throw new TokenException(Reason.UNAVAILABLE, "software token could not be opened: " + e.getMessage(), e);
        }
    }

    @Override
    public TokenStatus status() {
        return new TokenStatus("software", keystoreFile.getFileName().toString(), activeVersion);
    }

    @Override
    public WrappedKey generateWrapped(int length, String purpose) throws TokenException {
        byte[] material = random(length);
        try {
            return wrap(material, purpose);
        } finally {
            Arrays.fill(material, (byte) 0);
        }
    }

    @Override
    public WrappedKey wrap(byte[] material, String purpose) throws TokenException {
        if (material == null || material.length == 0 || material.length > 64 * 1024) {
            throw new TokenException(Reason.INVALID_PARAMETER, "material must be 1..65536 bytes");
        }
        byte[] nonce = new byte[NONCE_LENGTH];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, domainKeys.get(activeVersion), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData(purpose, activeVersion));
            byte[] sealed = cipher.doFinal(material);
            byte[] blob = new byte[NONCE_LENGTH + sealed.length];
            System.arraycopy(nonce, 0, blob, 0, NONCE_LENGTH);
            System.arraycopy(sealed, 0, blob, NONCE_LENGTH, sealed.length);
            return new WrappedKey(activeVersion, blob);
        } catch (GeneralSecurityException e) {
            throw new TokenException(Reason.UNAVAILABLE, "wrap failed: " + e.getClass().getSimpleName(), e);
        }
    }

    @Override
    public byte[] unwrap(WrappedKey wrapped, String purpose) throws TokenException {
        SecretKey domainKey = domainKeys.get(wrapped.domainKeyVersion());
        byte[] blob = wrapped.blob();
        if (domainKey == null || blob.length <= NONCE_LENGTH + TAG_BITS / 8) {
            throw new TokenException(Reason.INVALID_WRAPPED_KEY, "wrapped key is not valid for this token");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, domainKey, new GCMParameterSpec(TAG_BITS, blob, 0, NONCE_LENGTH));
            cipher.updateAAD(associatedData(purpose, wrapped.domainKeyVersion()));
            return cipher.doFinal(blob, NONCE_LENGTH, blob.length - NONCE_LENGTH);
        } catch (AEADBadTagException e) {
            throw new TokenException(Reason.INVALID_WRAPPED_KEY, "wrapped key is not valid for this token");
        } catch (GeneralSecurityException e) {
            throw new TokenException(Reason.UNAVAILABLE, "unwrap failed: " + e.getClass().getSimpleName(), e);
        }
    }

    @Override
    public byte[] random(int length) throws TokenException {
        if (length < 1 || length > 64 * 1024) {
            throw new TokenException(Reason.INVALID_PARAMETER, "random length must be 1..65536");
        }
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    @Override
    public void close() {
        // SecretKeySpec cannot be destroyed through the JCA API; the map is dropped with this instance.
    }

    private static byte[] associatedData(String purpose, int version) {
        return ("selfkms-wrap-v1|" + purpose + "|" + version).getBytes(StandardCharsets.UTF_8);
    }

    private static char[] readOrCreatePin(Path pinFile) throws IOException {
        String env = System.getenv("KMS_TOKEN_PIN");
        if (env != null && !env.isBlank()) {
            return env.trim().toCharArray();
        }
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
        return Files.readString(pinFile, StandardCharsets.US_ASCII).trim().toCharArray();
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
