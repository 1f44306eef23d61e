package org.selfkms.cluster;

import java.util.UUID;

/**
 * What every node must forget after a change: one entry of one in-memory cache. Travels between nodes as a short
 * string ({@link #encode}), so the replicated cache needs no marshaller for it.
 */
public record Invalidation(Kind kind, String id) {

    public enum Kind {
        /** An API credential (disabled, deleted, its user deleted or given another role). */
        CREDENTIAL('c'),
        /** A CMK's metadata (state, alias, versions). */
        KEY('k'),
        /** A CMK's metadata and its unwrapped version material (material destroyed or imported again). */
        KEY_MATERIAL('m'),
        /** Which tenants are suspended. */
        TENANTS('t');

        private final char code;

        Kind(char code) {
            this.code = code;
        }
    }

    public Invalidation {
        if (kind == null || id == null) {
            throw new IllegalArgumentException("an invalidation names a kind and an id");
        }
    }

    public static Invalidation credential(String secretId) {
        return new Invalidation(Kind.CREDENTIAL, secretId);
    }

    public static Invalidation key(UUID keyId) {
        return new Invalidation(Kind.KEY, keyId.toString());
    }

    public static Invalidation keyMaterial(UUID keyId) {
        return new Invalidation(Kind.KEY_MATERIAL, keyId.toString());
    }

    public static Invalidation tenants(long tenantId) {
        return new Invalidation(Kind.TENANTS, Long.toString(tenantId));
    }

    public String encode() {
        return kind.code + ":" + id;
    }

    /** @throws IllegalArgumentException for anything {@link #encode} does not produce */
    public static Invalidation decode(String encoded) {
        if (encoded == null || encoded.length() < 3 || encoded.charAt(1) != ':') {
            throw new IllegalArgumentException("not an invalidation");
        }
        for (Kind kind : Kind.values()) {
            if (kind.code == encoded.charAt(0)) {
                return new Invalidation(kind, encoded.substring(2));
            }
        }
        throw new IllegalArgumentException("unknown kind of invalidation");
    }
}
