package org.selfkms.api.identity;

/**
 * Short-lived bearer tokens that the REST door gives out in exchange for an API credential. A token stands for
 * its credential: the gate checks the credential again on every use, so a disabled or deleted credential takes
 * its tokens with it.
 */
public interface BearerTokens {

    /** How long a token lives, in seconds. */
    long LIFETIME_SECONDS = 900;

    /** A new token for the caller; the only time it exists in clear text on the server. */
    String issue(Caller caller);

    /**
     * Revokes a token issued to {@code caller}; a token of another credential is left alone.
     *
     * @return whether a live token was revoked
     */
    boolean revoke(Caller caller, String token);
}
