package org.selfkms.datakey;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import org.selfkms.api.crypto.Ciphertext;
import org.selfkms.api.crypto.DataKey;
import org.selfkms.api.crypto.EnvelopeCrypto;
import org.selfkms.api.crypto.Plaintext;
import org.selfkms.api.datakey.DataKeyImport;
import org.selfkms.api.datakey.DataKeyMetadata;
import org.selfkms.api.datakey.DataKeyPage;
import org.selfkms.api.datakey.DataKeyQuery;
import org.selfkms.api.datakey.DataKeyQuota;
import org.selfkms.api.datakey.DataKeyState;
import org.selfkms.api.datakey.GeneratedDataKey;
import org.selfkms.api.datakey.HostedDataKeys;
import org.selfkms.api.datakey.NewDataKey;
import org.selfkms.api.error.KmsErrorCode;
import org.selfkms.api.error.KmsException;
import org.selfkms.api.identity.Caller;
import org.selfkms.api.identity.Permission;
import org.selfkms.api.key.KeyOperation;
import org.selfkms.api.key.KeyOrigin;
import org.selfkms.api.key.KeyRole;
import org.selfkms.api.key.KeyTag;
import org.selfkms.gate.RequestNotes;
import org.selfkms.identity.AuthorizationGuard;
import org.selfkms.identity.Requires;
import org.selfkms.key.CmkEntity;
import org.selfkms.key.KeyFinder;
import org.selfkms.key.KeyOwnership;
import org.selfkms.key.KeySchedule;
import org.selfkms.key.KeyStateMachine;
import org.selfkms.key.KeyTagRows;
import org.selfkms.key.KeyTags;
import org.selfkms.key.SearchPattern;
import org.selfkms.key.policy.KeyAccess;
import org.selfkms.key.policy.KeyPolicyRows;

import java.time.Clock;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Hosted data keys. The material is made, sealed and opened by {@link EnvelopeCrypto} under the root CMK, so the
 * root key's state, policy and service ownership decide every use exactly as for the caller's own blobs; this bean
 * keeps the data key's record and its own state. Each call is one transaction: a refused request changes nothing.
 * Requests are recorded under the data key's id (docs/architecture.md, "Hosted data keys").
 */
@Stateless
@Interceptors(AuthorizationGuard.class)
public class HostedDataKeysBean implements HostedDataKeys {

    @PersistenceContext(unitName = "kms")
    private EntityManager em;

    @EJB
    private EnvelopeCrypto envelopes;

    @Inject
    private KeyFinder keys;

    @Inject
    private Clock clock;

    @Override
    @Requires(Permission.USE_KEYS)
    public GeneratedDataKey generate(Caller caller, NewDataKey request) {
        String name = DataKeyRules.checkName(request.name());
        String description = DataKeyRules.checkDescription(request.description());
        KeyTags.check(request.tags());
        checkRoomFor(caller, name);
        DataKey dataKey = envelopes.generateDataKey(caller, request.keyRef(), request.numberOfBytes(), request.encryptionContext());
        try {
            DataKeyEntity entity = host(caller, dataKey.keyId(), name, description, dataKey.plaintext().length,
                    KeyOrigin.TENCENT_KMS, emptyToNull(request.encryptionContext()), dataKey.ciphertextBlob(), request.tags());
            return new GeneratedDataKey(metadata(entity), dataKey.plaintext(), dataKey.ciphertextBlob());
        } catch (RuntimeException e) {
            Arrays.fill(dataKey.plaintext(), (byte) 0);
            throw e;
        }
    }

    @Override
    @Requires(Permission.USE_KEYS)
    public DataKeyMetadata importDataKey(Caller caller, DataKeyImport request) {
        try {
            String name = DataKeyRules.checkName(request.name());
            String description = DataKeyRules.checkDescription(request.description());
            KeyTags.check(request.tags());
            checkRoomFor(caller, name);
            return metadata(request.plaintext() != null
                    ? importPlaintext(caller, request, name, description)
                    : importCiphertext(caller, request, name, description));
        } finally {
            request.erase();
        }
    }

    private DataKeyEntity importPlaintext(Caller caller, DataKeyImport request, String name, String description) {
        if (request.keyRef() == null || request.keyRef().isEmpty()) {
            throw new KmsException(KmsErrorCode.MISSING_PARAMETER, "KeyId is required to import a data key in plaintext");
        }
        int length = request.plaintext().length;
        if (length < 1 || length > EnvelopeCrypto.MAX_DATA_KEY_BYTES) {
            throw new KmsException(KmsErrorCode.PLAINTEXT_INVALID, "A data key is 1 to " + EnvelopeCrypto.MAX_DATA_KEY_BYTES + " bytes");
        }
        Ciphertext sealed = envelopes.encrypt(caller, request.keyRef(), request.plaintext(), null);
        return host(caller, sealed.keyId(), name, description, length, KeyOrigin.EXTERNAL, null, sealed.blob(), request.tags());
    }

    /**
     * A blob of GenerateDataKey, made without encryption context (ImportDataKey has no field to give one): it must
     * open for the caller, under the CMK named if one is, and that CMK must still take new data.
     */
    private DataKeyEntity importCiphertext(Caller caller, DataKeyImport request, String name, String description) {
        if (request.ciphertextBlob() == null || request.ciphertextBlob().isEmpty()) {
            throw new KmsException(KmsErrorCode.MISSING_PARAMETER, "ImportKeyMaterial is required");
        }
        Plaintext opened;
        try {
            opened = envelopes.decrypt(caller, request.ciphertextBlob(), null);
        } catch (KmsException e) {
            if (e.code() == KmsErrorCode.CIPHERTEXT_INVALID) {
                throw new KmsException(KmsErrorCode.DATA_KEY_MATERIAL_INVALID,
                        "ImportKeyMaterial is not a data key blob of this account made without encryption context");
            }
            throw e;
        }
        int length = opened.bytes().length;
        Arrays.fill(opened.bytes(), (byte) 0);
        CmkEntity root = keys.find(caller, opened.keyId());
        if (request.keyRef() != null && !request.keyRef().isEmpty() && !keys.find(caller, request.keyRef()).id().equals(root.id())) {
            throw new KmsException(KmsErrorCode.DATA_KEY_MATERIAL_INVALID, "ImportKeyMaterial was made under another key than KeyId");
        }
        KeyStateMachine.checkCanEncrypt(root.state());
        if (length > EnvelopeCrypto.MAX_DATA_KEY_BYTES) {
            throw new KmsException(KmsErrorCode.DATA_KEY_MATERIAL_INVALID, "A data key is at most " + EnvelopeCrypto.MAX_DATA_KEY_BYTES + " bytes");
        }
        return host(caller, root.id(), name, description, length, KeyOrigin.TENCENT_KMS, null, request.ciphertextBlob(), request.tags());
    }

    private DataKeyEntity host(Caller caller, String cmkId, String name, String description, int numberOfBytes,
                               KeyOrigin origin, String context, String blob, List<KeyTag> tags) {
        String owner = caller.isServicePrincipal() ? caller.service() : KeyOwnership.USER;
        DataKeyEntity entity = new DataKeyEntity(UUID.randomUUID().toString(), caller.tenantId(), cmkId, name, description,
                numberOfBytes, origin, owner, caller.accountUin(), clock.instant().getEpochSecond(), context, blob);
        em.persist(entity);
        tags.forEach(tag -> em.persist(new DataKeyTagEntity(entity.id(), tag.key(), tag.value())));
        try {
            em.flush();
        } catch (PersistenceException e) {
            // another request took the name between our check and our insert
            throw nameExists();
        }
        RequestNotes.keyResolved(entity.id());
        return entity;
    }

    private void checkRoomFor(Caller caller, String name) {
        checkQuota(caller);
        if (nameTaken(caller.tenantId(), name)) {
            throw nameExists();
        }
    }

    private void checkQuota(Caller caller) {
        if (counted(caller.tenantId()) >= DataKeyLimits.maxPerTenant()) {
            throw new KmsException(KmsErrorCode.DATA_KEY_LIMIT_EXCEEDED, "The tenant has reached its limit of hosted data keys");
        }
    }

    @Override
    @Requires(Permission.READ_KEYS)
    public DataKeyMetadata describe(Caller caller, String dataKeyId) {
        return metadata(findToDescribe(caller, dataKeyId));
    }

    @Override
    @Requires(Permission.READ_KEYS)
    public List<DataKeyMetadata> describe(Caller caller, List<String> dataKeyIds) {
        return DataKeyRules.checkBatch(dataKeyIds).stream().map(id -> metadata(findToDescribe(caller, id))).toList();
    }

    @Override
    @Requires(Permission.READ_KEYS)
    public DataKeyPage list(Caller caller, DataKeyQuery query) {
        if (query.offset() < 0 || query.limit() < 1 || query.limit() > MAX_PAGE) {
            throw new KmsException(KmsErrorCode.INVALID_PARAMETER_VALUE, "Offset must be >= 0 and Limit 1-" + MAX_PAGE);
        }
        Map<String, Object> parameters = new HashMap<>();
        StringBuilder where = new StringBuilder(" from DataKeyEntity d join CmkEntity c on c.id = d.cmkId where d.tenantId = :tenant");
        parameters.put("tenant", caller.tenantId());
        // first, as before any key is looked up: bad filters are refused whatever else the query names
        KeyTagRows.appendFilters(query.tagFilters(), "DataKeyTagEntity", "dataKeyId", "d.id", where, parameters);
        if (query.keyRef() != null && !query.keyRef().isEmpty()) {
            where.append(" and d.cmkId = :cmk");
            parameters.put("cmk", keys.find(caller, query.keyRef()).id());
        }
        if (query.state() != null) {
            where.append(" and d.state = :state");
            parameters.put("state", query.state());
        }
        if (query.origin() != null) {
            where.append(" and d.origin = :origin");
            parameters.put("origin", query.origin());
        }
        if (query.numberOfBytes() > 0) {
            where.append(" and d.numberOfBytes = :length");
            parameters.put("length", query.numberOfBytes());
        }
        if (query.role() != null) {
            where.append(query.role() == KeyRole.USER ? " and d.owner = :user" : " and d.owner <> :user");
            parameters.put("user", KeyOwnership.USER);
        }
        if (query.search() != null && !query.search().isBlank()) {
            where.append(" and (lower(d.name) like :search escape '!' or lower(d.id) like :search escape '!')");
            parameters.put("search", SearchPattern.contains(query.search()));
        }
        // a data key is seen by whoever may see its root CMK
        where.append(KeyPolicyRows.describableCondition(caller, parameters));
        String direction = query.ascending() ? " asc" : " desc";
        var page = em.createQuery("select d, c.alias" + where + " order by d.createdAt" + direction + ", d.id" + direction, Object[].class);
        var count = em.createQuery("select count(d)" + where, Long.class);
        parameters.forEach((name, value) -> {
            page.setParameter(name, value);
            count.setParameter(name, value);
        });
        List<Object[]> rows = page.setFirstResult(query.offset()).setMaxResults(query.limit()).getResultList();
        Map<String, List<KeyTag>> tags = tagsOf(rows.stream().map(row -> ((DataKeyEntity) row[0]).id()).toList());
        List<DataKeyMetadata> dataKeys = rows.stream().map(row -> {
            DataKeyEntity entity = (DataKeyEntity) row[0];
            return entity.toMetadata((String) row[1], tags.getOrDefault(entity.id(), List.of()));
        }).toList();
        return new DataKeyPage(dataKeys, count.getSingleResult());
    }

    @Override
    @Requires(Permission.MANAGE_KEYS)
    public void enable(Caller caller, List<String> dataKeyIds) {
        DataKeyRules.checkBatch(dataKeyIds).forEach(id -> {
            DataKeyEntity entity = find(caller, id);
            DataKeyRules.checkRootAllowsRevival(rootOf(caller, entity).state());
            apply(entity, DataKeyRules::enable);
        });
    }

    @Override
    @Requires(Permission.MANAGE_KEYS)
    public void disable(Caller caller, List<String> dataKeyIds) {
        DataKeyRules.checkBatch(dataKeyIds).forEach(id -> apply(find(caller, id), DataKeyRules::disable));
    }

    @Override
    @Requires(Permission.MANAGE_KEYS)
    public long scheduleDeletion(Caller caller, String dataKeyId, int pendingWindowInDays) {
        DataKeyRules.checkPendingWindow(pendingWindowInDays);
        DataKeyEntity entity = apply(find(caller, dataKeyId), DataKeyRules::scheduleDeletion);
        long deletionDate = KeySchedule.deletionDate(clock.instant().getEpochSecond(), pendingWindowInDays);
        entity.scheduleDeletion(deletionDate);
        return deletionDate;
    }

    @Override
    @Requires(Permission.MANAGE_KEYS)
    public void cancelDeletion(Caller caller, String dataKeyId) {
        DataKeyEntity entity = find(caller, dataKeyId);
        DataKeyRules.cancelDeletion(entity.state());
        DataKeyRules.checkRootAllowsRevival(rootOf(caller, entity).state());
        // data keys pending deletion do not count towards the quota: coming back must fit in it
        checkQuota(caller);
        apply(entity, DataKeyRules::cancelDeletion);
        entity.scheduleDeletion(0);
    }

    @Override
    @Requires(Permission.USE_KEYS)
    public String ciphertextBlob(Caller caller, String dataKeyId) {
        DataKeyEntity entity = find(caller, dataKeyId);
        DataKeyRules.checkCanGiveBlob(entity.state());
        return entity.ciphertextBlob();
    }

    @Override
    @Requires(Permission.USE_KEYS)
    public Plaintext plaintext(Caller caller, String dataKeyId) {
        DataKeyEntity entity = find(caller, dataKeyId);
        DataKeyRules.checkCanGiveMaterial(entity.state());
        Plaintext plaintext = envelopes.decrypt(caller, entity.ciphertextBlob(), entity.encryptionContext());
        // the decryption noted the root CMK; the request concerned the data key
        RequestNotes.keyResolved(entity.id());
        return plaintext;
    }

    @Override
    @Requires(Permission.MANAGE_KEYS)
    public void rename(Caller caller, String dataKeyId, String name) {
        String newName = DataKeyRules.checkName(name);
        DataKeyEntity entity = find(caller, dataKeyId);
        if (nameTaken(caller.tenantId(), newName)) {
            throw nameExists();
        }
        entity.rename(newName);
        try {
            em.flush();
        } catch (PersistenceException e) {
            throw nameExists();
        }
    }

    @Override
    @Requires(Permission.MANAGE_KEYS)
    public void updateDescription(Caller caller, String dataKeyId, String description) {
        String text = DataKeyRules.checkDescription(description);
        find(caller, dataKeyId).describe(text);
    }

    @Override
    @Requires(Permission.READ_KEYS)
    public DataKeyQuota quota(Caller caller) {
        long limit = DataKeyLimits.maxPerTenant();
        return new DataKeyQuota(limit > 0, counted(caller.tenantId()), limit);
    }

    private DataKeyEntity apply(DataKeyEntity entity, UnaryOperator<DataKeyState> rule) {
        entity.changeState(rule.apply(entity.state()));
        return entity;
    }

    /** The caller's data key; another tenant's is not found, exactly as an unknown one. */
    private DataKeyEntity find(Caller caller, String dataKeyId) {
        DataKeyEntity entity = em.find(DataKeyEntity.class, DataKeyRules.checkId(dataKeyId));
        if (entity == null || entity.tenantId() != caller.tenantId()) {
            throw DataKeyRules.notFound();
        }
        RequestNotes.keyResolved(entity.id());
        return entity;
    }

    /** The data key's root CMK; the request stays recorded under the data key, whose root this only consults. */
    private CmkEntity rootOf(Caller caller, DataKeyEntity entity) {
        CmkEntity root = keys.find(caller, entity.cmkId());
        RequestNotes.keyResolved(entity.id());
        return root;
    }

    /** As {@link #find}, and hidden like its root CMK from a caller whose policy may not see that key. */
    private DataKeyEntity findToDescribe(Caller caller, String dataKeyId) {
        DataKeyEntity entity = find(caller, dataKeyId);
        KeyAccess.check(caller, KeyPolicyRows.of(em, entity.cmkId()), KeyOperation.DESCRIBE, DataKeyRules::notFound);
        return entity;
    }

    private DataKeyMetadata metadata(DataKeyEntity entity) {
        CmkEntity root = em.find(CmkEntity.class, entity.cmkId());
        return entity.toMetadata(root.alias(), tagsOf(List.of(entity.id())).getOrDefault(entity.id(), List.of()));
    }

    private Map<String, List<KeyTag>> tagsOf(List<String> dataKeyIds) {
        Map<String, List<KeyTag>> tags = new HashMap<>();
        if (dataKeyIds.isEmpty()) {
            return tags;
        }
        em.createQuery("select t from DataKeyTagEntity t where t.dataKeyId in :ids order by t.tagKey", DataKeyTagEntity.class)
                .setParameter("ids", dataKeyIds).getResultStream()
                .forEach(t -> tags.computeIfAbsent(t.dataKeyId(), id -> new java.util.ArrayList<>()).add(new KeyTag(t.tagKey(), t.tagValue())));
        return tags;
    }

    /** Data keys pending deletion do not count. */
    private long counted(long tenantId) {
        return em.createQuery("select count(d) from DataKeyEntity d where d.tenantId = :tenant and d.state <> :pending", Long.class)
                .setParameter("tenant", tenantId).setParameter("pending", DataKeyState.PendingDelete).getSingleResult();
    }

    private boolean nameTaken(long tenantId, String name) {
        return em.createQuery("select count(d) from DataKeyEntity d where d.tenantId = :tenant and d.name = :name", Long.class)
                .setParameter("tenant", tenantId).setParameter("name", name).getSingleResult() > 0;
    }

    private static KmsException nameExists() {
        return new KmsException(KmsErrorCode.DATA_KEY_NAME_EXISTS, "A data key of that name exists");
    }

    private static String emptyToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }
}
