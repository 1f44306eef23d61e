package org.selfkms.api.datakey;

import org.selfkms.api.key.KeyOrigin;
import org.selfkms.api.key.KeyTag;

import java.io.Serializable;
import java.util.List;

/**
 * What callers may know about a hosted data key. Never carries its material.
 *
 * @param keyId        the root CMK, under which the data key is stored wrapped
 * @param keyAlias     the root CMK's alias (Tencent's KeyName)
 * @param createTime   Unix seconds
 * @param deletionDate Unix seconds, 0 when no deletion is scheduled
 * @param origin       TENCENT_KMS for a data key this server generated, EXTERNAL for one imported in plaintext
 * @param owner        {@code user}, or the name of the service that created it
 */
public record DataKeyMetadata(String dataKeyId, String keyId, String keyAlias, String name, int numberOfBytes,
                              long createTime, String description, DataKeyState state, String owner,
                              long creatorUin, long deletionDate, KeyOrigin origin, List<KeyTag> tags)
        implements Serializable {

    public DataKeyMetadata {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** The data key's resource name as Tencent writes it ({@code creatorUin/<uin>/<dataKeyId>}). */
    public String resourceId() {
        return "creatorUin/" + creatorUin + "/" + dataKeyId;
    }
}
