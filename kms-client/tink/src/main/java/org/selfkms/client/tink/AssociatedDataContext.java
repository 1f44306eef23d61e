package org.selfkms.client.tink;

import org.selfkms.client.EncryptionContext;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * How Tink's associated data reaches the server: as an encryption context, which the server binds to the
 * ciphertext and demands again at decryption (docs/rest-api.md, "Encrypt"). Empty associated data is no context
 * at all, so the blobs that KmsEnvelopeAead wraps its data keys in (it passes none) decrypt with any client of the
 * server. Otherwise one pair:
 * <ul>
 *   <li>{@value #NAME} = the associated data in base64url without padding, up to {@value #MAX_INLINE_BYTES} bytes;</li>
 *   <li>{@value #DIGEST_NAME} = base64url of its SHA-256 when longer, since the server takes at most 1024
 *       characters of context (docs/api.md, "Errors").</li>
 * </ul>
 * The two names keep the forms apart: no short associated data maps to the pair of a long one. The context is
 * not secret (the audit trail shows it), as associated data is not in Tink either.
 */
final class AssociatedDataContext {

    static final String NAME = "tink.associatedData";
    static final String DIGEST_NAME = "tink.associatedDataSha256";
    static final int MAX_INLINE_BYTES = 512;

    private AssociatedDataContext() {
    }

    static EncryptionContext of(byte[] associatedData) throws GeneralSecurityException {
        if (associatedData == null || associatedData.length == 0) {
            return EncryptionContext.empty();
        }
        Base64.Encoder base64url = Base64.getUrlEncoder().withoutPadding();
        if (associatedData.length <= MAX_INLINE_BYTES) {
            return EncryptionContext.of(NAME, base64url.encodeToString(associatedData));
        }
        return EncryptionContext.of(DIGEST_NAME,
                base64url.encodeToString(MessageDigest.getInstance("SHA-256").digest(associatedData)));
    }
}
