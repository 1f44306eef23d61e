package org.selfkms.key;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.selfkms.api.error.KmsErrorCode;
import org.selfkms.api.error.KmsException;
import org.selfkms.api.identity.Caller;
import org.selfkms.api.key.KeyState;
import org.selfkms.gate.RequestNotes;

/**
 * Finds a caller's key for a control-plane change: in the database, not the hot path's cache, so the change
 * sees the latest committed state. Another tenant's key is not found, exactly as an unknown one.
 */
@ApplicationScoped
public class KeyFinder {

    @PersistenceContext(unitName = "kms")
    private EntityManager em;

    /** @throws KmsException {@code KEY_ID_INVALID}, {@code KEY_NOT_FOUND} (also for a deleted key) */
    public CmkEntity find(Caller caller, String keyRef) {
        KeyRef ref = KeyRef.parse(keyRef);
        CmkEntity key;
        if (ref.isAlias()) {
            key = em.createQuery("select c from CmkEntity c where c.tenantId = :tenant and c.alias = :alias", CmkEntity.class)
                    .setParameter("tenant", caller.tenantId()).setParameter("alias", ref.alias())
                    .getResultStream().findFirst().orElse(null);
        } else {
            key = em.find(CmkEntity.class, ref.keyId().toString());
        }
        if (key == null || key.tenantId() != caller.tenantId()) {
            throw new KmsException(KmsErrorCode.KEY_NOT_FOUND, "The key does not exist");
        }
        // the caller's key, deleted or not: the request concerned it, and is recorded under its id
        RequestNotes.keyResolved(key.id());
        if (key.state() == KeyState.Deleted) {
            throw KeyStateMachine.deleted();
        }
        return key;
    }
}
