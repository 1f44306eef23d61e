package org.selfkms.key.lifecycle;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.selfkms.key.CmkEntity;

import java.util.Optional;

/**
 * The row lock that makes the lifecycle work happen once per cluster: every node sweeps, but a key's row
 * can be held by one transaction only, and {@code SKIP LOCKED} lets the other nodes pass over it instead
 * of waiting and doing the work a second time. The same SQL runs on H2 2.x and PostgreSQL 15+.
 */
@ApplicationScoped
public class KeyRowLock {

    @PersistenceContext(unitName = "kms")
    private EntityManager em;

    /** The key, locked until the current transaction ends; empty if another transaction holds it or it is gone. */
    public Optional<CmkEntity> lockIfFree(String keyId) {
        boolean locked = !em.createNativeQuery("SELECT id FROM kms_cmk WHERE id = ?1 FOR UPDATE SKIP LOCKED")
                .setParameter(1, keyId).getResultList().isEmpty();
        // Loaded after the lock, so it shows every change committed before the lock was taken.
        return locked ? Optional.ofNullable(em.find(CmkEntity.class, keyId)) : Optional.empty();
    }
}
