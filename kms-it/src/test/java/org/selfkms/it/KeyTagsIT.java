package org.selfkms.it;

import com.tencentcloudapi.kms.v20190118.models.CreateKeyRequest;
import com.tencentcloudapi.kms.v20190118.models.CreateKeyResponse;
import com.tencentcloudapi.kms.v20190118.models.KeyMetadata;
import com.tencentcloudapi.kms.v20190118.models.ListKeyDetailRequest;
import com.tencentcloudapi.kms.v20190118.models.ListKeyDetailResponse;
import com.tencentcloudapi.kms.v20190118.models.Tag;
import com.tencentcloudapi.kms.v20190118.models.TagFilter;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Tags through the SDK: CreateKey's Tags, ListKeyDetail's TagFilters, and the refusals of bad tags. */
class KeyTagsIT extends SdkKeyTest {

    @Test
    void tagsGivenAtCreationSelectKeysInListKeyDetail() throws Exception {
        String team = "team-" + Long.toString(System.nanoTime(), 36);
        CreateKeyResponse payments = create(uniqueAlias("tag-pay"), tag("team", team), tag("app", "payments"));
        assertEquals(0L, payments.getTagCode(), payments.getTagMsg());
        String orders = create(uniqueAlias("tag-ord"), tag("team", team), tag("app", "orders")).getKeyId();
        String reports = create(uniqueAlias("tag-rep"), tag("team", team), tag("app", "reports")).getKeyId();
        create(uniqueAlias("tag-other"), tag("team", team + "-other"), tag("app", "payments"));

        // keys made in the same second tie on creation time, so compare as sets: ordering is tested elsewhere
        assertEquals(Set.of(reports, orders, payments.getKeyId()), list(filter("team", team)), "every key of the team");
        assertEquals(Set.of(orders, payments.getKeyId()), list(filter("team", team), filter("app", "payments", "orders")),
                "all filters must match; a filter's values are alternatives");
        assertEquals(Set.of(), list(filter("team", team), filter("app", "nothing-has-this")));
        assertEquals(Set.of(), list(filter("no-key-has-this-tag")));
    }

    @Test
    void badTagsAreRefusedAndCreateNothing() throws Exception {
        String alias = uniqueAlias("tag-bad");
        assertCode("InvalidParameterValue.TagKeysDuplicated", () -> create(alias, tag("env", "a"), tag("env", "b")));
        assertCode("InvalidParameterValue", () -> create(alias, tag("qcloud:reserved", "x")));
        assertCode("InvalidParameterValue", () -> create(alias, tag("x".repeat(128), "x")));
        assertCode("InvalidParameterValue", () -> create(alias, tag("env", "v".repeat(256))));
        assertCode("InvalidParameterValue", () -> create(alias, tag("env", "semi;colon")));
        Tag[] tooMany = new Tag[51];
        for (int i = 0; i < tooMany.length; i++) {
            tooMany[i] = tag("k" + i, "v");
        }
        assertCode("InvalidParameterValue", () -> create(alias, tooMany));
        Tag noValue = new Tag();
        noValue.setTagKey("env");
        assertCode("MissingParameter", () -> create(alias, noValue));
        // none of the refused requests took the alias
        create(alias, tag("env", "ok"));
    }

    private static CreateKeyResponse create(String alias, Tag... tags) throws Exception {
        CreateKeyRequest request = new CreateKeyRequest();
        request.setAlias(alias);
        request.setTags(tags);
        return kms.CreateKey(request);
    }

    private static Set<String> list(TagFilter... filters) throws Exception {
        ListKeyDetailRequest request = new ListKeyDetailRequest();
        request.setTagFilters(filters);
        request.setLimit(200L);
        ListKeyDetailResponse response = kms.ListKeyDetail(request);
        assertEquals(response.getKeyMetadatas().length, response.getTotalCount().intValue());
        return Arrays.stream(response.getKeyMetadatas()).map(KeyMetadata::getKeyId).collect(Collectors.toSet());
    }

    private static Tag tag(String key, String value) {
        Tag tag = new Tag();
        tag.setTagKey(key);
        tag.setTagValue(value);
        return tag;
    }

    private static TagFilter filter(String key, String... values) {
        TagFilter filter = new TagFilter();
        filter.setTagKey(key);
        filter.setTagValue(values);
        return filter;
    }
}
