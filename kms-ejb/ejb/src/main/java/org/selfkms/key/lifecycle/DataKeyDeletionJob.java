package org.selfkms.key.lifecycle;

import jakarta.ejb.EJB;
import jakarta.ejb.Local;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.selfkms.api.audit.AuditLog;
import org.selfkms.datakey.DataKeyDeletions;

import java.util.List;

/** Finishes a hosted data key's deletion once its pending window has ended. */
@Stateless
@Local(LifecycleJob.class)
public class DataKeyDeletionJob implements LifecycleJob {

    @Inject
    private DataKeyDeletions deletions;

    @EJB
    private AuditLog audit;

    @Override
    public String name() {
        return "data-key-deletion";
    }

    @Override
    public List<String> dueKeys(long now, int limit) {
        return deletions.due(now, limit);
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean process(String dataKeyId, long now) {
        var tenant = deletions.deleteIfDue(dataKeyId, now);
        // recorded before the commit, as every timer's work: no deletion without its record
        tenant.ifPresent(id -> audit.record(DueKeyJob.timerEvent(id, "FinishDataKeyDeletion", dataKeyId)));
        return tenant.isPresent();
    }
}
