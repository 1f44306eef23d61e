package org.selfkms.key;

import org.selfkms.api.error.KmsErrorCode;
import org.selfkms.api.error.KmsException;
import org.selfkms.api.identity.Caller;

/**
 * Customer keys versus service-managed keys (reference section 5.1). A service-managed key is created by
 * an integrated service's first call for a tenant; the tenant may read, use and rotate it, but not disable,
 * delete, archive or rename it, because the service depends on it and could no longer decrypt its data.
 */
public final class KeyOwnership {

    /** The owner of every key a customer creates (Tencent's {@code Owner} value). */
    public static final String USER = "user";
    /** Reserved alias prefix: customers cannot create or rename keys into it. */
    public static final String MANAGED_ALIAS_PREFIX = "kms-";

    private KeyOwnership() {
    }

    public static boolean serviceManaged(String owner) {
        return owner != null && !owner.isEmpty() && !USER.equals(owner);
    }

    /** The one alias under which a service's managed key for a tenant lives. */
    public static String managedAlias(String service) {
        return MANAGED_ALIAS_PREFIX + service;
    }

    /** True when the reference names the managed key of the calling service principal (whether it exists yet or not). */
    public static boolean isOwnManagedAlias(Caller caller, KeyRef ref) {
        return caller.isServicePrincipal() && ref.isAlias() && ref.alias().equals(managedAlias(caller.service()));
    }

    /**
     * A service principal uses customer keys (a customer may point a service at one of its CMKs) and its own
     * service's managed key, never another service's: one integrated service must not read what another
     * sealed. Everyone else of the tenant may use every key.
     *
     * @throws KmsException {@code UNAUTHORIZED} for a service principal and another service's managed key
     */
    public static void checkServiceMayUse(Caller caller, String owner) {
        if (caller.isServicePrincipal() && serviceManaged(owner) && !owner.equals(caller.service())) {
            throw new KmsException(KmsErrorCode.UNAUTHORIZED,
                    "The key is managed by another service; service '" + caller.service() + "' may not use it");
        }
    }

    /** @throws KmsException {@code KEY_NOT_USER_CREATED} for a service-managed key */
    public static void checkUserCreated(String owner, String change) {
        if (serviceManaged(owner)) {
            throw new KmsException(KmsErrorCode.KEY_NOT_USER_CREATED,
                    "The key is managed by the service '" + owner + "' and cannot be " + change);
        }
    }
}
