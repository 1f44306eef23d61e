package org.selfkms.cli.keys;

import org.selfkms.client.RestV1Session;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The REST paths of a key: {@code /keys/{keyRef}}, the key named by its id or alias (docs/rest-api.md, "Keys"). */
public final class KeyPaths {

    private KeyPaths() {
    }

    /**
     * {@code /keys/{keyRef}}. An alias may be given as {@code alias/name}, as the Tencent API and the library name
     * it; the REST path takes the bare name.
     */
    public static String of(String keyRef) {
        String ref = keyRef.startsWith("alias/") ? keyRef.substring("alias/".length()) : keyRef;
        if (ref.isBlank()) {
            throw new IllegalArgumentException("a key reference (key id or alias) must not be empty");
        }
        return "/keys/" + RestV1Session.segment(ref);
    }

    /** A tag key in a path: its slashes stay slashes (docs/rest-api.md: {@code DELETE .../tags/cost/centre}). */
    static String tagKey(String tagKey) {
        return Arrays.stream(tagKey.split("/", -1)).map(RestV1Session::segment).collect(Collectors.joining("/"));
    }
}
