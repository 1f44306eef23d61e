package org.selfkms.key;

import org.junit.jupiter.api.Test;
import org.selfkms.api.error.KmsErrorCode;
import org.selfkms.api.error.KmsException;
import org.selfkms.api.key.KeyTag;
import org.selfkms.api.key.TagFilter;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class KeyTagsTest {

    @Test
    void acceptsTheTagServiceCharacterSetAndEmptyValues() {
        assertDoesNotThrow(() -> KeyTags.check(List.of(new KeyTag("cost center", "R+D"),
                new KeyTag("部门", "研发"), new KeyTag("a:b/c@d=e.f_g-h", ""), new KeyTag("k".repeat(127), "v".repeat(255)))));
    }

    @Test
    void refusesDuplicatesWithTheirOwnCode() {
        assertEquals(KmsErrorCode.TAG_KEYS_DUPLICATED, code(() -> KeyTags.check(List.of(new KeyTag("env", "a"), new KeyTag("env", "b")))));
    }

    @Test
    void refusesBadKeysValuesAndTooMany() {
        assertEquals(KmsErrorCode.TAG_INVALID, code(() -> KeyTags.check(List.of(new KeyTag("", "v")))));
        assertEquals(KmsErrorCode.TAG_INVALID, code(() -> KeyTags.check(List.of(new KeyTag("   ", "v")))));
        assertEquals(KmsErrorCode.TAG_INVALID, code(() -> KeyTags.check(List.of(new KeyTag("k".repeat(128), "v")))));
        assertEquals(KmsErrorCode.TAG_INVALID, code(() -> KeyTags.check(List.of(new KeyTag("k", "v".repeat(256))))));
        assertEquals(KmsErrorCode.TAG_INVALID, code(() -> KeyTags.check(List.of(new KeyTag("k;", "v")))));
        assertEquals(KmsErrorCode.TAG_INVALID, code(() -> KeyTags.check(List.of(new KeyTag("k", "<script>")))));
        assertEquals(KmsErrorCode.TAG_INVALID, code(() -> KeyTags.check(List.of(new KeyTag("QCloud:owner", "v")))));
        assertEquals(KmsErrorCode.TAG_INVALID, code(() -> KeyTags.check(List.of(new KeyTag("k", null)))));
        List<KeyTag> many = new ArrayList<>();
        for (int i = 0; i <= KeyTags.MAX_TAGS_PER_KEY; i++) {
            many.add(new KeyTag("k" + i, "v"));
        }
        assertEquals(KmsErrorCode.TAG_INVALID, code(() -> KeyTags.check(many)));
        assertDoesNotThrow(() -> KeyTags.check(many.subList(0, KeyTags.MAX_TAGS_PER_KEY)));
    }

    @Test
    void filtersAreBounded() {
        assertEquals(KmsErrorCode.TAG_INVALID, code(() -> KeyTags.checkFilters(List.of(new TagFilter("", List.of())))));
        List<TagFilter> many = new ArrayList<>();
        for (int i = 0; i <= KeyTags.MAX_FILTERS; i++) {
            many.add(new TagFilter("k" + i, List.of()));
        }
        assertEquals(KmsErrorCode.TAG_INVALID, code(() -> KeyTags.checkFilters(many)));
        assertDoesNotThrow(() -> KeyTags.checkFilters(List.of(new TagFilter("team", null))));
    }

    private static KmsErrorCode code(org.junit.jupiter.api.function.Executable call) {
        return assertThrows(KmsException.class, call).code();
    }
}
