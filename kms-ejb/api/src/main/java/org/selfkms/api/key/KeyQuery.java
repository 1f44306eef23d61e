package org.selfkms.api.key;

import java.io.Serializable;
import java.util.List;

/**
 * Filters, order and page of a detailed key listing. A null filter matches everything.
 *
 * @param search            part of the key id or alias (and of the description, if {@code searchDescription}),
 *                          case-insensitive
 * @param usage             null for every usage
 * @param ascending         in the order of {@code sort}; for creation time, newest first when false
 * @param tagFilters        all must match; null or empty for no tag condition
 * @param role              customer keys or service-managed keys; null for both
 * @param protectionLevel   null for every protection level
 * @param owner             exactly this owner ({@code user} or a service's name); null for every owner
 * @param searchDescription whether {@code search} also looks into descriptions (the console's search box; the
 *                          Tencent door's {@code SearchKeyAlias} does not)
 * @param sort              the column ordered by; null for creation time
 */
public record KeyQuery(int offset, int limit, boolean ascending, KeyState state, String search, KeyOrigin origin,
                       KeyUsage usage, List<TagFilter> tagFilters, KeyRole role, ProtectionLevel protectionLevel,
                       String owner, boolean searchDescription, KeySort sort) implements Serializable {

    public KeyQuery {
        tagFilters = tagFilters == null ? List.of() : List.copyOf(tagFilters);
        sort = sort == null ? KeySort.CREATED : sort;
    }

    /** The filters the Tencent door and the REST door offer. */
    public KeyQuery(int offset, int limit, boolean ascending, KeyState state, String search, KeyOrigin origin,
                    KeyUsage usage, List<TagFilter> tagFilters, KeyRole role) {
        this(offset, limit, ascending, state, search, origin, usage, tagFilters, role, null, null, false, KeySort.CREATED);
    }

    /** Customer keys only, as Tencent's listings do without a Role. */
    public KeyQuery(int offset, int limit, boolean ascending, KeyState state, String search, KeyOrigin origin,
                    KeyUsage usage, List<TagFilter> tagFilters) {
        this(offset, limit, ascending, state, search, origin, usage, tagFilters, KeyRole.USER);
    }
}
