package org.selfkms.key.binding;

import jakarta.persistence.EntityManager;
import org.selfkms.api.error.KmsErrorCode;
import org.selfkms.api.error.KmsException;

/**
 * The one rule bindings impose: a key a product's resource uses stays usable. Disabling, archiving, scheduling the
 * deletion of, or deleting the imported material of a bound key is refused until every binding is removed.
 */
public final class BoundKeys {

    private BoundKeys() {
    }

    /** @throws KmsException {@code KEY_IN_USE_BY_RESOURCE} if the key has a binding */
    public static void checkUnbound(EntityManager em, String keyId, String change) {
        Long bindings = em.createQuery("select count(b) from CloudResourceBindingEntity b where b.cmkId = :key", Long.class)
                .setParameter("key", keyId).getSingleResult();
        if (bindings > 0) {
            throw new KmsException(KmsErrorCode.KEY_IN_USE_BY_RESOURCE, "The key is used by " + bindings
                    + " cloud resource(s) (BindCloudResource) and cannot be " + change + " until they are unbound");
        }
    }
}
