package org.selfkms.key;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.selfkms.api.key.ProtectionLevel;
import org.selfkms.asymmetric.KeyPairUsages;
import org.selfkms.cluster.Invalidation;
import org.selfkms.cluster.Invalidations;
import org.selfkms.hsm.TokenGateway;
import org.selfkms.token.keypair.KeyPairSpec;
import org.selfkms.token.keypair.WrappedKeyPair;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Creates, adds and destroys the versions of a CMK's material: the one code path for CreateKey, on-demand
 * RotateKey, automatic rotation and the end of a deletion. Runs in the caller's transaction.
 */
@ApplicationScoped
public class KeyVersions {

    static final int MATERIAL_LENGTH = 32;

    @PersistenceContext(unitName = "kms")
    private EntityManager em;

    @Inject
    private TokenGateway token;

    @Inject
    private Invalidations invalidations;

    /** Version 1 of a key being created: secret material, or for an asymmetric usage a key pair. */
    public void addFirst(CmkEntity key, long now) {
        UUID id = UUID.fromString(key.id());
        Optional<KeyPairSpec> pair = KeyPairUsages.spec(key.usage());
        String stored = pair.isPresent() ? newKeyPair(key, id, pair.get()) : newMaterial(id, 1, key.protectionLevel());
        em.persist(new CmkVersionEntity(key.id(), 1, stored, now));
    }

    /**
     * HSM: the pair is generated in the token and stays there; the row names it. SOFTWARE: the token generates
     * it and hands back the private key wrapped (PKCS#8 inside), which the row keeps like symmetric material.
     * Key pairs never rotate, so theirs is always version 1; the public key goes on the key itself.
     */
    private String newKeyPair(CmkEntity key, UUID id, KeyPairSpec spec) {
        if (key.protectionLevel() == ProtectionLevel.HSM) {
            String label = VersionMaterialCache.tokenKeyLabel(id, 1);
            key.setPublicKey(token.generateTokenKeyPair(label, spec));
            return VersionMaterialCache.TOKEN_KEY_REFERENCE + label;
        }
        WrappedKeyPair generated = token.generateWrappedKeyPair(spec, VersionMaterialCache.materialPurpose(id, 1));
        key.setPublicKey(generated.publicKey());
        return generated.privateKey().encode();
    }

    /** Rotation: a new version encrypts from now on; every older one keeps decrypting. */
    public void rotate(CmkEntity key, long now) {
        UUID id = UUID.fromString(key.id());
        int version = key.advanceVersion(now);
        em.persist(new CmkVersionEntity(key.id(), version, newMaterial(id, version, key.protectionLevel()), now));
        invalidations.afterCompletion(Invalidation.key(id));
    }

    /**
     * The end of a deletion: every version's material is destroyed (token keys of the HSM level in the
     * token, wrapped material removed from its row) and the key becomes a tombstone.
     */
    public void destroyAll(CmkEntity key) {
        destroyMaterial(key, CmkEntity::markDeleted);
    }

    /**
     * Every version's material is destroyed and {@code stateChange} applied to the key: the end of a deletion,
     * DeleteImportedKeyMaterial, the expiry of imported material. The rows are flushed before the token keys go, so that a database refusal leaves the token untouched;
     * destroying a token key that is already gone (a retry after a failed commit) is harmless.
     */
    public void destroyMaterial(CmkEntity key, Consumer<CmkEntity> stateChange) {
        UUID id = UUID.fromString(key.id());
        List<CmkVersionEntity> versions = em.createQuery(
                        "select v from CmkVersionEntity v where v.cmkId = :id order by v.versionNo", CmkVersionEntity.class)
                .setParameter("id", key.id()).getResultList();
        versions.forEach(CmkVersionEntity::destroyMaterial);
        stateChange.accept(key);
        invalidations.afterCompletion(Invalidation.keyMaterial(id));
        em.flush();
        if (key.protectionLevel() == ProtectionLevel.HSM) {
            versions.forEach(v -> token.destroyTokenKey(VersionMaterialCache.tokenKeyLabel(id, v.versionNo())));
        }
    }

    /** Whether any version still has its material (false for a key waiting for imported material). */
    public boolean hasMaterial(CmkEntity key) {
        return em.createQuery("select count(v) from CmkVersionEntity v where v.cmkId = :id and v.wrappedMaterial is not null", Long.class)
                .setParameter("id", key.id()).getSingleResult() > 0;
    }

    /**
     * Imported material becomes version 1 of an EXTERNAL key (which never rotates), or comes back to it after
     * a deletion or expiry. The caller has checked that it is the key's material; if the version still has
     * it, nothing changes. SOFTWARE: stored wrapped like generated material. HSM: put into the token as a
     * sensitive, non-extractable token key, used like a generated one.
     */
    public void putImported(CmkEntity key, byte[] material, long now) {
        UUID id = UUID.fromString(key.id());
        CmkVersionEntity version = em.find(CmkVersionEntity.class, new CmkVersionEntity.Id(key.id(), 1));
        if (version != null && !version.destroyed()) {
            return;
        }
        String stored;
        if (key.protectionLevel() == ProtectionLevel.HSM) {
            String label = VersionMaterialCache.tokenKeyLabel(id, 1);
            // a leftover of an import whose commit failed would block the label; it holds the same material
            token.destroyTokenKey(label);
            token.importTokenKey(label, material);
            stored = VersionMaterialCache.TOKEN_KEY_REFERENCE + label;
        } else {
            stored = token.wrap(material, VersionMaterialCache.materialPurpose(id, 1)).encode();
        }
        if (version == null) {
            em.persist(new CmkVersionEntity(key.id(), 1, stored, now));
        } else {
            version.rewrapTo(stored);
        }
        invalidations.afterCompletion(Invalidation.keyMaterial(id));
    }

    /**
     * SOFTWARE: material from the token's RNG, stored wrapped. HSM: a key generated in the token and kept
     * there; the row only names it. Either way it exists in the token before the row commits.
     */
    private String newMaterial(UUID id, int version, ProtectionLevel level) {
        if (level == ProtectionLevel.HSM) {
            String label = VersionMaterialCache.tokenKeyLabel(id, version);
            token.generateTokenKey(label);
            return VersionMaterialCache.TOKEN_KEY_REFERENCE + label;
        }
        return token.generateWrapped(MATERIAL_LENGTH, VersionMaterialCache.materialPurpose(id, version)).encode();
    }
}
