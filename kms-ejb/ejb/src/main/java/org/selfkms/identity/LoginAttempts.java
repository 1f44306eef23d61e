package org.selfkms.identity;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import org.selfkms.settings.Setting;
import org.selfkms.settings.Settings;

/** Counts failed console logins in transactions of their own, so a refused login still leaves its mark. */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class LoginAttempts {

    @PersistenceContext(unitName = "kms")
    private EntityManager em;

    public void failed(String username, long now) {
        ConsoleUserEntity user = em.find(ConsoleUserEntity.class, username, LockModeType.PESSIMISTIC_WRITE);
        if (user != null) {
            Settings settings = Settings.server();
            user.loginFailed(now, settings.longValue(Setting.CONSOLE_MAX_FAILED_LOGINS, 5),
                    settings.longValue(Setting.CONSOLE_LOCKOUT_SECONDS, 900));
        }
    }

    public void succeeded(String username) {
        ConsoleUserEntity user = em.find(ConsoleUserEntity.class, username);
        if (user != null && user.failedLogins() > 0) {
            user.loginSucceeded();
        }
    }
}
