package org.selfkms.key;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import org.selfkms.api.identity.Caller;
import org.selfkms.tenant.TenantEntity;

import java.util.List;

/**
 * Creates a service's managed key for a tenant on the service's first use of alias {@code kms-<service>}.
 * Race-safe: concurrent first calls serialise on the tenant row, so only the first creates the key and the
 * others find it; the unique (tenant, alias) constraint backs this up.
 */
@Stateless
public class ManagedKeyCreator {

    @PersistenceContext(unitName = "kms")
    private EntityManager em;

    @Inject
    private NewKeys newKeys;

    /**
     * In its own transaction, committed before the caller uses the key: the hot path that calls this has
     * none, and a loser of a race must not roll back anything but its own attempt.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void createIfAbsent(Caller service) {
        String alias = KeyOwnership.managedAlias(service.service());
        // Only a first use per (tenant, service) gets here, so locking the tenant row costs nothing in steady state.
        em.find(TenantEntity.class, service.tenantId(), LockModeType.PESSIMISTIC_WRITE);
        if (newKeys.aliasTaken(service.tenantId(), alias)) {
            return;
        }
        newKeys.create(service, alias, "Managed by " + service.service() + ": created on its first use of KMS",
                null, service.service(), List.of());
    }
}
