package org.selfkms.rest.v1;

import jakarta.json.JsonObjectBuilder;
import org.selfkms.api.key.KeyMetadata;

import java.time.Instant;
import org.selfkms.api.json.Jsons;

/** A key as the REST door shows it: camelCase, times as RFC 3339 UTC, absent times left out. */
final class KeyJson {

    private KeyJson() {
    }

    static JsonObjectBuilder of(KeyMetadata key) {
        JsonObjectBuilder out = Jsons.object()
                .add("keyId", key.keyId())
                .add("alias", key.alias())
                .add("description", key.description())
                .add("state", key.state().name())
                .add("usage", key.usage().name())
                .add("origin", key.origin().name())
                .add("owner", key.owner())
                .add("currentVersion", key.currentVersion())
                .add("rotationEnabled", key.rotationEnabled())
                .add("rotateDays", key.rotateDays());
        if (key.protectionLevel() != null) {
            out.add("protectionLevel", key.protectionLevel().name());
        }
        time(out, "createTime", key.createTime());
        time(out, "nextRotateTime", key.nextRotateTime());
        time(out, "lastRotateTime", key.lastRotateTime());
        time(out, "deletionDate", key.deletionDate());
        time(out, "validTo", key.validTo());
        return out;
    }

    static void time(JsonObjectBuilder out, String name, long unixSeconds) {
        if (unixSeconds > 0) {
            out.add(name, Instant.ofEpochSecond(unixSeconds).toString());
        }
    }
}
