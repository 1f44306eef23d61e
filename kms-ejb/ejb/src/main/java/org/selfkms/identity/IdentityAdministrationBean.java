package org.selfkms.identity;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.selfkms.api.error.KmsErrorCode;
import org.selfkms.api.error.KmsException;
import org.selfkms.api.identity.Caller;
import org.selfkms.api.identity.ConsoleUserInfo;
import org.selfkms.api.identity.CredentialInfo;
import org.selfkms.api.identity.IdentityAdministration;
import org.selfkms.api.identity.NewCredential;
import org.selfkms.api.identity.Permission;
import org.selfkms.api.identity.Role;
import org.selfkms.cluster.Invalidation;
import org.selfkms.cluster.Invalidations;
import org.selfkms.hsm.TokenGateway;

import java.time.Clock;
import java.util.List;

/**
 * Users and API credentials of the caller's tenant. Every change drops the affected credentials from
 * {@link CredentialDirectory} before and after its commit, so the next request sees it.
 */
@Stateless
@Interceptors(AuthorizationGuard.class)
public class IdentityAdministrationBean implements IdentityAdministration {

    @PersistenceContext(unitName = "kms")
    private EntityManager em;

    @Inject
    private TokenGateway token;

    @Inject
    private Invalidations invalidations;

    @Inject
    private NewUsers newUsers;

    @EJB
    private ServicePrincipalRegistry servicePrincipals;

    @Inject
    private CredentialUsage usage;

    @Inject
    private Clock clock;

    @Inject
    private LoginAttempts attempts;

    @Override
    @Requires(Permission.ADMINISTER_TENANT)
    public List<ConsoleUserInfo> users(Caller caller) {
        return em.createQuery("select u from ConsoleUserEntity u where u.tenantId = :tenant order by u.username", ConsoleUserEntity.class)
                .setParameter("tenant", caller.tenantId()).getResultStream()
                .map(u -> new ConsoleUserInfo(u.username(), u.role(), u.createdAt())).toList();
    }

    @Override
    @Requires(Permission.ADMINISTER_TENANT)
    public ConsoleUserInfo createUser(Caller caller, String username, Role role, char[] password) {
        ConsoleUserEntity user = newUsers.create(caller.tenantId(), username, role, password, clock.instant().getEpochSecond());
        return new ConsoleUserInfo(user.username(), user.role(), user.createdAt());
    }

    @Override
    @Requires(Permission.CHANGE_OWN_PASSWORD)
    public void changeOwnPassword(Caller caller, char[] currentPassword, char[] newPassword) {
        if (caller.kind() != Caller.Kind.CONSOLE_USER) {
            throw new KmsException(KmsErrorCode.UNAUTHORIZED, "Only a console user changes a password, in the console");
        }
        ConsoleUserEntity user = em.find(ConsoleUserEntity.class, caller.principal());
        if (user == null || user.tenantId() != caller.tenantId()) {
            throw new KmsException(KmsErrorCode.UNAUTHORIZED, "The user no longer exists");
        }
        long now = clock.instant().getEpochSecond();
        if (user.lockedUntil() > now) {
            throw new KmsException(KmsErrorCode.AUTH_LOGIN_LOCKED, "Locked after repeated wrong passwords: try again later");
        }
        if (currentPassword == null || !PasswordHash.verify(currentPassword, user.passwordHash())) {
            attempts.failed(user.username(), now);
            throw new KmsException(KmsErrorCode.AUTH_LOGIN_FAILED, "The current password is wrong");
        }
        NewUsers.checkPassword(newPassword);
        if (java.util.Arrays.equals(currentPassword, newPassword)) {
            throw new KmsException(KmsErrorCode.INVALID_PARAMETER_VALUE, "The new password is the current one");
        }
        user.changePassword(PasswordHash.hash(newPassword));
    }

    @Override
    @Requires(Permission.ADMINISTER_TENANT)
    public void deleteUser(Caller caller, String username) {
        ConsoleUserEntity user = user(caller, username);
        if (username.equals(actingUser(caller))) {
            throw new KmsException(KmsErrorCode.INVALID_PARAMETER_VALUE, "Administrators cannot delete themselves");
        }
        for (ApiCredentialEntity credential : credentialsOf(caller.tenantId(), username)) {
            forget(credential.secretId());
            em.remove(credential);
        }
        em.remove(user);
    }

    @Override
    @Requires(Permission.ADMINISTER_TENANT)
    public List<CredentialInfo> credentials(Caller caller) {
        usage.flush();
        return em.createQuery("select c from ApiCredentialEntity c where c.tenantId = :tenant order by c.createdAt, c.secretId",
                        ApiCredentialEntity.class)
                .setParameter("tenant", caller.tenantId()).getResultStream()
                .map(c -> new CredentialInfo(c.secretId(), c.service() != null ? c.service() : c.principal(), c.service() != null,
                        c.enabled(), c.createdAt(), c.lastUsedAt())).toList();
    }

    @Override
    @Requires(Permission.ADMINISTER_TENANT)
    public NewCredential createCredential(Caller caller, String username) {
        user(caller, username);
        String secretId = GeneratedSecrets.secretId();
        String secretKey = GeneratedSecrets.alphanumeric(40);
        em.persist(Credentials.newCredential(token, secretId, secretKey, caller.tenantId(), username, clock.instant().getEpochSecond()));
        return new NewCredential(secretId, secretKey, username);
    }

    @Override
    @Requires(Permission.ADMINISTER_TENANT)
    public NewCredential createServiceCredential(Caller caller, String service) {
        // checked here: the registry is an EJB, whose IllegalArgumentException would reach us as a rolled-back
        // EJBException (a 500), not as the caller's bad input
        try {
            Credentials.checkServiceName(service);
        } catch (IllegalArgumentException e) {
            throw new KmsException(KmsErrorCode.INVALID_PARAMETER_VALUE, e.getMessage());
        }
        ServicePrincipalRegistry.IssuedCredential issued = servicePrincipals.register(caller.tenantId(), service);
        return new NewCredential(issued.secretId(), issued.secretKey(), service);
    }

    @Override
    @Requires(Permission.ADMINISTER_TENANT)
    public void setCredentialEnabled(Caller caller, String secretId, boolean enabled) {
        ApiCredentialEntity credential = credential(caller, secretId);
        forget(secretId);
        credential.setEnabled(enabled);
    }

    @Override
    @Requires(Permission.ADMINISTER_TENANT)
    public void deleteCredential(Caller caller, String secretId) {
        ApiCredentialEntity credential = credential(caller, secretId);
        forget(secretId);
        em.remove(credential);
    }

    /** The user a caller is: the console user, or the user whose role an API credential acts with. */
    private String actingUser(Caller caller) {
        if (caller.kind() == Caller.Kind.CONSOLE_USER) {
            return caller.principal();
        }
        ApiCredentialEntity own = em.find(ApiCredentialEntity.class, caller.principal());
        return own == null || own.service() != null ? null : own.principal();
    }

    private ConsoleUserEntity user(Caller caller, String username) {
        ConsoleUserEntity user = username == null ? null : em.find(ConsoleUserEntity.class, username);
        if (user == null || user.tenantId() != caller.tenantId()) {
            throw new KmsException(KmsErrorCode.IDENTITY_NOT_FOUND, "The account has no such user");
        }
        return user;
    }

    private ApiCredentialEntity credential(Caller caller, String secretId) {
        ApiCredentialEntity credential = secretId == null ? null : em.find(ApiCredentialEntity.class, secretId);
        if (credential == null || credential.tenantId() != caller.tenantId()) {
            throw new KmsException(KmsErrorCode.IDENTITY_NOT_FOUND, "The account has no such API credential");
        }
        return credential;
    }

    private List<ApiCredentialEntity> credentialsOf(long tenantId, String username) {
        return em.createQuery("select c from ApiCredentialEntity c where c.tenantId = :tenant and c.principal = :user and c.service is null",
                        ApiCredentialEntity.class)
                .setParameter("tenant", tenantId).setParameter("user", username).getResultList();
    }

    /** On every node, so that the credential stops working everywhere as soon as this commits. */
    private void forget(String secretId) {
        invalidations.afterCompletion(Invalidation.credential(secretId));
    }
}
