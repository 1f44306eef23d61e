package org.selfkms.identity;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.selfkms.api.error.KmsErrorCode;
import org.selfkms.api.error.KmsException;
import org.selfkms.api.identity.AuthenticationFailedException;
import org.selfkms.api.identity.Caller;
import org.selfkms.api.identity.ConsoleLogin;
import org.selfkms.bootstrap.WallClock;
import org.selfkms.tenant.SuspendedTenants;
import org.selfkms.tenant.TenantEntity;

import java.time.Clock;

/**
 * Console logins. After {@code kms.console.max-failed-logins} (5) wrong passwords in a row a user is locked for
 * {@code kms.console.lockout-seconds} (900); a locked user is refused even with the right password. Every
 * refusal has the same message, so the answer tells nobody whether a user exists or is locked; the audit
 * trail tells them apart by code. The counting commits whatever the outcome (its own transaction).
 */
@Stateless
public class ConsoleLoginBean implements ConsoleLogin {

    static final String REFUSED = "Unknown user name or wrong password (after repeated failures a user is locked for a while)";

    @PersistenceContext(unitName = "kms")
    private EntityManager em;

    @Inject
    private LoginAttempts attempts;

    @Inject
    private SuspendedTenants suspendedTenants;

    @Inject
    @WallClock
    private Clock clock;

    @Override
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Caller login(String username, char[] password) {
        if (username == null || password == null || username.length() > 64) {
            throw failed(KmsErrorCode.AUTH_LOGIN_FAILED, null);
        }
        ConsoleUserEntity user = em.find(ConsoleUserEntity.class, username);
        if (user == null) {
            PasswordHash.burn(password);
            throw failed(KmsErrorCode.AUTH_LOGIN_FAILED, null);
        }
        TenantEntity tenant = em.find(TenantEntity.class, user.tenantId());
        Caller caller = new Caller(tenant.id(), tenant.accountUin(), user.username(), Caller.Kind.CONSOLE_USER, null, user.role());
        long now = clock.instant().getEpochSecond();
        if (user.lockedUntil() > now) {
            PasswordHash.burn(password);
            throw failed(KmsErrorCode.AUTH_LOGIN_LOCKED, caller);
        }
        if (!PasswordHash.verify(password, user.passwordHash())) {
            attempts.failed(username, now);
            throw failed(KmsErrorCode.AUTH_LOGIN_FAILED, caller);
        }
        attempts.succeeded(username);
        suspendedTenants.admit(caller);
        return caller;
    }

    private static KmsException failed(KmsErrorCode code, Caller claimed) {
        return new AuthenticationFailedException(code, REFUSED, claimed);
    }
}
