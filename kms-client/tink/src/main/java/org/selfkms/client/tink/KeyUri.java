package org.selfkms.client.tink;

import java.security.GeneralSecurityException;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A Tink key URI of this server: {@code selfkms://<keyRef>}, where the key reference is a key id (a UUID) or an
 * alias, bare or as {@code alias/<alias>} (docs/clients.md, "Google Tink"). An alias has the server's alias rules:
 * 1-60 letters, digits, {@code -} and {@code _} (docs/rest-api.md, "Create").
 */
public final class KeyUri {

    /** What every key URI of this server starts with (compared ignoring case, as Tink's own clients do). */
    public static final String PREFIX = "selfkms://";

    private static final String ALIAS_PREFIX = "alias/";
    private static final Pattern KEY_ID = Pattern.compile("[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}");
    private static final Pattern ALIAS = Pattern.compile("[A-Za-z0-9_-]{1,60}");

    private final String uri;
    private final String keyRef;
    private final boolean keyId;

    private KeyUri(String uri, String keyRef, boolean keyId) {
        this.uri = uri;
        this.keyRef = keyRef;
        this.keyId = keyId;
    }

    /** Whether the text is meant for this server, i.e. starts with {@link #PREFIX}; says nothing about the rest. */
    public static boolean hasPrefix(String uri) {
        return uri != null && uri.toLowerCase(Locale.ROOT).startsWith(PREFIX);
    }

    /** @throws GeneralSecurityException if the text is not {@code selfkms://} followed by a key id or an alias */
    public static KeyUri parse(String uri) throws GeneralSecurityException {
        if (!hasPrefix(uri)) {
            throw new GeneralSecurityException("Not a SelfKMS key URI (selfkms://<key id or alias>): " + uri);
        }
        String ref = uri.substring(PREFIX.length());
        if (ref.startsWith(ALIAS_PREFIX)) {
            ref = ref.substring(ALIAS_PREFIX.length());
        } else if (KEY_ID.matcher(ref).matches()) {
            // the server answers key ids in UUID's own lower-case form, so that is the form compared with them
            return new KeyUri(uri, UUID.fromString(ref).toString(), true);
        }
        if (!ALIAS.matcher(ref).matches() || KEY_ID.matcher(ref).matches()) {
            throw new GeneralSecurityException("The key URI " + uri + " names neither a key id (UUID) nor an alias"
                    + " (1-60 letters, digits, '-' and '_')");
        }
        return new KeyUri(uri, ref, false);
    }

    /** The key id or the alias (without {@code alias/}), as both doors of the server take it. */
    public String keyRef() {
        return keyRef;
    }

    /** Whether {@link #keyRef()} is a key id, which names one key for good, rather than an alias, which can move. */
    public boolean isKeyId() {
        return keyId;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof KeyUri that && keyRef.equals(that.keyRef);
    }

    @Override
    public int hashCode() {
        return keyRef.hashCode();
    }

    /** The URI as it was given. */
    @Override
    public String toString() {
        return uri;
    }
}
