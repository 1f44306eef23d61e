package org.selfkms.api.datakey;

import org.selfkms.api.key.KeyTag;

import java.io.Serializable;
import java.util.List;

/**
 * A data key to generate and host under a CMK (GenerateDataKey with IsHostedByKms=1).
 *
 * @param keyRef            the root CMK, by id or alias
 * @param encryptionContext bound to the stored blob (null or empty for none); kept with the data key so that
 *                          its plaintext can be given back later
 */
public record NewDataKey(String keyRef, String name, String description, int numberOfBytes,
                         String encryptionContext, List<KeyTag> tags) implements Serializable {

    public NewDataKey {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
