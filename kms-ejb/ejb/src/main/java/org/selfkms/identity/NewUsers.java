package org.selfkms.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.selfkms.api.error.KmsErrorCode;
import org.selfkms.api.error.KmsException;
import org.selfkms.api.identity.Role;
import org.selfkms.key.policy.PolicyPrincipals;

/**
 * The one way a console user is made (a tenant administrator adding one, the operator creating a tenant with
 * its first administrator), in the caller's transaction, with the rules for names, roles and passwords.
 */
@ApplicationScoped
public class NewUsers {

    static final int MIN_PASSWORD_LENGTH = 12;
    static final int MAX_PASSWORD_LENGTH = 1024;
    private static final String USERNAME = "[A-Za-z0-9][A-Za-z0-9._@-]{1,63}";

    @PersistenceContext(unitName = "kms")
    private EntityManager em;

    /**
     * @param role TENANT_ADMIN, KEY_USER or AUDITOR
     * @throws KmsException {@code INVALID_PARAMETER_VALUE} for a bad name, role or password, {@code IDENTITY_EXISTS}
     */
    /** A password has 12 to 1024 characters (the upper bound keeps hashing cheap for the server). */
    static void checkPassword(char[] password) {
        if (password == null || password.length < MIN_PASSWORD_LENGTH || password.length > MAX_PASSWORD_LENGTH) {
            throw new KmsException(KmsErrorCode.INVALID_PARAMETER_VALUE, "A password has at least " + MIN_PASSWORD_LENGTH
                    + " characters (at most " + MAX_PASSWORD_LENGTH + ")");
        }
    }

    public ConsoleUserEntity create(long tenantId, String username, Role role, char[] password, long now) {
        if (username == null || !username.matches(USERNAME)) {
            throw new KmsException(KmsErrorCode.INVALID_PARAMETER_VALUE,
                    "A user name is 2 to 64 letters, digits, '.', '_', '@' or '-', starting with a letter or digit");
        }
        if (role == null || !role.assignableToUsers()) {
            throw new KmsException(KmsErrorCode.INVALID_PARAMETER_VALUE, "A user's role is TENANT_ADMIN, KEY_USER or AUDITOR");
        }
        checkPassword(password);
        if (em.find(ConsoleUserEntity.class, username) != null) {
            throw new KmsException(KmsErrorCode.IDENTITY_EXISTS, "The user name is taken");
        }
        PolicyPrincipals.checkUserNameFree(em, tenantId, username);
        ConsoleUserEntity user = new ConsoleUserEntity(username, tenantId, PasswordHash.hash(password), role, now);
        em.persist(user);
        return user;
    }
}
