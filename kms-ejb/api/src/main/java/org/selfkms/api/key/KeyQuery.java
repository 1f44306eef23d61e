package org.selfkms.api.key;

import java.io.Serializable;
import java.util.List;

/**
 * Filters, order and page of a detailed key listing. A null filter matches everything.
 *
 * @param search     part of the key id or alias, case-insensitive
 * @param usage      null for every usage
 * @param ascending  by creation time; newest first when false
 * @param tagFilters all must match; null or empty for no tag condition
 * @param role       customer keys or service-managed keys; null for both
 */
public record KeyQuery(int offset, int limit, boolean ascending, KeyState state, String search, KeyOrigin origin,
                       KeyUsage usage, List<TagFilter> tagFilters, KeyRole role) implements Serializable {

    public KeyQuery {
        tagFilters = tagFilters == null ? List.of() : List.copyOf(tagFilters);
    }

    /** Customer keys only, as Tencent's listings do without a Role. */
    public KeyQuery(int offset, int limit, boolean ascending, KeyState state, String search, KeyOrigin origin,
                    KeyUsage usage, List<TagFilter> tagFilters) {
        this(offset, limit, ascending, state, search, origin, usage, tagFilters, KeyRole.USER);
    }
}
