package org.selfkms.key.policy;

import jakarta.persistence.EntityManager;
import org.selfkms.api.error.KmsErrorCode;
import org.selfkms.api.error.KmsException;
import org.selfkms.api.key.KeyPolicy;

/**
 * A policy may name only users, credentials and services of the key's own tenant that exist when it is set: a typo
 * would otherwise pass silently and grant nothing, and a name of another tenant can never match anyway. One that is
 * removed later simply matches nobody.
 */
public final class PolicyPrincipals {

    private PolicyPrincipals() {
    }

    /** @throws KmsException {@code INVALID_PARAMETER_VALUE} naming the first principal the tenant does not have */
    public static void checkExist(EntityManager em, long tenantId, KeyPolicy policy) {
        for (String principal : policy.namedIdentities()) {
            String name = principal.substring(principal.indexOf(':') + 1);
            boolean exists;
            if (principal.startsWith("user:")) {
                exists = count(em.createQuery("select count(u) from ConsoleUserEntity u where u.username = :name"
                        + " and u.tenantId = :tenant", Long.class).setParameter("name", name).setParameter("tenant", tenantId)
                        .getSingleResult());
            } else if (principal.startsWith("credential:")) {
                exists = count(em.createQuery("select count(c) from ApiCredentialEntity c where c.secretId = :name"
                        + " and c.tenantId = :tenant", Long.class).setParameter("name", name).setParameter("tenant", tenantId)
                        .getSingleResult());
            } else {
                exists = count(em.createQuery("select count(c) from ApiCredentialEntity c where c.service = :name"
                        + " and c.tenantId = :tenant", Long.class).setParameter("name", name).setParameter("tenant", tenantId)
                        .getSingleResult());
            }
            if (!exists) {
                throw new KmsException(KmsErrorCode.INVALID_PARAMETER_VALUE,
                        "The key policy names " + principal + ", which this tenant does not have");
            }
        }
    }

    private static boolean count(long rows) {
        return rows > 0;
    }
}
