package org.selfkms.hsm;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.selfkms.audit.AuditKeyEntity;
import org.selfkms.identity.ApiCredentialEntity;
import org.selfkms.key.CmkVersionEntity;
import org.selfkms.key.VersionMaterialCache;
import org.selfkms.token.WrappedKey;

import java.util.List;
import java.util.UUID;

/**
 * One step of a domain-key rotation: re-wraps a bounded batch of stored items under the active domain-key
 * version, in a transaction of its own. Progress lives in the rows themselves (the version prefix of each
 * wrapped value), so a crash loses at most one uncommitted batch and the next run picks up where it stopped.
 */
@Stateless
public class RewrapBatch {

    /** HSM-level versions are token objects, not wrapped values: rotation leaves them alone. */
    private static final String IN_TOKEN = VersionMaterialCache.TOKEN_KEY_REFERENCE + "%";

    @PersistenceContext(unitName = "kms")
    private EntityManager em;

    @Inject
    private TokenGateway token;

    /** @return how many items this batch re-wrapped (0 when nothing is left) */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int rewrap(int activeVersion, int batchSize) {
        String current = activeVersion + ":%";
        List<CmkVersionEntity> versions = em.createQuery(
                        "select v from CmkVersionEntity v where v.wrappedMaterial not like :current and v.wrappedMaterial not like :inToken", CmkVersionEntity.class)
                .setParameter("current", current).setParameter("inToken", IN_TOKEN).setMaxResults(batchSize).getResultList();
        for (CmkVersionEntity version : versions) {
            String purpose = VersionMaterialCache.materialPurpose(UUID.fromString(version.cmkId()), version.versionNo());
            version.rewrapTo(token.rewrap(WrappedKey.decode(version.wrappedMaterial()), purpose).encode());
        }
        int left = batchSize - versions.size();
        List<ApiCredentialEntity> credentials = left == 0 ? List.of() : em.createQuery(
                        "select c from ApiCredentialEntity c where c.wrappedSecret not like :current", ApiCredentialEntity.class)
                .setParameter("current", current).setMaxResults(left).getResultList();
        for (ApiCredentialEntity credential : credentials) {
            String purpose = ApiCredentialEntity.secretPurpose(credential.secretId());
            credential.rewrapTo(token.rewrap(WrappedKey.decode(credential.wrappedSecret()), purpose).encode());
        }
        left -= credentials.size();
        // The audit key too: left under a destroyed domain-key version, no chain could be verified or extended.
        List<AuditKeyEntity> auditKeys = left == 0 ? List.of() : em.createQuery(
                        "select k from AuditKeyEntity k where k.wrappedKey not like :current", AuditKeyEntity.class)
                .setParameter("current", current).setMaxResults(left).getResultList();
        for (AuditKeyEntity auditKey : auditKeys) {
            String purpose = AuditKeyEntity.purpose(auditKey.version());
            auditKey.rewrapTo(token.rewrap(WrappedKey.decode(auditKey.wrappedKey()), purpose).encode());
        }
        return versions.size() + credentials.size() + auditKeys.size();
    }

    /** Stored items not yet wrapped under {@code activeVersion}. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public long awaiting(int activeVersion) {
        String current = activeVersion + ":%";
        return em.createQuery("select count(v) from CmkVersionEntity v where v.wrappedMaterial not like :current "
                        + "and v.wrappedMaterial not like :inToken", Long.class)
                .setParameter("current", current).setParameter("inToken", IN_TOKEN).getSingleResult()
                + em.createQuery("select count(c) from ApiCredentialEntity c where c.wrappedSecret not like :current", Long.class)
                .setParameter("current", current).getSingleResult()
                + em.createQuery("select count(k) from AuditKeyEntity k where k.wrappedKey not like :current", Long.class)
                .setParameter("current", current).getSingleResult();
    }

    /** Whether any stored item still refers to {@code version}. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public boolean referenced(int version) {
        String prefix = version + ":%";
        return em.createQuery("select count(v) from CmkVersionEntity v where v.wrappedMaterial like :p", Long.class)
                .setParameter("p", prefix).getSingleResult() > 0
                || em.createQuery("select count(c) from ApiCredentialEntity c where c.wrappedSecret like :p", Long.class)
                .setParameter("p", prefix).getSingleResult() > 0
                || em.createQuery("select count(k) from AuditKeyEntity k where k.wrappedKey like :p", Long.class)
                .setParameter("p", prefix).getSingleResult() > 0;
    }
}
