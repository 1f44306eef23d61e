package org.selfkms.key;

import jakarta.persistence.EntityManager;
import org.selfkms.api.error.KmsErrorCode;
import org.selfkms.api.error.KmsException;
import org.selfkms.api.key.KeyTag;
import org.selfkms.api.key.TagFilter;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Reads and writes a key's tag rows, and turns tag filters into a condition on the key listing. */
public final class KeyTagRows {

    private KeyTagRows() {
    }

    static List<KeyTag> of(EntityManager em, String keyId) {
        return rows(em, keyId).stream().map(t -> new KeyTag(t.tagKey(), t.tagValue())).toList();
    }

    /** Adds the tags, replacing the value of tag keys already on the key; refuses to go past 50 in all. */
    static void put(EntityManager em, String keyId, List<KeyTag> tags) {
        KeyTags.check(tags);
        Map<String, KeyTagEntity> existing = rows(em, keyId).stream()
                .collect(Collectors.toMap(KeyTagEntity::tagKey, Function.identity()));
        long added = tags.stream().filter(t -> !existing.containsKey(t.key())).count();
        if (existing.size() + added > KeyTags.MAX_TAGS_PER_KEY) {
            throw new KmsException(KmsErrorCode.TAG_INVALID, "At most " + KeyTags.MAX_TAGS_PER_KEY + " tags per key");
        }
        for (KeyTag tag : tags) {
            KeyTagEntity row = existing.get(tag.key());
            if (row != null) {
                row.setValue(tag.value());
            } else {
                em.persist(new KeyTagEntity(keyId, tag.key(), tag.value()));
            }
        }
    }

    static void remove(EntityManager em, String keyId, List<String> tagKeys) {
        if (tagKeys.isEmpty()) {
            return;
        }
        tagKeys.forEach(KeyTags::checkKey);
        em.createQuery("delete from KeyTagEntity t where t.cmkId = :key and t.tagKey in :tagKeys")
                .setParameter("key", keyId).setParameter("tagKeys", tagKeys).executeUpdate();
    }

    /**
     * One EXISTS per filter on the listing's key alias {@code c}, so that every filter must match; the index
     * on (tag_key, tag_value, cmk_id) answers each.
     */
    static void appendFilters(List<TagFilter> filters, StringBuilder where, Map<String, Object> parameters) {
        appendFilters(filters, "KeyTagEntity", "cmkId", "c.id", where, parameters);
    }

    /**
     * The same for any tag entity (with {@code tagKey} and {@code tagValue}) whose {@code ownerAttribute} names the
     * listed row {@code ownerId}, e.g. a hosted data key's tags.
     */
    public static void appendFilters(List<TagFilter> filters, String tagEntity, String ownerAttribute, String ownerId,
                                     StringBuilder where, Map<String, Object> parameters) {
        KeyTags.checkFilters(filters);
        for (int i = 0; i < filters.size(); i++) {
            TagFilter filter = filters.get(i);
            where.append(" and exists (select t").append(i).append(" from ").append(tagEntity).append(" t").append(i)
                    .append(" where t").append(i).append('.').append(ownerAttribute).append(" = ").append(ownerId)
                    .append(" and t").append(i).append(".tagKey = :tagKey").append(i);
            parameters.put("tagKey" + i, filter.key());
            if (!filter.values().isEmpty()) {
                where.append(" and t").append(i).append(".tagValue in :tagValues").append(i);
                parameters.put("tagValues" + i, filter.values());
            }
            where.append(')');
        }
    }

    private static List<KeyTagEntity> rows(EntityManager em, String keyId) {
        return em.createQuery("select t from KeyTagEntity t where t.cmkId = :key order by t.tagKey", KeyTagEntity.class)
                .setParameter("key", keyId).getResultList();
    }
}
