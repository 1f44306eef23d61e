package org.selfkms.api.key;

import jakarta.ejb.Local;
import org.selfkms.api.identity.Caller;

/**
 * Bring your own key: material for a key created with origin {@link KeyOrigin#EXTERNAL} comes from its owner,
 * wrapped under a public key the token generated. Every method refuses keys of another origin with
 * {@code KEY_NOT_EXTERNAL}, and service principals with {@code UNAUTHORIZED}.
 */
@Local
public interface KeyImport {

    /**
     * A fresh RSA-2048 wrapping key pair in the token and a single-use import token, valid for 24 hours.
     *
     * @param wrappingAlgorithm {@code RSAES_PKCS1_V1_5}, {@code RSAES_OAEP_SHA_1} or {@code RSAES_OAEP_SHA_256}
     * @param wrappingKeySpec   {@code RSA_2048}
     */
    ImportParameters getParametersForImport(Caller caller, String keyRef, String wrappingAlgorithm, String wrappingKeySpec);

    /**
     * Imports the 256-bit material wrapped under the token's public key. The key becomes Enabled; a key that
     * had material before accepts only that same material (to set a new expiry, or after a deletion or expiry).
     *
     * @param validTo Unix seconds when the material expires (the key then returns to PendingImport), 0 for never
     */
    KeyMetadata importKeyMaterial(Caller caller, String keyRef, String importToken, byte[] encryptedKeyMaterial, long validTo);

    /** Destroys the material; the key waits in PendingImport for the same material to be imported again. */
    KeyMetadata deleteImportedKeyMaterial(Caller caller, String keyRef);
}
