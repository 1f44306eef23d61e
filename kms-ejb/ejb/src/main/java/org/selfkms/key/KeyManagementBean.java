package org.selfkms.key;

import org.selfkms.api.identity.Permission;
import org.selfkms.identity.AuthorizationGuard;
import org.selfkms.identity.Requires;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import org.selfkms.api.error.KmsErrorCode;
import org.selfkms.api.error.KmsException;
import org.selfkms.api.identity.Caller;
import org.selfkms.api.key.KeyManagement;
import org.selfkms.api.key.KeyMetadata;
import org.selfkms.api.key.KeyOrigin;
import org.selfkms.api.key.KeyPage;
import org.selfkms.api.key.KeyQuery;
import org.selfkms.api.key.KeySort;
import org.selfkms.api.key.KeyStatistics;
import org.selfkms.api.key.KeyRole;
import org.selfkms.api.key.KeyState;
import org.selfkms.api.key.KeyUsage;
import org.selfkms.api.key.NewKey;
import org.selfkms.api.key.KeyTag;
import org.selfkms.api.key.KeyOperation;
import org.selfkms.api.key.KeyPolicy;
import org.selfkms.key.policy.KeyAccess;
import org.selfkms.key.policy.KeyPolicyRows;
import org.selfkms.key.policy.PolicyPrincipals;
import org.selfkms.api.key.KeyVersionInfo;
import org.selfkms.api.key.KeyQuota;
import org.selfkms.api.key.SupportedAlgorithms;
import org.selfkms.asymmetric.KeyPairUsages;
import org.selfkms.cluster.Invalidation;
import org.selfkms.key.binding.BoundKeys;
import org.selfkms.cluster.Invalidations;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Control-plane operations on CMKs. Each runs in one JTA transaction: a refused request changes nothing.
 * Who may call what is {@link Requires}' business, checked by {@link AuthorizationGuard}; service-managed keys
 * refuse the changes {@link KeyOwnership} names.
 */
@Stateless
@Interceptors(AuthorizationGuard.class)
public class KeyManagementBean implements KeyManagement {

    static final int MAX_DESCRIPTION_BYTES = 1024;
    static final int MAX_PAGE = 200;
    static final int MAX_BATCH = 100;
    static final int MIN_PENDING_DAYS = 7;
    static final int MAX_PENDING_DAYS = 30;
    static final int MIN_ROTATE_DAYS = 7;
    static final int MAX_ROTATE_DAYS = 365;
    private static final List<KeyState> LISTED_STATES = List.of(KeyState.Enabled, KeyState.Disabled, KeyState.PendingImport);

    @PersistenceContext(unitName = "kms")
    private EntityManager em;

    @Inject
    private KeyVersions versions;

    @Inject
    private NewKeys newKeys;

    @Inject
    private KeyFinder finder;

    @Inject
    private Invalidations invalidations;

    @Inject
    private Clock clock;

    @Override
    @Requires(Permission.MANAGE_KEYS)
    public KeyMetadata createKey(Caller caller, NewKey request) {
        KeyRef.checkNewAlias(request.alias());
        String description = checkedDescription(request.description());
        // before anything reaches the token: a refused request must not leave a token key behind
        KeyTags.check(request.tags());
        PolicyPrincipals.checkExist(em, caller.tenantId(), request.policy());
        KeyUsage usage = request.usage() == null ? KeyUsage.ENCRYPT_DECRYPT : request.usage();
        KeyOrigin origin = request.origin() == null ? KeyOrigin.TENCENT_KMS : request.origin();
        if (origin == KeyOrigin.EXTERNAL && usage.isAsymmetric()) {
            throw new KmsException(KmsErrorCode.KEY_USAGE_INVALID, "Only ENCRYPT_DECRYPT keys take imported key material");
        }
        if (request.rotateDays() != 0) {
            checkRotateDays(request.rotateDays());
            checkRotatable(usage, origin);
        }
        CmkEntity key = newKeys.create(caller, request.alias(), description, usage, request.protectionLevel(), origin,
                KeyOwnership.USER, request.tags());
        KeyPolicyRows.replace(em, key.id(), request.policy());
        if (request.rotateDays() != 0) {
            key.enableRotation(request.rotateDays(), clock.instant().getEpochSecond());
        }
        return key.toMetadata();
    }

    @Override
    @Requires(Permission.READ_KEYS)
    public KeyMetadata describeKey(Caller caller, String keyRef) {
        return findToDescribe(caller, keyRef).toMetadata();
    }

    @Override
    @Requires(Permission.READ_KEYS)
    public KeyPage listKeys(Caller caller, KeyRole role, int offset, int limit) {
        checkPage(offset, limit);
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("tenant", caller.tenantId());
        parameters.put("states", LISTED_STATES);
        if (role != null) {
            parameters.put("user", KeyOwnership.USER);
        }
        String where = " from CmkEntity c where c.tenantId = :tenant and c.state in :states" + roleCondition(role)
                + KeyPolicyRows.describableCondition(caller, parameters);
        var page = em.createQuery("select c" + where + " order by c.createdAt desc, c.id", CmkEntity.class);
        var count = em.createQuery("select count(c)" + where, Long.class);
        parameters.forEach((name, value) -> {
            page.setParameter(name, value);
            count.setParameter(name, value);
        });
        List<KeyMetadata> keys = page.setFirstResult(offset).setMaxResults(limit)
                .getResultStream().map(CmkEntity::toMetadata).toList();
        return new KeyPage(keys, count.getSingleResult());
    }

    /** Role 0 (customer keys) are owned by {@code user}; Role 1 by a service; null lists both. */
    private static String roleCondition(KeyRole role) {
        if (role == null) {
            return "";
        }
        return role == KeyRole.USER ? " and c.owner = :user" : " and c.owner <> :user";
    }

    @Override
    @Requires(Permission.READ_KEYS)
    public KeyPage listKeyDetail(Caller caller, KeyQuery query) {
        checkPage(query.offset(), query.limit());
        // Deleted keys are gone for clients (Tencent lists them nowhere); their tombstones stay for the audit.
        StringBuilder where = new StringBuilder(" from CmkEntity c where c.tenantId = :tenant and c.state <> :deleted");
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("tenant", caller.tenantId());
        parameters.put("deleted", KeyState.Deleted);
        where.append(roleCondition(query.role()));
        if (query.role() != null) {
            parameters.put("user", KeyOwnership.USER);
        }
        if (query.state() != null) {
            where.append(" and c.state = :state");
            parameters.put("state", query.state());
        }
        if (query.origin() != null) {
            where.append(" and c.origin = :origin");
            parameters.put("origin", query.origin());
        }
        if (query.usage() != null) {
            where.append(" and c.usage = :usage");
            parameters.put("usage", query.usage());
        }
        if (query.protectionLevel() != null) {
            where.append(" and c.protectionLevel = :protection");
            parameters.put("protection", query.protectionLevel());
        }
        if (query.owner() != null) {
            where.append(" and c.owner = :owner");
            parameters.put("owner", query.owner());
        }
        if (query.search() != null && !query.search().isBlank()) {
            where.append(" and (lower(c.alias) like :search escape '!' or lower(c.id) like :search escape '!'")
                    .append(query.searchDescription() ? " or lower(c.description) like :search escape '!')" : ")");
            parameters.put("search", SearchPattern.contains(query.search()));
        }
        KeyTagRows.appendFilters(query.tagFilters(), where, parameters);
        where.append(KeyPolicyRows.describableCondition(caller, parameters));
        String order = listOrder(query.sort(), query.ascending());
        var page = em.createQuery("select c" + where + order, CmkEntity.class);
        var count = em.createQuery("select count(c)" + where, Long.class);
        parameters.forEach((name, value) -> {
            page.setParameter(name, value);
            count.setParameter(name, value);
        });
        List<KeyMetadata> keys = page.setFirstResult(query.offset()).setMaxResults(query.limit())
                .getResultStream().map(CmkEntity::toMetadata).toList();
        return new KeyPage(keys, count.getSingleResult());
    }

    /** Every order ends with creation time and key id: keys created in the same second keep their places. */
    private static String listOrder(KeySort sort, boolean ascending) {
        String direction = ascending ? " asc" : " desc";
        String tail = "c.createdAt" + direction + ", c.id" + direction;
        return switch (sort) {
            case CREATED -> " order by " + tail;
            case ALIAS -> " order by c.alias" + direction + ", " + tail;
            case STATE -> " order by c.state" + direction + ", " + tail;
        };
    }

    @Override
    @Requires(Permission.READ_KEYS)
    public KeyStatistics keyStatistics(Caller caller) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("tenant", caller.tenantId());
        parameters.put("deleted", KeyState.Deleted);
        String where = " from CmkEntity c where c.tenantId = :tenant and c.state <> :deleted"
                + KeyPolicyRows.describableCondition(caller, parameters);
        Map<KeyState, Long> byState = new EnumMap<>(KeyState.class);
        var states = em.createQuery("select c.state, count(c)" + where + " group by c.state", Object[].class);
        parameters.forEach(states::setParameter);
        states.getResultList().forEach(row -> byState.put((KeyState) row[0], (Long) row[1]));
        Map<KeyUsage, Long> byUsage = new EnumMap<>(KeyUsage.class);
        var usages = em.createQuery("select c.usage, count(c)" + where + " group by c.usage", Object[].class);
        parameters.forEach(usages::setParameter);
        usages.getResultList().forEach(row -> byUsage.put((KeyUsage) row[0], (Long) row[1]));

        var pending = em.createQuery("select c" + where + " and c.state = :pending order by c.deletionDate, c.id", CmkEntity.class);
        parameters.forEach(pending::setParameter);
        pending.setParameter("pending", KeyState.PendingDelete).setMaxResults(KeyStatistics.LISTED);
        long horizon = clock.instant().getEpochSecond() + KeyStatistics.ROTATION_HORIZON_DAYS * 86_400L;
        var rotations = em.createQuery("select c" + where + " and c.state = :enabled and c.rotationEnabled = true"
                + " and c.nextRotateTime > 0 and c.nextRotateTime <= :horizon order by c.nextRotateTime, c.id", CmkEntity.class);
        parameters.forEach(rotations::setParameter);
        rotations.setParameter("enabled", KeyState.Enabled).setParameter("horizon", horizon).setMaxResults(KeyStatistics.LISTED);
        return new KeyStatistics(byState, byUsage, pending.getResultStream().map(CmkEntity::toMetadata).toList(),
                rotations.getResultStream().map(CmkEntity::toMetadata).toList());
    }

    @Override
    @Requires(Permission.READ_KEYS)
    public List<String> keyOwners(Caller caller) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("tenant", caller.tenantId());
        parameters.put("deleted", KeyState.Deleted);
        var owners = em.createQuery("select distinct c.owner from CmkEntity c where c.tenantId = :tenant and c.state <> :deleted"
                + KeyPolicyRows.describableCondition(caller, parameters) + " order by c.owner", String.class);
        parameters.forEach(owners::setParameter);
        return owners.getResultList();
    }


    private static void checkPage(int offset, int limit) {
        if (offset < 0) {
            throw new KmsException(KmsErrorCode.INVALID_PARAMETER_VALUE, "Offset must not be negative");
        }
        if (limit < 1 || limit > MAX_PAGE) {
            throw new KmsException(KmsErrorCode.INVALID_PARAMETER_VALUE, "Limit must be between 1 and " + MAX_PAGE);
        }
    }

    @Override
    @Requires(Permission.MANAGE_KEYS)
    public void enableKey(Caller caller, String keyRef) {
        transition(caller, keyRef, KeyStateMachine::enable);
    }

    @Override
    @Requires(Permission.MANAGE_KEYS)
    public void disableKey(Caller caller, String keyRef) {
        protectedKeyTransition(caller, keyRef, KeyStateMachine::disable, "disabled");
    }

    @Override
    @Requires(Permission.READ_KEYS)
    public List<KeyMetadata> describeKeys(Caller caller, List<String> keyRefs) {
        return distinctBatch(keyRefs).stream().map(ref -> findToDescribe(caller, ref).toMetadata()).toList();
    }

    @Override
    @Requires(Permission.MANAGE_KEYS)
    public void enableKeys(Caller caller, List<String> keyRefs) {
        distinctBatch(keyRefs).forEach(ref -> transition(caller, ref, KeyStateMachine::enable));
    }

    @Override
    @Requires(Permission.MANAGE_KEYS)
    public void disableKeys(Caller caller, List<String> keyRefs) {
        distinctBatch(keyRefs).forEach(ref -> protectedKeyTransition(caller, ref, KeyStateMachine::disable, "disabled"));
    }

    @Override
    @Requires(Permission.MANAGE_KEYS)
    public long scheduleKeyDeletion(Caller caller, String keyRef, int pendingWindowInDays) {
        if (pendingWindowInDays < MIN_PENDING_DAYS || pendingWindowInDays > MAX_PENDING_DAYS) {
            throw new KmsException(KmsErrorCode.PENDING_WINDOW_INVALID, "PendingWindowInDays must be between 7 and 30");
        }
        CmkEntity key = protectedKeyTransition(caller, keyRef, KeyStateMachine::scheduleDeletion, "scheduled for deletion");
        long deletionDate = KeySchedule.deletionDate(clock.instant().getEpochSecond(), pendingWindowInDays);
        key.scheduleDeletion(deletionDate);
        return deletionDate;
    }

    @Override
    @Requires(Permission.MANAGE_KEYS)
    public void cancelKeyDeletion(Caller caller, String keyRef) {
        CmkEntity key = transition(caller, keyRef, KeyStateMachine::cancelDeletion);
        key.scheduleDeletion(0);
        // An EXTERNAL key without material (scheduled while PendingImport, or its material expired meanwhile)
        // must not come back Disabled: enabling it would give a usable-looking key with nothing to use.
        if (key.origin() == KeyOrigin.EXTERNAL && !versions.hasMaterial(key)) {
            key.materialExpired();
        }
    }

    @Override
    @Requires(Permission.MANAGE_KEYS)
    public void archiveKey(Caller caller, String keyRef) {
        protectedKeyTransition(caller, keyRef, KeyStateMachine::archive, "archived");
    }

    @Override
    @Requires(Permission.MANAGE_KEYS)
    public void cancelKeyArchive(Caller caller, String keyRef) {
        customerKeyTransition(caller, keyRef, KeyStateMachine::cancelArchive, "taken out of the archive");
    }

    @Override
    @Requires(Permission.MANAGE_KEYS)
    public void updateAlias(Caller caller, String keyRef, String newAlias) {
        KeyRef.checkNewAlias(newAlias);
        CmkEntity key = find(caller, keyRef);
        // the service finds its key by this alias: renaming it would make the service create another
        KeyOwnership.checkUserCreated(key.owner(), "renamed");
        KeyStateMachine.checkCanEditMetadata(key.state());
        if (newAlias.equals(key.alias())) {
            return;
        }
        if (newKeys.aliasTaken(caller.tenantId(), newAlias)) {
            throw NewKeys.aliasExists();
        }
        key.rename(newAlias);
        invalidations.afterCompletion(Invalidation.key(UUID.fromString(key.id())));
        try {
            em.flush();
        } catch (PersistenceException e) {
            throw NewKeys.aliasExists();
        }
    }

    @Override
    @Requires(Permission.MANAGE_KEYS)
    public void updateKeyDescription(Caller caller, String keyRef, String description) {
        String text = checkedDescription(description);
        CmkEntity key = find(caller, keyRef);
        KeyOwnership.checkUserCreated(key.owner(), "described");
        KeyStateMachine.checkCanEditMetadata(key.state());
        key.describe(text);
    }

    @Override
    @Requires(Permission.MANAGE_KEYS)
    public void enableKeyRotation(Caller caller, String keyRef, int rotateDays) {
        checkRotateDays(rotateDays);
        CmkEntity key = rotatable(caller, keyRef);
        KeyStateMachine.checkCanEnableRotation(key.state());
        key.enableRotation(rotateDays, clock.instant().getEpochSecond());
    }

    /** Allowed in every state and for every origin: Tencent lists no state code for it, and it only stops rotations. */
    @Override
    @Requires(Permission.MANAGE_KEYS)
    public void disableKeyRotation(Caller caller, String keyRef) {
        find(caller, keyRef).disableRotation();
    }

    @Override
    @Requires(Permission.READ_KEYS)
    public boolean keyRotationEnabled(Caller caller, String keyRef) {
        return findToDescribe(caller, keyRef).rotationEnabled();
    }

    @Override
    @Requires(Permission.MANAGE_KEYS)
    public KeyMetadata rotateKey(Caller caller, String keyRef) {
        CmkEntity key = rotatable(caller, keyRef);
        // the state first: a key that may not rotate at all is refused for that, whatever its rotation setting
        KeyStateMachine.checkCanRotate(key.state());
        if (!key.rotationEnabled()) {
            throw new KmsException(KmsErrorCode.ROTATION_NOT_SUPPORTED, "Enable key rotation before rotating on demand");
        }
        long now = clock.instant().getEpochSecond();
        if (key.lastRotateTime() > 0 && now - key.lastRotateTime() < KeyLimits.minRotationIntervalSeconds()) {
            throw new KmsException(KmsErrorCode.ROTATION_RATE_LIMITED, "The key was rotated too recently");
        }
        versions.rotate(key, now);
        return key.toMetadata();
    }

    @Override
    @Requires(Permission.READ_KEYS)
    public List<KeyVersionInfo> keyVersions(Caller caller, String keyRef) {
        CmkEntity key = findToDescribe(caller, keyRef);
        return em.createQuery("select v from CmkVersionEntity v where v.cmkId = :id order by v.versionNo", CmkVersionEntity.class)
                .setParameter("id", key.id()).getResultStream()
                .map(v -> new KeyVersionInfo(v.versionNo(), v.createdAt(), v.versionNo() == key.currentVersion())).toList();
    }

    @Override
    @Requires(Permission.READ_KEYS)
    public List<KeyTag> keyTags(Caller caller, String keyRef) {
        return KeyTagRows.of(em, findToDescribe(caller, keyRef).id());
    }

    @Override
    @Requires(Permission.MANAGE_KEYS)
    public void tagKey(Caller caller, String keyRef, List<KeyTag> tags) {
        CmkEntity key = find(caller, keyRef);
        KeyOwnership.checkUserCreated(key.owner(), "tagged");
        KeyStateMachine.checkCanEditMetadata(key.state());
        KeyTagRows.put(em, key.id(), tags == null ? List.of() : tags);
    }

    @Override
    @Requires(Permission.MANAGE_KEYS)
    public void untagKey(Caller caller, String keyRef, List<String> tagKeys) {
        CmkEntity key = find(caller, keyRef);
        KeyOwnership.checkUserCreated(key.owner(), "untagged");
        KeyStateMachine.checkCanEditMetadata(key.state());
        KeyTagRows.remove(em, key.id(), tagKeys == null ? List.of() : tagKeys);
    }

    /**
     * Imported material cannot be rotated (its owner holds the only other copy); nor can a key pair, whose
     * public key is out in the world: a new pair is a new key.
     */
    private CmkEntity rotatable(Caller caller, String keyRef) {
        CmkEntity key = find(caller, keyRef);
        checkRotatable(key.usage(), key.origin());
        return key;
    }

    private static void checkRotatable(KeyUsage usage, KeyOrigin origin) {
        if (usage.isAsymmetric()) {
            throw new KmsException(KmsErrorCode.KEY_USAGE_INVALID, "Asymmetric keys cannot be rotated: create a new key pair instead");
        }
        if (origin == KeyOrigin.EXTERNAL) {
            throw new KmsException(KmsErrorCode.ROTATION_NOT_SUPPORTED, "Keys with imported material cannot be rotated");
        }
    }

    private static void checkRotateDays(int rotateDays) {
        if (rotateDays < MIN_ROTATE_DAYS || rotateDays > MAX_ROTATE_DAYS) {
            throw new KmsException(KmsErrorCode.INVALID_PARAMETER_VALUE, "RotateDays must be between 7 and 365");
        }
    }

    /** Null means empty; at most 1024 bytes of UTF-8. */
    private static String checkedDescription(String description) {
        String text = description == null ? "" : description;
        if (text.getBytes(StandardCharsets.UTF_8).length > MAX_DESCRIPTION_BYTES) {
            throw new KmsException(KmsErrorCode.INVALID_PARAMETER_VALUE, "Description must be at most 1024 bytes");
        }
        return text;
    }

    private static List<String> distinctBatch(List<String> keyRefs) {
        if (keyRefs == null || keyRefs.isEmpty()) {
            throw new KmsException(KmsErrorCode.MISSING_PARAMETER, "KeyIds is required");
        }
        if (keyRefs.size() > MAX_BATCH) {
            throw new KmsException(KmsErrorCode.INVALID_PARAMETER_VALUE, "At most " + MAX_BATCH + " KeyIds at once");
        }
        if (new HashSet<>(keyRefs).size() != keyRefs.size()) {
            throw new KmsException(KmsErrorCode.DUPLICATED_KEY_ID, "KeyIds contains duplicates");
        }
        return keyRefs;
    }

    /** A change that would stop a service from using its key: refused for service-managed keys. */
    private CmkEntity customerKeyTransition(Caller caller, String keyRef, UnaryOperator<KeyState> rule, String change) {
        CmkEntity key = find(caller, keyRef);
        KeyOwnership.checkUserCreated(key.owner(), change);
        return apply(key, rule);
    }

    /** A change that would stop anyone from using the key: refused for service-managed keys and for bound keys. */
    private CmkEntity protectedKeyTransition(Caller caller, String keyRef, UnaryOperator<KeyState> rule, String change) {
        CmkEntity key = find(caller, keyRef);
        KeyOwnership.checkUserCreated(key.owner(), change);
        KeyState next = rule.apply(key.state());
        if (next != key.state()) {
            BoundKeys.checkUnbound(em, key.id(), change);
        }
        return apply(key, rule);
    }

    private CmkEntity transition(Caller caller, String keyRef, UnaryOperator<KeyState> rule) {
        return apply(find(caller, keyRef), rule);
    }

    private CmkEntity apply(CmkEntity key, UnaryOperator<KeyState> rule) {
        KeyState next = rule.apply(key.state());
        if (next != key.state()) {
            key.changeState(next);
            invalidations.afterCompletion(Invalidation.key(UUID.fromString(key.id())));
        }
        return key;
    }

    private CmkEntity find(Caller caller, String keyRef) {
        return finder.find(caller, keyRef);
    }

    /** The caller's key, if its policy lets the caller see it; refused as an unknown key otherwise. */
    private CmkEntity findToDescribe(Caller caller, String keyRef) {
        CmkEntity key = finder.find(caller, keyRef);
        KeyAccess.check(caller, KeyPolicyRows.of(em, key.id()), KeyOperation.DESCRIBE, KeyDirectory::notFound);
        return key;
    }

    @Override
    @Requires(Permission.READ_KEYS)
    public KeyPolicy keyPolicy(Caller caller, String keyRef) {
        return KeyPolicyRows.of(em, findToDescribe(caller, keyRef).id());
    }

    @Override
    @Requires(Permission.MANAGE_KEYS)
    public void putKeyPolicy(Caller caller, String keyRef, KeyPolicy policy) {
        KeyPolicy replacement = policy == null ? KeyPolicy.NONE : policy;
        CmkEntity key = find(caller, keyRef);
        KeyOwnership.checkUserCreated(key.owner(), "given a policy");
        PolicyPrincipals.checkExist(em, caller.tenantId(), replacement);
        KeyPolicyRows.replace(em, key.id(), replacement);
        invalidations.afterCompletion(Invalidation.key(UUID.fromString(key.id())));
    }

    @Override
    @Requires(Permission.READ_KEYS)
    public KeyQuota quota(Caller caller) {
        return new KeyQuota(newKeys.keysCounted(caller.tenantId()), KeyLimits.maxKeysPerTenant());
    }

    @Override
    public SupportedAlgorithms supportedAlgorithms() {
        return KeyPairUsages.supported(KeyLimits.defaultProtectionLevel());
    }
}
