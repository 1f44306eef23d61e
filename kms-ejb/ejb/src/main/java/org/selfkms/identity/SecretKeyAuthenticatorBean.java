package org.selfkms.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.selfkms.api.error.KmsErrorCode;
import org.selfkms.api.identity.AuthenticationFailedException;
import org.selfkms.api.identity.Caller;
import org.selfkms.api.identity.SecretKeyAuthenticator;
import org.selfkms.bootstrap.WallClock;
import org.selfkms.identity.CredentialDirectory.ActiveCredential;
import org.selfkms.tenant.SuspendedTenants;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Arrays;

/**
 * Checks a presented SecretKey against the stored one (constant time) through the same cached
 * {@link CredentialDirectory} as request signatures, so disabling or deleting a credential takes effect at once.
 */
@ApplicationScoped
public class SecretKeyAuthenticatorBean implements SecretKeyAuthenticator {

    @Inject
    private CredentialDirectory credentials;

    @Inject
    private CredentialUsage usage;

    @Inject
    private SuspendedTenants suspendedTenants;

    @Inject
    @WallClock
    private Clock clock;

    @Override
    public Caller authenticate(String secretId, String secretKey) {
        ActiveCredential credential = credentials.require(secretId);
        Caller claimed = credential.caller();
        byte[] presented = secretKey == null ? new byte[0] : secretKey.getBytes(StandardCharsets.UTF_8);
        try {
            if (!MessageDigest.isEqual(credential.secret(), presented)) {
                throw new AuthenticationFailedException(KmsErrorCode.AUTH_LOGIN_FAILED, "The SecretKey does not match", claimed);
            }
        } finally {
            Arrays.fill(presented, (byte) 0);
        }
        suspendedTenants.admit(claimed);
        usage.used(credential.secretId(), clock.instant().getEpochSecond());
        return claimed;
    }

    @Override
    public Caller current(String secretId) {
        Caller caller = credentials.require(secretId).caller();
        suspendedTenants.admit(caller);
        usage.used(secretId, clock.instant().getEpochSecond());
        return caller;
    }
}
