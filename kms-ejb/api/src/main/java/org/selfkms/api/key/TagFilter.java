package org.selfkms.api.key;

import java.io.Serializable;
import java.util.List;

/**
 * Keys carrying tag {@code key} with one of {@code values}; an empty list accepts any value. Several filters
 * in one query must all match.
 */
public record TagFilter(String key, List<String> values) implements Serializable {

    public TagFilter {
        values = values == null ? List.of() : List.copyOf(values);
    }
}
