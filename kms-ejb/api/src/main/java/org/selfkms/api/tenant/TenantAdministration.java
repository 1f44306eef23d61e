package org.selfkms.api.tenant;

import jakarta.ejb.Local;
import org.selfkms.api.identity.Caller;

import java.util.List;

/**
 * The platform operator's work: tenants. A suspended tenant keeps its keys, but its users cannot log in and its
 * credentials are refused ({@code TENANT_SUSPENDED}) until it is resumed. The first tenant, which runs the
 * installation, cannot be suspended.
 */
@Local
public interface TenantAdministration {

    List<TenantInfo> tenants(Caller caller);

    /** The caller's own tenant: its account as key metadata names it (Tencent's AccountUin, AccountName). */
    TenantInfo ownTenant(Caller caller);

    /**
     * A new tenant with its first administrator (a TENANT_ADMIN console user), who then adds the tenant's other
     * users and credentials.
     *
     * @param adminPassword at least 12 characters; the caller zeroises it
     */
    TenantInfo createTenant(Caller caller, String name, String adminUsername, char[] adminPassword);

    void setSuspended(Caller caller, long tenantId, boolean suspended);
}
