package org.selfkms.key;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.selfkms.api.error.KmsErrorCode;
import org.selfkms.api.error.KmsException;
import org.selfkms.hsm.TokenGateway;
import org.selfkms.token.WrappedKey;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Unwrapped CMK-version material for the SOFTWARE protection level: bounded (least recently used goes
 * first) and zeroised when evicted. Callers get a copy, which they zeroise after use, so an eviction can
 * never pull a key out from under a running operation.
 */
@ApplicationScoped
public class VersionMaterialCache {

    static final int MAX_ENTRIES = 10_000;

    private record VersionKey(UUID keyId, int version) { }

    private final Map<VersionKey, byte[]> entries = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<VersionKey, byte[]> eldest) {
            if (size() > MAX_ENTRIES) {
                Arrays.fill(eldest.getValue(), (byte) 0);
                return true;
            }
            return false;
        }
    };

    @PersistenceContext(unitName = "kms")
    private EntityManager em;

    @Inject
    private TokenGateway token;

    /** A copy of the material; the caller must zeroise it. */
    public byte[] material(UUID keyId, int version) {
        VersionKey key = new VersionKey(keyId, version);
        synchronized (entries) {
            byte[] hit = entries.get(key);
            if (hit != null) {
                return hit.clone();
            }
        }
        CmkVersionEntity entity = em.find(CmkVersionEntity.class, new CmkVersionEntity.Id(keyId.toString(), version));
        if (entity == null) {
            // A blob naming a version that never existed: treated like any other foreign ciphertext.
            throw new KmsException(KmsErrorCode.CIPHERTEXT_INVALID, "The ciphertext is invalid");
        }
        if (entity.destroyed()) {
            throw KeyStateMachine.deleted();
        }
        byte[] material = token.unwrap(WrappedKey.decode(entity.wrappedMaterial()), materialPurpose(keyId, version));
        synchronized (entries) {
            byte[] previous = entries.put(key, material);
            if (previous != null && previous != material) {
                Arrays.fill(previous, (byte) 0);
            }
            return material.clone();
        }
    }

    public void evict(UUID keyId) {
        synchronized (entries) {
            entries.entrySet().removeIf(e -> {
                if (e.getKey().keyId().equals(keyId)) {
                    Arrays.fill(e.getValue(), (byte) 0);
                    return true;
                }
                return false;
            });
        }
    }

    /** Prefix of the stored value of an HSM-level version: its key is a token object, nothing is wrapped. */
    public static final String TOKEN_KEY_REFERENCE = "hsm:";

    /** Label of the token key that holds an HSM-level version; derived, so the hot path needs no lookup. */
    public static String tokenKeyLabel(UUID keyId, int version) {
        return "kms-cmk-" + keyId + "-v" + version;
    }

    /** Binds wrapped material to its key and version: a row copied to another key will not unwrap. */
    public static String materialPurpose(UUID keyId, int version) {
        return "cmk:" + keyId + ":" + version;
    }
}
