package org.selfkms.api.identity;

import org.selfkms.api.error.KmsErrorCode;
import org.selfkms.api.error.KmsException;

import java.util.Optional;

/**
 * A refused authentication. When the request named an identity that exists (a known SecretId with a bad
 * signature, a known user with a wrong password), {@link #claimedBy()} says whose it was, so that the audit
 * record lands in that tenant's trail. Doors must not show it to the caller: the message stays the same
 * either way, so nothing reveals which identities exist.
 */
public class AuthenticationFailedException extends KmsException {

    private static final long serialVersionUID = 1L;

    private final Caller claimedBy;

    public AuthenticationFailedException(KmsErrorCode code, String message, Caller claimedBy) {
        super(code, message);
        this.claimedBy = claimedBy;
    }

    /** The identity the request claimed, not proven; empty when no such identity exists. */
    public Optional<Caller> claimedBy() {
        return Optional.ofNullable(claimedBy);
    }
}
