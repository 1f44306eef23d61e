package org.selfkms.key.lifecycle;

import jakarta.ejb.EJB;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.selfkms.api.audit.AuditEvent;
import org.selfkms.api.audit.AuditLog;
import org.selfkms.api.audit.AuditOutcome;
import org.selfkms.gate.RequestIds;
import org.selfkms.api.key.KeyState;
import org.selfkms.key.CmkEntity;

import java.util.List;

/**
 * What every job whose due time is a column of {@code kms_cmk} does alike: select the keys in one state
 * whose due time has passed (an index range scan, see V3__lifecycle_timers.sql), then for each key lock
 * its row, decide again under the lock with the pure rule of {@link org.selfkms.key.KeySchedule}, and work.
 */
abstract class DueKeyJob implements LifecycleJob {

    @PersistenceContext(unitName = "kms")
    private EntityManager em;

    @Inject
    private KeyRowLock rows;

    @EJB
    private AuditLog audit;

    private final String name;
    private final String auditAction;
    private final List<KeyState> dueStates;
    private final String dueTime;
    private final String furtherCondition;

    /**
     * @param auditAction      the action's name in the key owner's audit trail
     * @param dueStates        the states a key must be in to be due
     * @param dueTime          the entity attribute holding the due time (Unix seconds, 0 when none)
     * @param furtherCondition any further JPQL condition on {@code c}, starting with {@code and}, or empty
     */
    DueKeyJob(String name, String auditAction, List<KeyState> dueStates, String dueTime, String furtherCondition) {
        this.name = name;
        this.auditAction = auditAction;
        this.dueStates = List.copyOf(dueStates);
        this.dueTime = dueTime;
        this.furtherCondition = furtherCondition;
    }

    /** The record of work the timer did on a key: door timer, principal system. */
    static AuditEvent timerEvent(long tenantId, String action, String keyId) {
        return new AuditEvent(tenantId, AuditEvent.DOOR_TIMER, AuditEvent.SYSTEM, action, keyId,
                RequestIds.next(), null, AuditOutcome.ALLOWED, null);
    }

    /** The decision, on the locked row. */
    abstract boolean isDue(CmkEntity key, long now);

    /** The work, in the key's transaction. */
    abstract void work(CmkEntity key, long now);

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<String> dueKeys(long now, int limit) {
        String due = "c." + dueTime;
        return em.createQuery("select c.id from CmkEntity c where c.state in :states " + furtherCondition
                        + " and " + due + " > 0 and " + due + " <= :now order by " + due + ", c.id", String.class)
                .setParameter("states", dueStates).setParameter("now", now)
                .setMaxResults(limit).getResultList();
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean process(String keyId, long now) {
        return rows.lockIfFree(keyId)
                .filter(key -> isDue(key, now))
                .map(key -> {
                    work(key, now);
                    // Recorded before the commit: if the trail cannot take it, the work rolls back and the
                    // next sweep tries again - nothing happens to a key without a record of it.
                    audit.record(timerEvent(key.tenantId(), auditAction, key.id()));
                    return true;
                })
                .orElse(false);
    }
}
