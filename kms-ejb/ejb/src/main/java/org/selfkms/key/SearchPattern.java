package org.selfkms.key;

import java.util.Locale;

/** A search box's text as a case-insensitive JPQL LIKE pattern (escape character {@code !}) for "contains". */
public final class SearchPattern {

    private SearchPattern() {
    }

    /** Compare with {@code lower(column) like :pattern escape '!'}. */
    public static String contains(String search) {
        String lower = search.toLowerCase(Locale.ROOT);
        return "%" + lower.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }
}
