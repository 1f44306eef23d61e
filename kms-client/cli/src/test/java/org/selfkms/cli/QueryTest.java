package org.selfkms.cli;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class QueryTest {

    @Test
    void onlyGivenParametersAreSentEncoded() {
        assertEquals("", new Query().add("state", null).flag("platform", false).toString());
        Query query = new Query().add("search", "shop orders").add("state", null).add("limit", 200)
                .add("from", "2026-01-31T08:00:00+01:00").flag("platform", true);
        assertEquals("?search=shop+orders&limit=200&from=2026-01-31T08%3A00%3A00%2B01%3A00&platform=true", query.toString());
        assertEquals(query + "&cursor=abc", query.copy().add("cursor", "abc").toString());
        assertEquals("?search=shop+orders&limit=200&from=2026-01-31T08%3A00%3A00%2B01%3A00&platform=true", query.toString(),
                "a copy leaves the original as it was");
    }
}
