package org.selfkms.tenant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.selfkms.api.error.KmsErrorCode;
import org.selfkms.api.error.KmsException;
import org.selfkms.api.identity.AuthenticationFailedException;
import org.selfkms.api.identity.Caller;

import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Which tenants are suspended, in memory: every authentication and every guarded service call asks, so it must
 * cost nothing. Read from the database on first use and again after each suspension or resumption, on every node
 * (see {@link #invalidate}): it takes effect when it commits.
 */
@ApplicationScoped
public class SuspendedTenants {

    private volatile Set<Long> suspended;
    private final AtomicLong epoch = new AtomicLong();

    @PersistenceContext(unitName = "kms")
    private EntityManager em;

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

    /**
     * Forgets the set; the next question reads it again. Called through {@link org.selfkms.cluster.Invalidations}
     * on every node, before and after a suspension or resumption commits.
     */
    public void invalidate() {
        epoch.incrementAndGet();
        suspended = null;
    }

    private Set<Long> suspended() {
        Set<Long> current = suspended;
        if (current == null) {
            synchronized (this) {
                current = suspended;
                if (current == null) {
                    long seen = epoch.get();
                    current = Set.copyOf(em.createQuery("select t.id from TenantEntity t where t.suspended = true", Long.class)
                            .getResultList());
                    // an invalidation while reading: answer from what was read, but do not keep it
                    if (epoch.get() == seen) {
                        suspended = current;
                    }
                }
            }
        }
        return current;
    }
}
