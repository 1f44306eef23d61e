package org.selfkms.api.key;

import java.io.Serializable;

/**
 * What callers may know about a CMK. Never carries key material.
 *
 * @param createTime   Unix seconds
 * @param deletionDate Unix seconds, 0 when no deletion is scheduled
 * @param owner        {@code user} for customer keys, the service name for service-managed keys
 */
public record KeyMetadata(String keyId, String alias, String description, KeyState state, KeyUsage usage,
                          KeyOrigin origin, ProtectionLevel protectionLevel, long createTime, long creatorUin,
                          String owner, boolean rotationEnabled, long deletionDate, int currentVersion)
        implements Serializable {
}
