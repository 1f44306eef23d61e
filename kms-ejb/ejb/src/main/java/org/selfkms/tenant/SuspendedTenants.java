package org.selfkms.tenant;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.selfkms.api.error.KmsErrorCode;
import org.selfkms.api.error.KmsException;
import org.selfkms.api.identity.AuthenticationFailedException;
import org.selfkms.api.identity.Caller;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which tenants are suspended, in memory: every authentication and every guarded service call asks, so it must
 * cost nothing. Read from the database on first use; a suspension or resumption takes effect when it commits.
 */
@ApplicationScoped
public class SuspendedTenants {

    private volatile Set<Long> suspended;

    @PersistenceContext(unitName = "kms")
    private EntityManager em;

    @Resource
    private TransactionSynchronizationRegistry transactions;

    public static final String MESSAGE = "The account is suspended by the platform operator";

    public boolean isSuspended(long tenantId) {
        return suspended().contains(tenantId);
    }

    /**
     * At authentication (both API doors, console login): refused as an authentication failure, so that the audit
     * record names the caller whose tenant is suspended.
     *
     * @throws AuthenticationFailedException {@code TENANT_SUSPENDED}
     */
    public void admit(Caller caller) {
        if (isSuspended(caller.tenantId())) {
            throw new AuthenticationFailedException(KmsErrorCode.TENANT_SUSPENDED, MESSAGE, caller);
        }
    }

    /** @throws KmsException {@code TENANT_SUSPENDED} */
    public void check(long tenantId) {
        if (isSuspended(tenantId)) {
            throw new KmsException(KmsErrorCode.TENANT_SUSPENDED, MESSAGE);
        }
    }

    /** Applies the change once the caller's transaction commits. */
    void changeAfterCommit(long tenantId, boolean isSuspended) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    if (isSuspended) {
                        suspended().add(tenantId);
                    } else {
                        suspended().remove(tenantId);
                    }
                }
            }
        });
    }

    private Set<Long> suspended() {
        Set<Long> current = suspended;
        if (current == null) {
            synchronized (this) {
                if (suspended == null) {
                    Set<Long> loaded = ConcurrentHashMap.newKeySet();
                    loaded.addAll(em.createQuery("select t.id from TenantEntity t where t.suspended = true", Long.class).getResultList());
                    suspended = loaded;
                }
                current = suspended;
            }
        }
        return current;
    }
}
