package org.selfkms.key;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.selfkms.api.error.KmsErrorCode;
import org.selfkms.api.error.KmsException;
import org.selfkms.api.metrics.KmsMetrics;
import org.selfkms.hsm.TokenGateway;
import org.selfkms.token.WrappedKey;

import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Unwrapped CMK-version material for the SOFTWARE protection level: bounded (entries not used since the last sweep go
 * first, the CLOCK approximation of least recently used) and zeroised when evicted. Callers get a copy, which they
 * zeroise after use, so an eviction can never pull a key out from under a running operation.
 *
 * <p>No lock on the hit path: every Encrypt and Decrypt reads here, and one lock around an access-ordered map had
 * concurrent requests queue on it. An eviction removes an entry before it zeroises it, and a reader keeps its copy only
 * if the entry is still in place after copying - so no reader ever keeps a copy of zeroes. As in the other caches of
 * the hot path, a loader keeps what it read only if no invalidation happened meanwhile (an epoch counter), so a
 * version destroyed while it was being read is not cached again.
 */
@ApplicationScoped
public class VersionMaterialCache {

    static final int MAX_ENTRIES = 10_000;

    private record VersionKey(UUID keyId, int version) { }

    private static final class Entry {
        final byte[] material;
        volatile boolean used = true;

        Entry(byte[] material) {
            this.material = material;
        }
    }

    private final ConcurrentHashMap<VersionKey, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong epoch = new AtomicLong();
    private final Object sweeping = new Object();

    @PersistenceContext(unitName = "kms")
    private EntityManager em;

    @Inject
    private TokenGateway token;

    @Inject
    private KmsMetrics metrics;

    /** A copy of the material; the caller must zeroise it. */
    public byte[] material(UUID keyId, int version) {
        VersionKey key = new VersionKey(keyId, version);
        Entry hit = entries.get(key);
        if (hit != null) {
            byte[] copy = hit.material.clone();
            if (entries.get(key) == hit) {
                hit.used = true;
                metrics.cacheLookup(KmsMetrics.Cache.VERSION_MATERIAL, true);
                return copy;
            }
            Arrays.fill(copy, (byte) 0); // evicted while copying: perhaps zeroes; read it again
        }
        metrics.cacheLookup(KmsMetrics.Cache.VERSION_MATERIAL, false);
        long seen = epoch.get();
        CmkVersionEntity entity = em.find(CmkVersionEntity.class, new CmkVersionEntity.Id(keyId.toString(), version));
        if (entity == null) {
            // A blob naming a version that never existed: treated like any other foreign ciphertext.
            throw new KmsException(KmsErrorCode.CIPHERTEXT_INVALID, "The ciphertext is invalid");
        }
        if (entity.destroyed()) {
            throw KeyStateMachine.deleted();
        }
        byte[] material = token.unwrap(WrappedKey.decode(entity.wrappedMaterial()), materialPurpose(keyId, version));
        byte[] copy = material.clone();
        if (epoch.get() == seen) {
            Entry loaded = new Entry(material);
            Entry previous = entries.put(key, loaded);
            if (previous != null) {
                Arrays.fill(previous.material, (byte) 0);
            }
            if (epoch.get() != seen && entries.remove(key, loaded)) {
                Arrays.fill(material, (byte) 0); // invalidated while it was being put
            }
            if (entries.size() > MAX_ENTRIES) {
                sweep();
            }
        } else {
            Arrays.fill(material, (byte) 0);
        }
        return copy;
    }

    public void evict(UUID keyId) {
        epoch.incrementAndGet();
        for (VersionKey key : entries.keySet()) {
            if (key.keyId().equals(keyId)) {
                remove(key);
            }
        }
    }

    /** Evicts entries not used since the last sweep (and marks the others unused) until a tenth of the room is free. */
    private void sweep() {
        synchronized (sweeping) {
            int target = MAX_ENTRIES - MAX_ENTRIES / 10;
            while (entries.size() > target) {
                for (Map.Entry<VersionKey, Entry> e : entries.entrySet()) {
                    if (entries.size() <= target) {
                        return;
                    }
                    if (e.getValue().used) {
                        e.getValue().used = false;
                    } else {
                        remove(e.getKey());
                    }
                }
            }
        }
    }

    private void remove(VersionKey key) {
        Entry removed = entries.remove(key);
        if (removed != null) {
            Arrays.fill(removed.material, (byte) 0);
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
