package org.selfkms.api.identity;

import jakarta.ejb.Local;

import java.util.List;

/**
 * A tenant administrator's management of the tenant's console users and API credentials. Everything is scoped
 * to the caller's tenant: another tenant's user or credential is "not found". Changes take effect for the
 * next request: a disabled or deleted credential, or a deleted user's credentials, stop working at once.
 */
@Local
public interface IdentityAdministration {

    List<ConsoleUserInfo> users(Caller caller);

    /**
     * @param role TENANT_ADMIN, KEY_USER or AUDITOR
     * @param password at least 12 characters; hashed with PBKDF2, never stored; the caller zeroises it
     */
    ConsoleUserInfo createUser(Caller caller, String username, Role role, char[] password);

    /**
     * Deletes the user and every API credential that acts with its role. A user cannot delete itself, neither
     * logged in to the console nor through one of its own API credentials.
     */
    void deleteUser(Caller caller, String username);

    List<CredentialInfo> credentials(Caller caller);

    /** A new SecretId/SecretKey pair acting with {@code username}'s role; the SecretKey is shown this once. */
    NewCredential createCredential(Caller caller, String username);

    /**
     * A service principal: a SecretId/SecretKey pair through which an integrated service ({@code cos}, {@code cdb}...)
     * calls for this tenant, acting as {@link Role#SERVICE}. Creating one is the tenant's authorisation of that
     * service; its first use of alias {@code kms-<service>} creates the service's managed key. The SecretKey is
     * shown this once.
     *
     * @param service 2-32 lower-case letters or digits, starting with a letter; not {@code user}
     */
    NewCredential createServiceCredential(Caller caller, String service);

    void setCredentialEnabled(Caller caller, String secretId, boolean enabled);

    void deleteCredential(Caller caller, String secretId);

    /**
     * A console user's new password, given the current one: a wrong current password counts towards the lockout
     * like a wrong login ({@code AUTH_LOGIN_FAILED}, or {@code AUTH_LOGIN_LOCKED} while locked); the new one follows
     * the rules of {@link #createUser} and differs from the current one ({@code INVALID_PARAMETER_VALUE}). Refused
     * to API credentials ({@code UNAUTHORIZED}): a password is changed by the person who knows it. The caller
     * zeroises both arrays.
     */
    void changeOwnPassword(Caller caller, char[] currentPassword, char[] newPassword);
}
