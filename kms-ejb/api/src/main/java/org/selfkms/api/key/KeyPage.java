package org.selfkms.api.key;

import java.io.Serializable;
import java.util.List;

/** One page of a key listing and the total number of keys that match. */
public record KeyPage(List<KeyMetadata> keys, long totalCount) implements Serializable {
    public KeyPage {
        keys = List.copyOf(keys);
    }
}
