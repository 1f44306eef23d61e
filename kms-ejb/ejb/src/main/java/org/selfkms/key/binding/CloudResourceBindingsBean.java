package org.selfkms.key.binding;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.selfkms.api.error.KmsErrorCode;
import org.selfkms.api.error.KmsException;
import org.selfkms.api.identity.Caller;
import org.selfkms.api.identity.Permission;
import org.selfkms.api.key.CloudResourceBinding;
import org.selfkms.api.key.CloudResourceBindings;
import org.selfkms.api.key.KeyOperation;
import org.selfkms.api.key.KeyState;
import org.selfkms.cluster.Invalidation;
import org.selfkms.cluster.Invalidations;
import org.selfkms.identity.AuthorizationGuard;
import org.selfkms.identity.Requires;
import org.selfkms.key.CmkEntity;
import org.selfkms.key.KeyDirectory;
import org.selfkms.key.KeyFinder;
import org.selfkms.key.KeyOwnership;
import org.selfkms.key.policy.KeyAccess;
import org.selfkms.key.policy.KeyPolicyRows;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Bindings of CMKs to product resources. Whoever may use a key (and see it, under its policy) may bind and unbind
 * it; a service principal only the keys it may use. {@link BoundKeys} holds the protection a binding gives.
 */
@Stateless
@Interceptors(AuthorizationGuard.class)
public class CloudResourceBindingsBean implements CloudResourceBindings {

    private static final Pattern PRODUCT_ID = Pattern.compile("[A-Za-z0-9_.-]{1," + MAX_PRODUCT_ID_CHARS + "}");
    /** Printable characters, no control characters: the product's own name for its resource. */
    private static final Pattern RESOURCE_ID = Pattern.compile("[^\\p{Cntrl}]{1," + MAX_RESOURCE_ID_CHARS + "}");

    @PersistenceContext(unitName = "kms")
    private EntityManager em;

    @Inject
    private KeyFinder keys;

    @Inject
    private Invalidations invalidations;

    @Inject
    private Clock clock;

    @Override
    @Requires(Permission.USE_KEYS)
    public CloudResourceBinding bind(Caller caller, String keyRef, String productId, String resourceId) {
        checkNames(productId, resourceId);
        CmkEntity key = usableKey(caller, keyRef);
        if (key.state() == KeyState.PendingDelete) {
            throw new KmsException(KmsErrorCode.KEY_STATE_NOT_SUPPORTED, "A key pending deletion cannot be bound to a resource");
        }
        var id = new CloudResourceBindingEntity.Id(key.id(), productId, resourceId);
        CloudResourceBindingEntity existing = em.find(CloudResourceBindingEntity.class, id);
        if (existing != null) {
            return existing.toBinding();
        }
        CloudResourceBindingEntity binding = new CloudResourceBindingEntity(key.id(), productId, resourceId,
                caller.tenantId(), clock.instant().getEpochSecond(), caller.principal());
        em.persist(binding);
        if (key.materialValidTo() != 0) {
            // Tencent: binding cancels the key's expiry - material a resource depends on must not lapse
            key.cancelMaterialExpiry();
            invalidations.afterCompletion(Invalidation.key(UUID.fromString(key.id())));
        }
        return binding.toBinding();
    }

    @Override
    @Requires(Permission.USE_KEYS)
    public void unbind(Caller caller, String keyRef, String productId, String resourceId) {
        checkNames(productId, resourceId);
        CmkEntity key = usableKey(caller, keyRef);
        CloudResourceBindingEntity existing = em.find(CloudResourceBindingEntity.class,
                new CloudResourceBindingEntity.Id(key.id(), productId, resourceId));
        if (existing == null) {
            throw new KmsException(KmsErrorCode.BINDING_NOT_FOUND, "The key is not bound to that resource");
        }
        em.remove(existing);
    }

    @Override
    @Requires(Permission.READ_KEYS)
    public List<CloudResourceBinding> bindings(Caller caller, String keyRef) {
        CmkEntity key = keys.find(caller, keyRef);
        KeyAccess.check(caller, KeyPolicyRows.of(em, key.id()), KeyOperation.DESCRIBE, KeyDirectory::notFound);
        return em.createQuery("select b from CloudResourceBindingEntity b where b.cmkId = :key order by b.createdAt, b.productId, b.resourceId",
                        CloudResourceBindingEntity.class)
                .setParameter("key", key.id()).getResultStream().map(CloudResourceBindingEntity::toBinding).toList();
    }

    private CmkEntity usableKey(Caller caller, String keyRef) {
        CmkEntity key = keys.find(caller, keyRef);
        KeyAccess.check(caller, KeyPolicyRows.of(em, key.id()), KeyOperation.DESCRIBE, KeyDirectory::notFound);
        KeyOwnership.checkServiceMayUse(caller, key.owner());
        return key;
    }

    private static void checkNames(String productId, String resourceId) {
        if (productId == null || productId.isEmpty()) {
            throw new KmsException(KmsErrorCode.MISSING_PARAMETER, "ProductId is required");
        }
        if (resourceId == null || resourceId.isEmpty()) {
            throw new KmsException(KmsErrorCode.MISSING_PARAMETER, "ResourceId is required");
        }
        if (!PRODUCT_ID.matcher(productId).matches()) {
            throw new KmsException(KmsErrorCode.INVALID_PARAMETER_VALUE,
                    "ProductId must be 1-" + MAX_PRODUCT_ID_CHARS + " letters, digits, _ . or -");
        }
        if (!RESOURCE_ID.matcher(resourceId).matches()) {
            throw new KmsException(KmsErrorCode.INVALID_PARAMETER_VALUE,
                    "ResourceId must be 1-" + MAX_RESOURCE_ID_CHARS + " characters without control characters");
        }
    }
}
