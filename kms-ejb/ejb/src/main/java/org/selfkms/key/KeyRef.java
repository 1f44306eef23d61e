package org.selfkms.key;

import org.selfkms.api.error.KmsErrorCode;
import org.selfkms.api.error.KmsException;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * How a request names a CMK: by its id (a UUID) or by alias, bare or as {@code alias/<name>}. Aliases
 * that look like UUIDs are refused at creation, so the two never collide.
 */
public record KeyRef(UUID keyId, String alias) {

    static final Pattern ALIAS = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,59}");
    private static final Pattern UUID_SHAPE =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    public static KeyRef parse(String value) {
        if (value == null || value.isBlank()) {
            throw new KmsException(KmsErrorCode.MISSING_PARAMETER, "KeyId is required");
        }
        if (UUID_SHAPE.matcher(value).matches()) {
            return new KeyRef(UUID.fromString(value), null);
        }
        String alias = value.startsWith("alias/") ? value.substring("alias/".length()) : value;
        if (ALIAS.matcher(alias).matches()) {
            return new KeyRef(null, alias);
        }
        throw new KmsException(KmsErrorCode.KEY_ID_INVALID, "KeyId is neither a key id nor an alias");
    }

    public boolean isAlias() {
        return alias != null;
    }

    /** @throws KmsException {@code ALIAS_INVALID} unless the alias may be given to a new customer key */
    public static void checkNewAlias(String alias) {
        if (alias == null || !ALIAS.matcher(alias).matches()) {
            throw new KmsException(KmsErrorCode.ALIAS_INVALID,
                    "Alias must be 1-60 letters, digits, '-' or '_', starting with a letter or digit");
        }
        if (UUID_SHAPE.matcher(alias).matches()) {
            throw new KmsException(KmsErrorCode.ALIAS_INVALID, "Alias must not have the form of a key id");
        }
        if (alias.startsWith("kms-")) {
            throw new KmsException(KmsErrorCode.ALIAS_INVALID, "The alias prefix 'kms-' is reserved for service-managed keys");
        }
    }
}
