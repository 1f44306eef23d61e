package org.selfkms.identity;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.selfkms.api.error.KmsErrorCode;
import org.selfkms.api.error.KmsException;
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
            throw failed();
        }
        ConsoleUserEntity user = em.find(ConsoleUserEntity.class, username);
        if (user == null) {
            PasswordHash.burn(password);
            throw failed();
        }
        if (!PasswordHash.verify(password, user.passwordHash())) {
            throw failed();
        }
        TenantEntity tenant = em.find(TenantEntity.class, user.tenantId());
        return new Caller(tenant.id(), tenant.accountUin(), user.username(), Caller.Kind.CONSOLE_USER);
    }

    private static KmsException failed() {
        return new KmsException(KmsErrorCode.AUTH_LOGIN_FAILED, "Unknown user name or wrong password");
    }
}
