package org.selfkms.datakey;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.selfkms.api.datakey.DataKeyState;

import java.util.List;
import java.util.OptionalLong;

/**
 * The end of hosted data keys: when their pending window has passed, and with their root CMK. A deleted data key
 * leaves nothing behind: its blob and tags go with its row (the audit trail keeps its id).
 */
@ApplicationScoped
public class DataKeyDeletions {

    @PersistenceContext(unitName = "kms")
    private EntityManager em;

    /** Ids of data keys whose deletion date has passed, most overdue first: a plain read, no locks. */
    public List<String> due(long now, int limit) {
        return em.createQuery("select d.id from DataKeyEntity d where d.state = :pending and d.deletionDate > 0"
                        + " and d.deletionDate <= :now order by d.deletionDate, d.id", String.class)
                .setParameter("pending", DataKeyState.PendingDelete).setParameter("now", now)
                .setMaxResults(limit).getResultList();
    }

    /**
     * Deletes the data key if, under its row lock, it is still due (a cancel may have won); skips it if another
     * node holds the lock. Must run in a transaction.
     *
     * @return the data key's tenant if it was deleted
     */
    public OptionalLong deleteIfDue(String dataKeyId, long now) {
        boolean locked = !em.createNativeQuery("SELECT id FROM kms_data_key WHERE id = ?1 FOR UPDATE SKIP LOCKED")
                .setParameter(1, dataKeyId).getResultList().isEmpty();
        DataKeyEntity entity = locked ? em.find(DataKeyEntity.class, dataKeyId) : null;
        if (entity == null || entity.state() != DataKeyState.PendingDelete || entity.deletionDate() == 0
                || entity.deletionDate() > now) {
            return OptionalLong.empty();
        }
        remove(List.of(dataKeyId));
        return OptionalLong.of(entity.tenantId());
    }

    /** Every data key of a CMK whose material is being destroyed: they could never be opened again. */
    public int deleteAllOf(String cmkId) {
        List<String> ids = em.createQuery("select d.id from DataKeyEntity d where d.cmkId = :cmk", String.class)
                .setParameter("cmk", cmkId).getResultList();
        if (!ids.isEmpty()) {
            remove(ids);
        }
        return ids.size();
    }

    private void remove(List<String> ids) {
        em.createQuery("delete from DataKeyTagEntity t where t.dataKeyId in :ids").setParameter("ids", ids).executeUpdate();
        em.createQuery("delete from DataKeyEntity d where d.id in :ids").setParameter("ids", ids).executeUpdate();
    }
}
