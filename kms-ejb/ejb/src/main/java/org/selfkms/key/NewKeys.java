package org.selfkms.key;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import org.selfkms.api.error.KmsErrorCode;
import org.selfkms.api.error.KmsException;
import org.selfkms.api.identity.Caller;
import org.selfkms.api.key.KeyOrigin;
import org.selfkms.api.key.KeyState;
import org.selfkms.api.key.KeyTag;
import org.selfkms.api.key.KeyUsage;
import org.selfkms.api.key.ProtectionLevel;
import org.selfkms.asymmetric.KeyPairUsages;
import org.selfkms.gate.RequestNotes;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * Creates a CMK row with its first version and tags, in the caller's transaction: the one path for
 * customer keys (CreateKey) and service-managed keys (a service's first use). Checks the tenant's quota
 * and the alias; the caller has checked everything else.
 */
@ApplicationScoped
public class NewKeys {

    @PersistenceContext(unitName = "kms")
    private EntityManager em;

    @Inject
    private KeyVersions versions;

    @Inject
    private Clock clock;

    /** A key with material from the token. */
    CmkEntity create(Caller caller, String alias, String description, ProtectionLevel level, String owner, List<KeyTag> tags) {
        return create(caller, alias, description, KeyUsage.ENCRYPT_DECRYPT, level, KeyOrigin.TENCENT_KMS, owner, tags);
    }

    /**
     * An EXTERNAL key is created without material, in PendingImport: its first version comes with the owner's
     * first ImportKeyMaterial.
     *
     * @throws KmsException {@code KEY_LIMIT_EXCEEDED} or {@code ALIAS_EXISTS}
     */
    CmkEntity create(Caller caller, String alias, String description, KeyUsage usage, ProtectionLevel level,
                     KeyOrigin origin, String owner, List<KeyTag> tags) {
        if (keysCounted(caller.tenantId()) >= KeyLimits.maxKeysPerTenant()) {
            throw new KmsException(KmsErrorCode.KEY_LIMIT_EXCEEDED, "The tenant has reached its limit of keys");
        }
        if (aliasTaken(caller.tenantId(), alias)) {
            throw aliasExists();
        }
        String id = UUID.randomUUID().toString();
        long now = clock.instant().getEpochSecond();
        ProtectionLevel chosen = level != null ? level : KeyLimits.defaultProtectionLevel();
        KeyPairUsages.checkCreatable(usage, chosen);
        boolean external = origin == KeyOrigin.EXTERNAL;
        CmkEntity key = new CmkEntity(id, caller.tenantId(), alias, description, usage,
                external ? KeyState.PendingImport : KeyState.Enabled, origin, chosen, owner, caller.accountUin(), now);
        em.persist(key);
        if (!external) {
            versions.addFirst(key, now);
        }
        KeyTagRows.put(em, id, tags);
        try {
            em.flush();
        } catch (PersistenceException e) {
            // Another request took the alias between our check and our insert.
            throw aliasExists();
        }
        RequestNotes.keyResolved(id);
        return key;
    }

    /** The keys that count against the tenant's quota: a deleted key's tombstone does not. */
    long keysCounted(long tenantId) {
        return em.createQuery("select count(c) from CmkEntity c where c.tenantId = :tenant and c.state <> :deleted", Long.class)
                .setParameter("tenant", tenantId).setParameter("deleted", KeyState.Deleted).getSingleResult();
    }

    boolean aliasTaken(long tenantId, String alias) {
        return em.createQuery("select count(c) from CmkEntity c where c.tenantId = :tenant and c.alias = :alias", Long.class)
                .setParameter("tenant", tenantId).setParameter("alias", alias).getSingleResult() > 0;
    }

    static KmsException aliasExists() {
        return new KmsException(KmsErrorCode.ALIAS_EXISTS, "The alias is already in use");
    }
}
