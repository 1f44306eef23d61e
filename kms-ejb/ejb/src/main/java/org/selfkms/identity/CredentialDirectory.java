package org.selfkms.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.selfkms.api.error.KmsErrorCode;
import org.selfkms.api.error.KmsException;
import org.selfkms.api.identity.Caller;
import org.selfkms.api.identity.Role;
import org.selfkms.hsm.TokenGateway;
import org.selfkms.tenant.TenantEntity;
import org.selfkms.token.WrappedKey;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * API credentials with their unwrapped secrets, so that verifying a request signature needs no database
 * read once warm. Same staleness guard as {@link org.selfkms.key.KeyDirectory}.
 */
@ApplicationScoped
public class CredentialDirectory {

    private static final int MAX_ENTRIES = 10_000;

    /** toString leaves the secret out. */
    /** {@code service} is null unless the credential is a service principal. */
    public record ActiveCredential(String secretId, long tenantId, long accountUin, String principal, byte[] secret,
                                   String service, Role role, Tc3SigningKey signingKey) {
        @Override
        public String toString() {
            return "ActiveCredential[secretId=" + secretId + ", tenantId=" + tenantId + "]";
        }

        /** Who a request authenticated with this credential is: a service, or the user the credential belongs to. */
        public Caller caller() {
            return new Caller(tenantId, accountUin, secretId, Caller.Kind.API_CREDENTIAL, service, role,
                    service == null ? principal : null);
        }
    }

    private final Map<String, ActiveCredential> bySecretId = new ConcurrentHashMap<>();
    /**
     * SecretIds the database does not have, so that a repeated unknown one costs a map look-up like a known one, not a
     * database read (which told them apart by timing). Bounded like the credentials; a SecretId is only ever created
     * fresh and random, so none of these can come to exist later (invalidation drops one anyway).
     */
    private final Set<String> unknown = ConcurrentHashMap.newKeySet();
    private final AtomicLong epoch = new AtomicLong();

    @PersistenceContext(unitName = "kms")
    private EntityManager em;

    @Inject
    private TokenGateway token;

    /** Empty for unknown and for disabled credentials, and for a missing or empty SecretId. */
    public Optional<ActiveCredential> find(String secretId) {
        if (secretId == null || secretId.isEmpty()) {
            return Optional.empty();
        }
        ActiveCredential hit = bySecretId.get(secretId);
        if (hit != null) {
            return Optional.of(hit);
        }
        if (secretId.length() > 128 || unknown.contains(secretId)) {
            return Optional.empty();
        }
        long seen = epoch.get();
        ApiCredentialEntity entity = em.find(ApiCredentialEntity.class, secretId);
        if (entity == null) {
            if (unknown.size() >= MAX_ENTRIES) {
                unknown.clear();
            }
            if (epoch.get() == seen) {
                unknown.add(secretId);
            }
            return Optional.empty();
        }
        if (!entity.enabled()) {
            return Optional.empty();
        }
        Optional<Role> role = roleOf(entity);
        if (role.isEmpty()) {
            return Optional.empty();
        }
        TenantEntity tenant = em.find(TenantEntity.class, entity.tenantId());
        byte[] secret = token.unwrap(WrappedKey.decode(entity.wrappedSecret()), ApiCredentialEntity.secretPurpose(secretId));
        ActiveCredential credential = new ActiveCredential(secretId, tenant.id(), tenant.accountUin(), entity.principal(), secret,
                entity.service(), role.get(), new Tc3SigningKey());
        if (bySecretId.size() >= MAX_ENTRIES) {
            bySecretId.clear();
        }
        if (epoch.get() == seen) {
            bySecretId.put(secretId, credential);
        }
        return Optional.of(credential);
    }

    /**
     * A service principal's credential acts as {@link Role#SERVICE}; any other with the role of the console user
     * of its tenant it belongs to. A credential whose user is gone acts as nobody: it is refused like an unknown one.
     */
    private Optional<Role> roleOf(ApiCredentialEntity credential) {
        if (credential.service() != null) {
            return Optional.of(Role.SERVICE);
        }
        ConsoleUserEntity user = em.find(ConsoleUserEntity.class, credential.principal());
        return user == null || user.tenantId() != credential.tenantId() ? Optional.empty() : Optional.of(user.role());
    }

    /** @throws KmsException {@code AUTH_UNKNOWN_SECRET_ID} for a missing, unknown or disabled SecretId */
    public ActiveCredential require(String secretId) {
        return find(secretId).orElseThrow(CredentialDirectory::unknown);
    }

    private static KmsException unknown() {
        return new KmsException(KmsErrorCode.AUTH_UNKNOWN_SECRET_ID, "The SecretId is unknown or disabled");
    }

    public void invalidate(String secretId) {
        epoch.incrementAndGet();
        bySecretId.remove(secretId);
        unknown.remove(secretId);
    }
}
