package org.selfkms.api.key;

import java.io.Serializable;

/**
 * A tag on a CMK, as Tencent's {@code Tag{TagKey, TagValue}}: at most one value per tag key on a key.
 * The service checks the rules (lengths, characters, 50 per key, no duplicate keys).
 */
public record KeyTag(String key, String value) implements Serializable {
}
