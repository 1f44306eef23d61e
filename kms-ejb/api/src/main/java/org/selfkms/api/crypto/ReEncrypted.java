package org.selfkms.api.crypto;

import java.io.Serializable;

/**
 * The result of a re-encryption: the plaintext never left the server.
 *
 * @param keyId       the destination key
 * @param sourceKeyId the key the given blob was made under
 * @param reEncrypted false when nothing needed to change (same key, still its current version, same context)
 *                    and {@code blob} is the one given
 */
public record ReEncrypted(String blob, String keyId, String sourceKeyId, boolean reEncrypted) implements Serializable {
}
