package org.selfkms.console.keys;

import java.io.Serializable;
import java.util.List;
import org.selfkms.api.key.KeyOrigin;
import org.selfkms.api.key.KeyQuery;
import org.selfkms.api.key.KeyRole;
import org.selfkms.api.key.KeySort;
import org.selfkms.api.key.KeyState;
import org.selfkms.api.key.KeyUsage;
import org.selfkms.api.key.ProtectionLevel;
import org.selfkms.api.key.TagFilter;

/**
 * What the key list is filtered by: the tab (customer or service-managed keys) and the filter bar. Null matches
 * everything. {@code tag} is {@code key} or {@code key=value}, as typed.
 */
record KeyListFilter(KeyRole role, String search, KeyState state, KeyUsage usage, ProtectionLevel protection,
                     KeyOrigin origin, String owner, String tag) implements Serializable {

    static KeyListFilter of(KeyRole role) {
        return new KeyListFilter(role, null, null, null, null, null, null, null);
    }

    KeyQuery query(int offset, int limit, KeySort sort, boolean ascending) {
        return new KeyQuery(offset, limit, ascending, state, blankToNull(search), origin, usage, tagFilters(), role,
                protection, owner, true, sort);
    }

    private List<TagFilter> tagFilters() {
        String typed = blankToNull(tag);
        if (typed == null) {
            return List.of();
        }
        int equals = typed.indexOf('=');
        return equals < 0 ? List.of(new TagFilter(typed.strip(), List.of()))
                : List.of(new TagFilter(typed.substring(0, equals).strip(), List.of(typed.substring(equals + 1).strip())));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
