package org.selfkms.token;

import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * Key material encrypted under one version of the domain wrapping key. Safe to store: without the token
 * it reveals nothing. The encoded form {@code <domainKeyVersion>:<base64>} is what the database keeps.
 */
public final class WrappedKey {

    private final int domainKeyVersion;
    private final byte[] blob;

    public WrappedKey(int domainKeyVersion, byte[] blob) {
        if (domainKeyVersion < 1) {
            throw new IllegalArgumentException("domain key version must be positive");
        }
        this.domainKeyVersion = domainKeyVersion;
        this.blob = Objects.requireNonNull(blob, "blob").clone();
    }

    public int domainKeyVersion() {
        return domainKeyVersion;
    }

    public byte[] blob() {
        return blob.clone();
    }

    public String encode() {
        return domainKeyVersion + ":" + Base64.getEncoder().encodeToString(blob);
    }

    public static WrappedKey decode(String encoded) {
        int colon = encoded == null ? -1 : encoded.indexOf(':');
        if (colon < 1) {
            throw new IllegalArgumentException("not an encoded wrapped key");
        }
        try {
            return new WrappedKey(Integer.parseInt(encoded.substring(0, colon)),
                    Base64.getDecoder().decode(encoded.substring(colon + 1)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not an encoded wrapped key");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WrappedKey w && w.domainKeyVersion == domainKeyVersion && Arrays.equals(w.blob, blob);
    }

    @Override
    public int hashCode() {
        return 31 * domainKeyVersion + Arrays.hashCode(blob);
    }

    @Override
    public String toString() {
        return "WrappedKey[domainKeyVersion=" + domainKeyVersion + ", " + blob.length + " bytes]";
    }
}
