package org.selfkms.api.key;

import java.io.Serializable;
import java.util.List;

/**
 * A request to create a CMK.
 *
 * @param alias       required: 1-60 letters, digits, '-' or '_', starting with a letter or digit
 * @param description optional, at most 1024 bytes UTF-8
 * @param usage       null means {@link KeyUsage#ENCRYPT_DECRYPT}
 * @param origin      null means {@link KeyOrigin#TENCENT_KMS}
 * @param protectionLevel null means the server's default (KMS_DEFAULT_PROTECTION_LEVEL); the Tencent door has
 *                    no such field and always passes null
 * @param tags        null or empty for none
 * @param policy      who may do what with the key; null or {@link KeyPolicy#NONE} leaves it to the callers' roles
 * @param rotateDays  0 for no automatic rotation; otherwise the rotation period (7-365 days) of a symmetric
 *                    key with generated material, set in the same transaction as the key
 */
public record NewKey(String alias, String description, KeyUsage usage, KeyOrigin origin,
                     ProtectionLevel protectionLevel, List<KeyTag> tags, KeyPolicy policy, int rotateDays)
        implements Serializable {

    public NewKey {
        tags = tags == null ? List.of() : List.copyOf(tags);
        policy = policy == null ? KeyPolicy.NONE : policy;
    }

    /** A key without a policy or automatic rotation. */
    public NewKey(String alias, String description, KeyUsage usage, KeyOrigin origin, ProtectionLevel protectionLevel,
                  List<KeyTag> tags) {
        this(alias, description, usage, origin, protectionLevel, tags, KeyPolicy.NONE, 0);
    }
}
