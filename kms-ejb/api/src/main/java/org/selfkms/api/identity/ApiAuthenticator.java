package org.selfkms.api.identity;

import jakarta.ejb.Local;

/** Establishes the caller of an HTTP API request from its request signature. */
@Local
public interface ApiAuthenticator {

    /**
     * @throws org.selfkms.api.error.KmsException with an {@code AUTH_*} code if the signature is malformed,
     *         the SecretId unknown, the timestamp outside the allowed skew, or the signature wrong
     */
    Caller authenticate(SignedApiRequest request);
}
