package org.selfkms.api.key;

import java.io.Serializable;

/**
 * What callers may know about a CMK. Never carries key material.
 *
 * @param createTime   Unix seconds
 * @param deletionDate Unix seconds, 0 when no deletion is scheduled
 * @param owner        {@code user} for customer keys, the service name for service-managed keys
 * @param rotateDays   rotation period in days (7-365)
 * @param nextRotateTime Unix seconds of the next automatic rotation, 0 when rotation is off
 * @param lastRotateTime Unix seconds of the last rotation, 0 if never rotated
 * @param validTo      EXTERNAL keys: Unix seconds when the imported material expires, 0 for never
 */
public record KeyMetadata(String keyId, String alias, String description, KeyState state, KeyUsage usage,
                          KeyOrigin origin, ProtectionLevel protectionLevel, long createTime, long creatorUin,
                          String owner, boolean rotationEnabled, long deletionDate, int currentVersion,
                          int rotateDays, long nextRotateTime, long lastRotateTime, long validTo)
        implements Serializable {

    /** The key's resource name as Tencent writes it ({@code creatorUin/<uin>/<keyId>}): what access policies name. */
    public String resourceId() {
        return "creatorUin/" + creatorUin + "/" + keyId;
    }
}
