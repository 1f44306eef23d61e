package org.selfkms.key.imports;

import org.selfkms.api.identity.Permission;
import org.selfkms.identity.AuthorizationGuard;
import org.selfkms.identity.Requires;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.selfkms.api.error.KmsErrorCode;
import org.selfkms.api.error.KmsException;
import org.selfkms.api.identity.Caller;
import org.selfkms.api.key.ImportParameters;
import org.selfkms.api.key.KeyImport;
import org.selfkms.api.key.KeyMetadata;
import org.selfkms.api.key.KeyOrigin;
import org.selfkms.hsm.TokenGateway;
import org.selfkms.key.CmkEntity;
import org.selfkms.key.KeyFinder;
import org.selfkms.key.KeyStateMachine;
import org.selfkms.key.binding.BoundKeys;
import org.selfkms.token.keypair.PublicKeys;
import org.selfkms.key.KeyVersions;
import org.selfkms.token.keypair.DecryptionAlgorithm;
import org.selfkms.token.keypair.KeyPairSpec;

import java.time.Clock;
import java.util.Arrays;
import java.util.UUID;

/**
 * BYOK (API reference, section 2.4). Each call runs in one JTA transaction and checks everything it can
 * before it touches the token, so a refused request leaves neither rows nor token objects behind. The
 * material passes through JVM memory once, between its decryption in the token and its wrapping (SOFTWARE)
 * or its import into the token (HSM), and is zeroised right after.
 */
@Stateless
@Interceptors(AuthorizationGuard.class)
public class KeyImportBean implements KeyImport {

    @PersistenceContext(unitName = "kms")
    private EntityManager em;

    @Inject
    private KeyFinder finder;

    @Inject
    private KeyVersions versions;

    @Inject
    private TokenGateway token;

    @Inject
    private MaterialFingerprint fingerprints;

    @Inject
    private Clock clock;

    @Override
    @Requires(Permission.MANAGE_KEYS)
    public ImportParameters getParametersForImport(Caller caller, String keyRef, String wrappingAlgorithm, String wrappingKeySpec) {
        CmkEntity key = external(caller, keyRef);
        ImportRules.checkWrapping(wrappingAlgorithm, wrappingKeySpec);
        // a token for a key that could not take material would only occupy the token
        KeyStateMachine.importMaterial(key.state());
        long now = clock.instant().getEpochSecond();
        ImportRules.checkOpenTokens(em.createQuery("select count(t) from ImportTokenEntity t where t.tenantId = :tenant"
                        + " and t.state = :issued and t.validTo > :now", Long.class)
                .setParameter("tenant", key.tenantId()).setParameter("issued", ImportTokenState.ISSUED)
                .setParameter("now", now).getSingleResult());
        String importToken = ImportRules.encodeToken(token.random(ImportRules.TOKEN_BYTES));
        String label = ImportRules.wrappingKeyLabel(UUID.randomUUID());
        byte[] publicKey = token.generateTokenKeyPair(label, KeyPairSpec.RSA_2048);
        long validTo = now + ImportRules.VALIDITY_SECONDS;
        em.persist(new ImportTokenEntity(ImportRules.hash(importToken), key.id(), key.tenantId(), wrappingAlgorithm,
                label, now, validTo));
        return new ImportParameters(key.id(), importToken, publicKey, PublicKeys.pem(publicKey), validTo);
    }

    @Override
    @Requires(Permission.MANAGE_KEYS)
    public KeyMetadata importKeyMaterial(Caller caller, String keyRef, String importToken, byte[] encryptedKeyMaterial, long validTo) {
        CmkEntity key = external(caller, keyRef);
        KeyStateMachine.importMaterial(key.state());
        long now = clock.instant().getEpochSecond();
        ImportRules.checkValidTo(validTo, now);
        if (importToken == null || importToken.isEmpty()) {
            throw new KmsException(KmsErrorCode.MISSING_PARAMETER, "ImportToken is required");
        }
        String tokenHash = ImportRules.hash(importToken);
        ImportTokenEntity issued = em.find(ImportTokenEntity.class, tokenHash);
        ImportRules.checkToken(issued, key.id(), now);
        byte[] material = token.decryptWithTokenKey(issued.wrappingKeyLabel(),
                DecryptionAlgorithm.valueOf(issued.wrappingAlgorithm()), encryptedKeyMaterial)
                .orElseThrow(() -> new KmsException(KmsErrorCode.MATERIAL_DECRYPT_FAILED,
                        "EncryptedKeyMaterial does not decrypt with this import token's public key and WrappingAlgorithm"));
        try {
            ImportRules.checkMaterial(material);
            String fingerprint = fingerprints.of(key.id(), material);
            if (key.materialFingerprint() != null && !MaterialFingerprint.matches(key.materialFingerprint(), fingerprint)) {
                throw new KmsException(KmsErrorCode.MATERIAL_NOT_MATCH,
                        "This key accepts only the key material imported first; its material can never be replaced");
            }
            consume(tokenHash);
            versions.putImported(key, material, now);
            key.materialImported(fingerprint, validTo);
            em.flush();
        } finally {
            Arrays.fill(material, (byte) 0);
        }
        // single use: gone once the import is in; were the commit to fail now, the token could not be retried
        // (refused as undecryptable), and the expiry sweep would mark its row
        token.destroyTokenKey(issued.wrappingKeyLabel());
        return key.toMetadata();
    }

    /** The token's one use; of two concurrent imports with one token, the second finds it used. */
    private void consume(String tokenHash) {
        int used = em.createQuery("update ImportTokenEntity t set t.state = :used where t.tokenHash = :hash and t.state = :issued")
                .setParameter("used", ImportTokenState.USED).setParameter("issued", ImportTokenState.ISSUED)
                .setParameter("hash", tokenHash).executeUpdate();
        if (used != 1) {
            throw new KmsException(KmsErrorCode.IMPORT_TOKEN_EXPIRED, "ImportToken was already used: call GetParametersForImport again");
        }
    }

    @Override
    @Requires(Permission.MANAGE_KEYS)
    public KeyMetadata deleteImportedKeyMaterial(Caller caller, String keyRef) {
        CmkEntity key = external(caller, keyRef);
        KeyStateMachine.deleteImportedMaterial(key.state());
        BoundKeys.checkUnbound(em, key.id(), "left without its imported key material");
        versions.destroyMaterial(key, CmkEntity::materialDeleted);
        return key.toMetadata();
    }

    private CmkEntity external(Caller caller, String keyRef) {
        CmkEntity key = finder.find(caller, keyRef);
        if (key.origin() != KeyOrigin.EXTERNAL) {
            throw new KmsException(KmsErrorCode.KEY_NOT_EXTERNAL, "The key's material was generated by the KMS: only keys created with Type 2 (EXTERNAL) take imported material");
        }
        return key;
    }
}
