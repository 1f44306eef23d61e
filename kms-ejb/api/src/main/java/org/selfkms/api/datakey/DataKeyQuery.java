package org.selfkms.api.datakey;

import org.selfkms.api.key.KeyOrigin;
import org.selfkms.api.key.KeyRole;
import org.selfkms.api.key.TagFilter;

import java.io.Serializable;
import java.util.List;

/**
 * Filters, order and page of a data-key listing (Tencent's ListDataKeyDetail). A null filter matches everything.
 *
 * @param ascending     by creation time; newest first when false
 * @param search        part of the data key's id or name, case-insensitive
 * @param keyRef        only the data keys of this root CMK (id or alias)
 * @param numberOfBytes only data keys of this length; 0 for every length
 * @param role          data keys customers made or those services made; null for both
 */
public record DataKeyQuery(int offset, int limit, boolean ascending, DataKeyState state, String search,
                           KeyOrigin origin, String keyRef, int numberOfBytes, List<TagFilter> tagFilters,
                           KeyRole role) implements Serializable {

    public DataKeyQuery {
        tagFilters = tagFilters == null ? List.of() : List.copyOf(tagFilters);
    }

    /** Every data key of one CMK, newest first (the console's view of a key). */
    public static DataKeyQuery ofKey(String keyRef, int offset, int limit) {
        return new DataKeyQuery(offset, limit, false, null, null, null, keyRef, 0, List.of(), null);
    }
}
