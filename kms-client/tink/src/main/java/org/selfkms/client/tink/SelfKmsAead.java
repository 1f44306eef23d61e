package org.selfkms.client.tink;

import com.google.crypto.tink.Aead;
import org.selfkms.client.EncryptionContext;
import org.selfkms.client.Kms;
import org.selfkms.client.KmsClientException;

import java.security.GeneralSecurityException;
import java.util.Arrays;

/**
 * Tink's {@link Aead} as the server's Encrypt and Decrypt under one key (the remote Aead of Tink's KmsAead and
 * KmsEnvelopeAead): the ciphertext is the server's CiphertextBlob, the associated data is bound as an encryption
 * context ({@link AssociatedDataContext}). Every call is one request; for data above 4096 bytes use
 * KmsEnvelopeAead, which sends only its data key. Thread-safe.
 *
 * <p>Decrypt answers only for ciphertexts of this Aead's key: the server opens any blob the caller may decrypt,
 * whatever key it names, so an attacker who swaps a stored ciphertext for one of another key the caller can use
 * would otherwise get their data accepted. The key's id comes from the URI, or for an alias URI from the first
 * Encrypt's answer or the {@link AliasResolver}, once: the Aead stays with that key even if the alias moves.
 */
public final class SelfKmsAead implements Aead {

    /** What the server's Encrypt takes (docs/rest-api.md, "Encrypt"). */
    public static final int MAX_PLAINTEXT_BYTES = 4096;

    private final Kms kms;
    private final KeyUri keyUri;
    private final AliasResolver aliases;
    /** The key's id: from the URI, or null until an alias is resolved. */
    private volatile String keyId;

    SelfKmsAead(Kms kms, KeyUri keyUri, AliasResolver aliases) {
        this.kms = kms;
        this.keyUri = keyUri;
        this.aliases = aliases;
        this.keyId = keyUri.isKeyId() ? keyUri.keyRef() : null;
    }

    public KeyUri keyUri() {
        return keyUri;
    }

    @Override
    public byte[] encrypt(byte[] plaintext, byte[] associatedData) throws GeneralSecurityException {
        if (plaintext == null || plaintext.length == 0 || plaintext.length > MAX_PLAINTEXT_BYTES) {
            throw new GeneralSecurityException("The KMS encrypts 1 to " + MAX_PLAINTEXT_BYTES + " bytes, not "
                    + (plaintext == null ? "null" : plaintext.length) + "; KmsEnvelopeAead encrypts data of any size");
        }
        EncryptionContext context = AssociatedDataContext.of(associatedData);
        String known = keyId;
        Kms.Ciphertext ciphertext;
        try {
            ciphertext = kms.encrypt(known != null ? known : keyUri.keyRef(), plaintext, context);
        } catch (KmsClientException e) {
            throw new GeneralSecurityException("SelfKMS could not encrypt under " + keyUri + ": " + e.getMessage(), e);
        }
        String bound = bind(ciphertext.keyId());
        if (!bound.equals(ciphertext.keyId())) {
            throw new GeneralSecurityException("The alias of " + keyUri + " now names key " + ciphertext.keyId()
                    + ", not key " + bound + " that this Aead is bound to");
        }
        return ciphertext.ciphertextBlob();
    }

    @Override
    public byte[] decrypt(byte[] ciphertext, byte[] associatedData) throws GeneralSecurityException {
        EncryptionContext context = AssociatedDataContext.of(associatedData);
        String expected = keyId();
        Kms.Plaintext plaintext;
        try {
            plaintext = kms.decrypt(ciphertext, context);
        } catch (KmsClientException e) {
            throw new GeneralSecurityException("SelfKMS could not decrypt for " + keyUri + ": " + e.getMessage(), e);
        }
        if (!expected.equals(plaintext.keyId())) {
            Arrays.fill(plaintext.plaintext(), (byte) 0);
            throw new GeneralSecurityException("The ciphertext is under key " + plaintext.keyId() + ", not under "
                    + keyUri + " (key " + expected + ")");
        }
        return plaintext.plaintext();
    }

    private String keyId() throws GeneralSecurityException {
        String known = keyId;
        if (known != null) {
            return known;
        }
        try {
            return bind(aliases.keyIdOf(keyUri.keyRef()));
        } catch (KmsClientException e) {
            throw new GeneralSecurityException("SelfKMS could not find the key of " + keyUri + ": " + e.getMessage(), e);
        }
    }

    /** Binds the Aead to the key id if it has none yet; answers the key id it is bound to. */
    private synchronized String bind(String answeredKeyId) {
        if (keyId == null) {
            keyId = answeredKeyId;
        }
        return keyId;
    }

    @Override
    public String toString() {
        return "SelfKmsAead[" + keyUri + "]";
    }
}
