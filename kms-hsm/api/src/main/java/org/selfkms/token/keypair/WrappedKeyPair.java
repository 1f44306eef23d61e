package org.selfkms.token.keypair;

import org.selfkms.token.WrappedKey;

/**
 * A key pair of the SOFTWARE protection level as it is stored: the private key (PKCS#8 DER) wrapped under the
 * domain key, the public key in the clear (DER X.509 SubjectPublicKeyInfo).
 */
public record WrappedKeyPair(KeyPairSpec spec, WrappedKey privateKey, byte[] publicKey) {

    public WrappedKeyPair {
        publicKey = publicKey.clone();
    }

    @Override
    public byte[] publicKey() {
        return publicKey.clone();
    }

    @Override
    public String toString() {
        return "WrappedKeyPair[" + spec + "]";
    }
}
