package org.selfkms.token.spi;

import org.selfkms.token.TokenException;
import org.selfkms.token.TokenException.Reason;
import org.selfkms.token.WrappedKey;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Provider;
import java.security.ProviderException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The versions of a token's domain wrapping key and the one wrap format every backend shares:
 * {@code nonce(12) || AES-256-GCM(domainKey, material)}, with associated data naming the format, the purpose
 * and the domain-key version, so a wrapped blob cannot be replayed for another purpose or version. The
 * cipher runs in whichever provider holds the keys (SunJCE for the software token, the PKCS#11 token
 * otherwise), so with a token the domain key is used only inside it.
 */
public final class DomainKeys {

    public static final int MAX_MATERIAL = 64 * 1024;
    private static final int NONCE_LENGTH = 12;
    private static final int TAG_BITS = 128;

    private final Map<Integer, SecretKey> keys;
    private final int activeVersion;
    private final Provider provider;
    private final SecureRandom random;

    /**
     * @param provider the provider that holds the keys, or null for the JDK's default
     * @param random   the token's RNG
     */
    public DomainKeys(Map<Integer, SecretKey> keys, Provider provider, SecureRandom random) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("no domain key");
        }
        this.keys = Map.copyOf(new TreeMap<>(keys));
        this.activeVersion = keys.keySet().stream().mapToInt(Integer::intValue).max().orElseThrow();
        this.provider = provider;
        this.random = random;
    }

    /** The token's RNG (the JDK's for the software token): for key-pair generation, PSS salts and nonces. */
    public SecureRandom secureRandom() {
        return random;
    }

    public int activeVersion() {
        return activeVersion;
    }

    public List<Integer> versions() {
        return keys.keySet().stream().sorted().toList();
    }

    /** The next version number for a new domain key. */
    public int nextVersion() {
        return activeVersion + 1;
    }

    /** These keys plus one more, which becomes the active version. */
    public DomainKeys with(int version, SecretKey key) {
        Map<Integer, SecretKey> more = new TreeMap<>(keys);
        more.put(version, key);
        return new DomainKeys(more, provider, random);
    }

    /** These keys less an old version; the active one cannot go. */
    public DomainKeys without(int version) throws TokenException {
        if (version == activeVersion) {
            throw new TokenException(Reason.INVALID_PARAMETER, "the active domain-key version cannot be destroyed");
        }
        if (!keys.containsKey(version)) {
            throw new TokenException(Reason.INVALID_PARAMETER, "no domain-key version " + version);
        }
        Map<Integer, SecretKey> fewer = new TreeMap<>(keys);
        fewer.remove(version);
        return new DomainKeys(fewer, provider, random);
    }

    public WrappedKey rewrap(WrappedKey wrapped, String purpose) throws TokenException {
        byte[] material = unwrap(wrapped, purpose);
        try {
            return wrap(material, purpose);
        } finally {
            Arrays.fill(material, (byte) 0);
        }
    }

    public WrappedKey generateWrapped(int length, String purpose) throws TokenException {
        byte[] material = random(length);
        try {
            return wrap(material, purpose);
        } finally {
            Arrays.fill(material, (byte) 0);
        }
    }

    public WrappedKey wrap(byte[] material, String purpose) throws TokenException {
        if (material == null || material.length == 0 || material.length > MAX_MATERIAL) {
            throw new TokenException(Reason.INVALID_PARAMETER, "material must be 1.." + MAX_MATERIAL + " bytes");
        }
        byte[] nonce = random(NONCE_LENGTH);
        try {
            Cipher cipher = cipher();
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(activeVersion), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData(purpose, activeVersion));
            byte[] sealed = cipher.doFinal(material);
            byte[] blob = new byte[NONCE_LENGTH + sealed.length];
            System.arraycopy(nonce, 0, blob, 0, NONCE_LENGTH);
            System.arraycopy(sealed, 0, blob, NONCE_LENGTH, sealed.length);
            return new WrappedKey(activeVersion, blob);
        } catch (GeneralSecurityException | ProviderException e) {
            throw new TokenException(Reason.UNAVAILABLE, "wrap failed: " + TokenFailures.describe(e), e);
        }
    }

    public byte[] unwrap(WrappedKey wrapped, String purpose) throws TokenException {
        SecretKey domainKey = keys.get(wrapped.domainKeyVersion());
        byte[] blob = wrapped.blob();
        if (domainKey == null || blob.length <= NONCE_LENGTH + TAG_BITS / 8) {
            throw new TokenException(Reason.INVALID_WRAPPED_KEY, "wrapped key is not valid for this token");
        }
        try {
            Cipher cipher = cipher();
            cipher.init(Cipher.DECRYPT_MODE, domainKey, new GCMParameterSpec(TAG_BITS, blob, 0, NONCE_LENGTH));
            cipher.updateAAD(associatedData(purpose, wrapped.domainKeyVersion()));
            return cipher.doFinal(blob, NONCE_LENGTH, blob.length - NONCE_LENGTH);
        } catch (AEADBadTagException e) {
            throw new TokenException(Reason.INVALID_WRAPPED_KEY, "wrapped key is not valid for this token");
        } catch (GeneralSecurityException | ProviderException e) {
            if (isBadTag(e)) {
                throw new TokenException(Reason.INVALID_WRAPPED_KEY, "wrapped key is not valid for this token");
            }
            throw new TokenException(Reason.UNAVAILABLE, "unwrap failed: " + TokenFailures.describe(e), e);
        }
    }

    public byte[] random(int length) throws TokenException {
        if (length < 1 || length > MAX_MATERIAL) {
            throw new TokenException(Reason.INVALID_PARAMETER, "random length must be 1.." + MAX_MATERIAL);
        }
        byte[] bytes = new byte[length];
        try {
            random.nextBytes(bytes);
        } catch (ProviderException e) {
            throw new TokenException(Reason.UNAVAILABLE, "token RNG failed: " + TokenFailures.describe(e), e);
        }
        return bytes;
    }

    private Cipher cipher() throws GeneralSecurityException {
        return provider == null ? Cipher.getInstance("AES/GCM/NoPadding") : Cipher.getInstance("AES/GCM/NoPadding", provider);
    }

    /** PKCS#11 reports a failed GCM tag as CKR_ENCRYPTED_DATA_INVALID rather than AEADBadTagException. */
    private static boolean isBadTag(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof AEADBadTagException || String.valueOf(t.getMessage()).contains("CKR_ENCRYPTED_DATA_INVALID")) {
                return true;
            }
        }
        return false;
    }

    private static byte[] associatedData(String purpose, int version) {
        return ("selfkms-wrap-v1|" + purpose + "|" + version).getBytes(StandardCharsets.UTF_8);
    }
}
