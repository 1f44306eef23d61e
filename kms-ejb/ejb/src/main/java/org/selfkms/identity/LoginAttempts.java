package org.selfkms.identity;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

/** Counts failed console logins in transactions of their own, so a refused login still leaves its mark. */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class LoginAttempts {

    @PersistenceContext(unitName = "kms")
    private EntityManager em;

    public void failed(String username, long now) {
        ConsoleUserEntity user = em.find(ConsoleUserEntity.class, username, LockModeType.PESSIMISTIC_WRITE);
        if (user != null) {
            user.loginFailed(now, Long.getLong("kms.console.max-failed-logins", 5), Long.getLong("kms.console.lockout-seconds", 900));
        }
    }

    public void succeeded(String username) {
        ConsoleUserEntity user = em.find(ConsoleUserEntity.class, username);
        if (user != null && user.failedLogins() > 0) {
            user.loginSucceeded();
        }
    }
}
