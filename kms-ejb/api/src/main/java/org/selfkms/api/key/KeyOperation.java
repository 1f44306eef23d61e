package org.selfkms.api.key;

/**
 * What a {@link KeyPolicy} statement allows or denies with one key. Changing a key (state, alias, rotation, tags,
 * its policy) is not among them: that is the tenant administrator's, who always keeps it, so a policy can never lock
 * a tenant out of its own key.
 */
public enum KeyOperation {
    /** See the key: describe it, list it, read its versions, tags, rotation settings and public key. */
    DESCRIBE,
    /** Encrypt under the key, and re-encrypt into it. */
    ENCRYPT,
    /** Decrypt what the key sealed, and re-encrypt out of it. */
    DECRYPT,
    /** Generate data keys under the key. */
    GENERATE_DATA_KEY,
    /** Sign with a key pair. */
    SIGN,
    /** Verify a signature with a key pair. */
    VERIFY
}
