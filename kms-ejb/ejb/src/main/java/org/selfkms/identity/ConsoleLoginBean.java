package org.selfkms.identity;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.selfkms.api.error.KmsErrorCode;
import org.selfkms.api.error.KmsException;
import org.selfkms.api.identity.AuthenticationFailedException;
import org.selfkms.api.identity.Caller;
import org.selfkms.api.identity.ConsoleLogin;
import org.selfkms.tenant.TenantEntity;

@Stateless
public class ConsoleLoginBean implements ConsoleLogin {

    @PersistenceContext(unitName = "kms")
    private EntityManager em;

    @Override
    public Caller login(String username, char[] password) {
        if (username == null || password == null || username.length() > 64) {
            throw failed(null);
        }
        ConsoleUserEntity user = em.find(ConsoleUserEntity.class, username);
        if (user == null) {
            PasswordHash.burn(password);
            throw failed(null);
        }
        TenantEntity tenant = em.find(TenantEntity.class, user.tenantId());
        Caller caller = new Caller(tenant.id(), tenant.accountUin(), user.username(), Caller.Kind.CONSOLE_USER, null, user.role());
        if (!PasswordHash.verify(password, user.passwordHash())) {
            // The message is the same as for an unknown user; only the audit trail learns whose login failed.
            throw failed(caller);
        }
        return caller;
    }

    private static KmsException failed(Caller claimed) {
        return new AuthenticationFailedException(KmsErrorCode.AUTH_LOGIN_FAILED, "Unknown user name or wrong password", claimed);
    }
}
