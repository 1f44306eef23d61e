package org.selfkms.client.tink;

import org.selfkms.client.EncryptionContext;
import org.selfkms.client.Kms;
import org.selfkms.client.KmsRequestException;
import org.selfkms.client.RestV1Kms;
import org.selfkms.client.RestV1Session;

/**
 * Finds the key an alias names now, so that a {@link SelfKmsAead} made for an alias URI can tell ciphertexts of
 * its key from those of other keys (the server decrypts by the blob alone). Asked at most once per Aead, and only
 * when it decrypts before it has encrypted (an Encrypt answers the key id anyway).
 */
@FunctionalInterface
public interface AliasResolver {

    /** @throws org.selfkms.client.KmsClientException if the server does not answer or knows no such alias */
    String keyIdOf(String alias);

    /**
     * Describes the key ({@code GET /api/v1/keys/{alias}}, docs/rest-api.md, "Describe"): any state, archived keys
     * too. A service principal (role SERVICE) uses keys but may not describe them, so for it this falls back to
     * {@link #byEncrypting}.
     */
    static AliasResolver restV1(RestV1Session session) {
        AliasResolver byEncrypting = byEncrypting(new RestV1Kms(session));
        return alias -> {
            try {
                return session.get("/keys/" + RestV1Session.segment(alias)).getString("keyId");
            } catch (KmsRequestException e) {
                if (!"UNAUTHORIZED".equals(e.errorCode())) {
                    throw e;
                }
                return byEncrypting.keyIdOf(alias);
            }
        };
    }

    /**
     * Encrypts one byte under the alias and keeps the key id of the answer: through any door (the Tencent door's
     * {@code Kms} has no describe), with no right beyond what encrypting needs, but an Encrypt in the audit trail
     * and only for a key that encrypts - an archived or disabled key's alias is not resolved this way.
     */
    static AliasResolver byEncrypting(Kms kms) {
        return alias -> kms.encrypt(alias, new byte[] {1}, EncryptionContext.of("selfkms.tink", "resolve-alias")).keyId();
    }
}
