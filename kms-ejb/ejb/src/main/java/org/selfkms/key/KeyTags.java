package org.selfkms.key;

import org.selfkms.api.error.KmsErrorCode;
import org.selfkms.api.error.KmsException;
import org.selfkms.api.key.KeyTag;
import org.selfkms.api.key.TagFilter;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules for tags, those of Tencent's tag service: key 1-127 and value 0-255 characters of letters,
 * digits, spaces and {@code + - = . _ : / @}; keys starting with qcloud, tencent or project are reserved
 * for the platform; at most 50 tags per key and no tag key twice.
 */
public final class KeyTags {

    static final int MAX_TAGS_PER_KEY = 50;
    public static final int MAX_FILTERS = 10;
    static final int MAX_FILTER_VALUES = 50;
    private static final Pattern KEY = Pattern.compile("[\\p{L}\\p{N} +\\-=._:/@]{1,127}");
    private static final Pattern VALUE = Pattern.compile("[\\p{L}\\p{N} +\\-=._:/@]{0,255}");
    private static final List<String> RESERVED_PREFIXES = List.of("qcloud", "tencent", "project");

    private KeyTags() {
    }

    /** Checks a set of tags for one key: each valid, no tag key twice, not too many. */
    public static void check(List<KeyTag> tags) {
        if (tags.size() > MAX_TAGS_PER_KEY) {
            throw new KmsException(KmsErrorCode.TAG_INVALID, "At most " + MAX_TAGS_PER_KEY + " tags per key");
        }
        Set<String> seen = new HashSet<>();
        for (KeyTag tag : tags) {
            checkKey(tag == null ? null : tag.key());
            if (tag.value() == null || !VALUE.matcher(tag.value()).matches()) {
                throw new KmsException(KmsErrorCode.TAG_INVALID,
                        "TagValue must be at most 255 letters, digits, spaces or + - = . _ : / @");
            }
            if (!seen.add(tag.key())) {
                throw new KmsException(KmsErrorCode.TAG_KEYS_DUPLICATED, "Tag key '" + tag.key() + "' appears twice");
            }
        }
    }

    public static void checkKey(String key) {
        if (key == null || !KEY.matcher(key).matches() || key.isBlank()) {
            throw new KmsException(KmsErrorCode.TAG_INVALID,
                    "TagKey must be 1-127 letters, digits, spaces or + - = . _ : / @");
        }
        String lower = key.toLowerCase(Locale.ROOT);
        if (RESERVED_PREFIXES.stream().anyMatch(lower::startsWith)) {
            throw new KmsException(KmsErrorCode.TAG_INVALID, "Tag keys starting with qcloud, tencent or project are reserved");
        }
    }

    public static void checkFilters(List<TagFilter> filters) {
        if (filters.size() > MAX_FILTERS) {
            throw new KmsException(KmsErrorCode.TAG_INVALID, "At most " + MAX_FILTERS + " tag filters");
        }
        for (TagFilter filter : filters) {
            if (filter == null || filter.key() == null || filter.key().isEmpty() || filter.key().length() > 127) {
                throw new KmsException(KmsErrorCode.TAG_INVALID, "Every tag filter needs a TagKey of 1-127 characters");
            }
            if (filter.values().size() > MAX_FILTER_VALUES || filter.values().stream().anyMatch(v -> v == null || v.length() > 255)) {
                throw new KmsException(KmsErrorCode.TAG_INVALID, "A tag filter takes at most 50 values of at most 255 characters");
            }
        }
    }
}
