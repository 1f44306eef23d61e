package org.selfkms.api.identity;

import jakarta.ejb.Local;

/**
 * Authentication with the API credential's SecretId and SecretKey themselves, for doors that exchange them once
 * for a short-lived session (the REST door's bearer tokens), and the re-check such a session needs on every use.
 * Same credential rules as {@link ApiAuthenticator}: disabled or deleted credentials, credentials whose user is
 * gone and credentials of a suspended tenant are refused.
 */
@Local
public interface SecretKeyAuthenticator {

    /**
     * @throws org.selfkms.api.error.KmsException {@code AUTH_UNKNOWN_SECRET_ID} for an unknown or disabled
     *         SecretId; an {@link AuthenticationFailedException} naming the credential with {@code AUTH_LOGIN_FAILED}
     *         for a wrong SecretKey and {@code TENANT_SUSPENDED} for a suspended tenant
     */
    Caller authenticate(String secretId, String secretKey);

    /**
     * The caller that the credential acts as now (its user's current role), for a session opened with it earlier.
     *
     * @throws org.selfkms.api.error.KmsException {@code AUTH_UNKNOWN_SECRET_ID} if the credential is disabled,
     *         deleted or its user gone; {@code TENANT_SUSPENDED} (naming the credential) if its tenant is suspended
     */
    Caller current(String secretId);
}
