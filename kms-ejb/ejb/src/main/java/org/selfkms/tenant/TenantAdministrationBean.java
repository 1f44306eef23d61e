package org.selfkms.tenant;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.selfkms.api.error.KmsErrorCode;
import org.selfkms.api.error.KmsException;
import org.selfkms.api.identity.Caller;
import org.selfkms.api.identity.Permission;
import org.selfkms.api.identity.Role;
import org.selfkms.api.tenant.TenantAdministration;
import org.selfkms.api.tenant.TenantInfo;
import org.selfkms.bootstrap.FirstStartBootstrap;
import org.selfkms.cluster.Invalidation;
import org.selfkms.cluster.Invalidations;
import org.selfkms.identity.AuthorizationGuard;
import org.selfkms.identity.NewUsers;
import org.selfkms.identity.Requires;

import java.time.Clock;
import java.util.List;

/** Tenants, for the platform operator; nothing here reads or changes anything inside a tenant but its first user. */
@Stateless
@Interceptors(AuthorizationGuard.class)
public class TenantAdministrationBean implements TenantAdministration {

    /** Account Uins count on from the first tenant's, as Tencent's look: 12 digits. */
    static final long ACCOUNT_UIN_BASE = FirstStartBootstrap.FIRST_ACCOUNT_UIN - FirstStartBootstrap.FIRST_TENANT_ID;

    @PersistenceContext(unitName = "kms")
    private EntityManager em;

    @Inject
    private Invalidations invalidations;

    @Inject
    private NewUsers newUsers;

    @Inject
    private Clock clock;

    @Override
    @Requires(Permission.OPERATE_PLATFORM)
    public List<TenantInfo> tenants(Caller caller) {
        return em.createQuery("select t from TenantEntity t order by t.id", TenantEntity.class).getResultStream()
                .map(TenantAdministrationBean::info).toList();
    }

    @Override
    @Requires(Permission.READ_KEYS)
    public TenantInfo ownTenant(Caller caller) {
        return info(em.find(TenantEntity.class, caller.tenantId()));
    }

    @Override
    @Requires(Permission.OPERATE_PLATFORM)
    public TenantInfo createTenant(Caller caller, String name, String adminUsername, char[] adminPassword) {
        if (name == null || name.isBlank() || name.length() > 128) {
            throw new KmsException(KmsErrorCode.INVALID_PARAMETER_VALUE, "A tenant name is 1 to 128 characters");
        }
        // two tenants of one name could not be told apart in the operator's list, nor in an audit record
        long sameName = em.createQuery("select count(t) from TenantEntity t where lower(t.name) = :name", Long.class)
                .setParameter("name", name.trim().toLowerCase(java.util.Locale.ROOT)).getSingleResult();
        if (sameName > 0) {
            throw new KmsException(KmsErrorCode.IDENTITY_EXISTS, "A tenant of this name exists");
        }
        long id = em.createQuery("select coalesce(max(t.id), 0) from TenantEntity t", Long.class).getSingleResult() + 1;
        long now = clock.instant().getEpochSecond();
        TenantEntity tenant = new TenantEntity(id, ACCOUNT_UIN_BASE + id, name.trim(), now);
        em.persist(tenant);
        // a concurrent creation that took the same id fails here on the primary key: nothing half-made stays
        em.flush();
        newUsers.create(id, adminUsername, Role.TENANT_ADMIN, adminPassword, now);
        return info(tenant);
    }

    @Override
    @Requires(Permission.OPERATE_PLATFORM)
    public void setSuspended(Caller caller, long tenantId, boolean suspended) {
        if (tenantId == FirstStartBootstrap.FIRST_TENANT_ID) {
            throw new KmsException(KmsErrorCode.INVALID_PARAMETER_VALUE, "The first tenant runs the installation and cannot be suspended");
        }
        TenantEntity tenant = em.find(TenantEntity.class, tenantId);
        if (tenant == null) {
            throw new KmsException(KmsErrorCode.TENANT_NOT_FOUND, "There is no such tenant");
        }
        tenant.setSuspended(suspended);
        invalidations.afterCompletion(Invalidation.tenants(tenantId));
    }

    private static TenantInfo info(TenantEntity tenant) {
        return new TenantInfo(tenant.id(), tenant.accountUin(), tenant.name(), tenant.suspended(), tenant.createdAt());
    }
}
