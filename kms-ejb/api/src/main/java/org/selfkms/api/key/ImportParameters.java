package org.selfkms.api.key;

import java.io.Serializable;

/**
 * What a client needs to import key material: a single-use token and the public key to wrap the material
 * with, both valid until {@code validTo}.
 *
 * @param publicKey    DER-encoded X.509 SubjectPublicKeyInfo of an RSA-2048 key whose private key stays in the token
 * @param publicKeyPem the same key in PEM, as OpenSSL reads it
 * @param validTo      Unix seconds
 */
public record ImportParameters(String keyId, String importToken, byte[] publicKey, String publicKeyPem, long validTo)
        implements Serializable {

    public ImportParameters {
        publicKey = publicKey.clone();
    }

    @Override
    public byte[] publicKey() {
        return publicKey.clone();
    }

    /** The token is a credential for one import: it stays out of logs. */
    @Override
    public String toString() {
        return "ImportParameters[keyId=" + keyId + ", validTo=" + validTo + "]";
    }
}
