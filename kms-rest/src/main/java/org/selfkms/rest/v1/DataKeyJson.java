package org.selfkms.rest.v1;

import jakarta.json.JsonObjectBuilder;
import org.selfkms.api.datakey.DataKeyMetadata;
import org.selfkms.api.json.Jsons;

/**
 * A hosted data key as the REST door shows it: camelCase, times as RFC 3339 UTC, absent times left out (as
 * {@link KeyJson}), tags as one object of strings. Never the data key's material.
 */
final class DataKeyJson {

    private DataKeyJson() {
    }

    static JsonObjectBuilder of(DataKeyMetadata dataKey) {
        JsonObjectBuilder tags = Jsons.object();
        dataKey.tags().forEach(tag -> tags.add(tag.key(), tag.value()));
        JsonObjectBuilder out = Jsons.object()
                .add("dataKeyId", dataKey.dataKeyId())
                .add("keyId", dataKey.keyId())
                .add("keyAlias", dataKey.keyAlias())
                .add("name", dataKey.name())
                .add("numberOfBytes", dataKey.numberOfBytes())
                .add("description", dataKey.description())
                .add("state", dataKey.state().name())
                .add("origin", dataKey.origin().name())
                .add("owner", dataKey.owner())
                .add("tags", tags)
                .add("resourceId", dataKey.resourceId());
        KeyJson.time(out, "createTime", dataKey.createTime());
        KeyJson.time(out, "deletionDate", dataKey.deletionDate());
        return out;
    }
}
