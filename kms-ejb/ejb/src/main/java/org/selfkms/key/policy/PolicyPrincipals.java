package org.selfkms.key.policy;

import jakarta.persistence.EntityManager;
import org.selfkms.api.error.KmsErrorCode;
import org.selfkms.api.error.KmsException;
import org.selfkms.api.key.KeyPolicy;

/**
 * A policy may name only users, credentials and services of the key's own tenant that exist when it is set: a typo
 * would otherwise pass silently and grant nothing, and a name of another tenant can never match anyway. One that is
 * removed later matches nobody - and since a user name could be given again, a new user may not take a name that the
 * tenant's policies still hold (SecretIds are random and never reused; a service's name is that service's).
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

    /**
     * @throws KmsException {@code IDENTITY_EXISTS} when a key policy of the tenant still names the user, who would
     *                      otherwise inherit what the policy says of a deleted user of that name
     */
    public static void checkUserNameFree(EntityManager em, long tenantId, String username) {
        long naming = em.createQuery("select count(e) from KeyPolicyEntryEntity e, CmkEntity c where e.cmkId = c.id"
                        + " and c.tenantId = :tenant and e.principal = :principal", Long.class)
                .setParameter("tenant", tenantId).setParameter("principal", "user:" + username).getSingleResult();
        if (naming > 0) {
            throw new KmsException(KmsErrorCode.IDENTITY_EXISTS, "Key policies of this tenant still name user:" + username
                    + " (a deleted user): remove it from them before giving the name to a new user");
        }
    }

    private static boolean count(long rows) {
        return rows > 0;
    }
}
