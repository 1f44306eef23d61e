package org.selfkms.key;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.selfkms.api.error.KmsErrorCode;
import org.selfkms.api.error.KmsException;
import org.selfkms.api.metrics.KmsMetrics;
import org.selfkms.gate.RequestNotes;
import org.selfkms.key.policy.KeyPolicyRows;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Finds CMKs for the hot path, from memory once warm. Each entry belongs to one tenant: a lookup with
 * another tenant's id misses exactly as an unknown key does.
 *
 * <p>Staleness guard: every change bumps an epoch before its commit and again after it; a loader only
 * caches what it read if the epoch did not move meanwhile. So a reader that saw the old row while a change
 * was committing can never re-insert it after the change's invalidation. Changes invalidate through
 * {@link org.selfkms.cluster.Invalidations}, which reaches this directory on every node.
 */
@ApplicationScoped
public class KeyDirectory {

    private static final int MAX_ENTRIES = 100_000;

    private record IdKey(long tenantId, UUID id) { }

    private record AliasKey(long tenantId, String alias) { }

    private final Map<IdKey, CachedKey> byId = new ConcurrentHashMap<>();
    private final Map<AliasKey, UUID> byAlias = new ConcurrentHashMap<>();
    private final AtomicLong epoch = new AtomicLong();

    @PersistenceContext(unitName = "kms")
    private EntityManager em;

    @Inject
    private KmsMetrics metrics;

    /** @throws KmsException {@code KEY_NOT_FOUND} when the tenant has no such key */
    public CachedKey resolve(long tenantId, KeyRef ref) {
        return find(tenantId, ref).orElseThrow(KeyDirectory::notFound);
    }

    /** Empty when the tenant has no such key. */
    public Optional<CachedKey> find(long tenantId, KeyRef ref) {
        return ref.isAlias() ? byAlias(tenantId, ref.alias()) : byId(tenantId, ref.keyId());
    }

    public static KmsException notFound() {
        return new KmsException(KmsErrorCode.KEY_NOT_FOUND, "The key does not exist");
    }

    public Optional<CachedKey> byId(long tenantId, UUID id) {
        return noted(lookUp(tenantId, id));
    }

    public Optional<CachedKey> byAlias(long tenantId, String alias) {
        return noted(lookUp(tenantId, alias));
    }

    /** The request's audit record names the key found, by id, however the request named it. */
    private static Optional<CachedKey> noted(Optional<CachedKey> found) {
        if (found.isPresent()) {
            RequestNotes.keyResolved(found.get().id());
        }
        return found;
    }

    private Optional<CachedKey> lookUp(long tenantId, UUID id) {
        CachedKey hit = byId.get(new IdKey(tenantId, id));
        metrics.cacheLookup(KmsMetrics.Cache.KEYS, hit != null);
        if (hit != null) {
            return Optional.of(hit);
        }
        long seen = epoch.get();
        CmkEntity entity = em.find(CmkEntity.class, id.toString());
        if (entity == null || entity.tenantId() != tenantId) {
            return Optional.empty();
        }
        return Optional.of(remember(CachedKey.of(entity, KeyPolicyRows.of(em, entity.id())), seen));
    }

    private Optional<CachedKey> lookUp(long tenantId, String alias) {
        UUID id = byAlias.get(new AliasKey(tenantId, alias));
        if (id != null) {
            Optional<CachedKey> key = lookUp(tenantId, id);
            if (key.isPresent() && key.get().alias().equals(alias)) {
                return key;
            }
        }
        long seen = epoch.get();
        List<CmkEntity> found = em.createQuery(
                        "select c from CmkEntity c where c.tenantId = :tenant and c.alias = :alias", CmkEntity.class)
                .setParameter("tenant", tenantId).setParameter("alias", alias).getResultList();
        return found.stream().findFirst().map(e -> remember(CachedKey.of(e, KeyPolicyRows.of(em, e.id())), seen));
    }

    public void invalidate(UUID id) {
        epoch.incrementAndGet();
        byId.keySet().removeIf(k -> k.id().equals(id));
        byAlias.values().removeIf(id::equals);
    }

    private CachedKey remember(CachedKey key, long seenEpoch) {
        if (byId.size() >= MAX_ENTRIES) {
            byId.clear();
            byAlias.clear();
        }
        if (epoch.get() == seenEpoch) {
            byId.put(new IdKey(key.tenantId(), key.id()), key);
            byAlias.put(new AliasKey(key.tenantId(), key.alias()), key.id());
        }
        return key;
    }
}
