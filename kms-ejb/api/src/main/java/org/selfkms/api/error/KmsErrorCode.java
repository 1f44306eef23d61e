package org.selfkms.api.error;

/**
 * Every way a KMS request can fail, stable across releases. Each door maps these to its own wire codes
 * (the Tencent door to Tencent's error codes, the REST door to HTTP statuses).
 */
public enum KmsErrorCode {
    // authentication and authorization
    AUTH_MALFORMED,
    AUTH_UNKNOWN_SECRET_ID,
    AUTH_SIGNATURE_EXPIRED,
    AUTH_SIGNATURE_MISMATCH,
    AUTH_LOGIN_FAILED,
    /** A console login while the user is locked after repeated wrong passwords (answered like AUTH_LOGIN_FAILED). */
    AUTH_LOGIN_LOCKED,
    UNAUTHORIZED,
    /** The caller's tenant is suspended by the platform operator: its keys are kept, nothing can be done with them. */
    TENANT_SUSPENDED,
    /** A tenant the platform does not have. */
    TENANT_NOT_FOUND,
    /** A console user or API credential the caller's tenant does not have. */
    IDENTITY_NOT_FOUND,
    /** The user name is taken (user names are unique across the installation: they are login names). */
    IDENTITY_EXISTS,

    // request shape
    UNKNOWN_ACTION,
    UNSUPPORTED_VERSION,
    MALFORMED_REQUEST,
    MISSING_PARAMETER,
    INVALID_PARAMETER,
    INVALID_PARAMETER_VALUE,
    /** A known action or option this server does not offer (yet). */
    UNSUPPORTED_OPERATION,
    /** Acting on another account's keys (Tencent's MemberAccount): this server has one account per caller. */
    MEMBER_ACCOUNT_UNSUPPORTED,
    /** The request names a region this server does not serve. */
    UNSUPPORTED_REGION,
    /** An HSM cluster was named: this server has no selectable clusters. */
    HSM_CLUSTER_ID_INVALID,

    // keys
    KEY_ID_INVALID,
    KEY_NOT_FOUND,
    /**
     * Recorded in the audit trail only: the key's policy refused the caller. The caller is answered as for an unknown
     * key (or a blob that does not decrypt), so a policy does not tell who may not see a key that the key exists.
     */
    KEY_POLICY_DENIED,
    KEY_DISABLED,
    KEY_ARCHIVED,
    KEY_PENDING_DELETE,
    KEY_STATE_NOT_SUPPORTED,
    /** Deletion can only be scheduled for a disabled key. */
    KEY_SHOULD_BE_DISABLED,
    KEY_NOT_PENDING_DELETE,
    PENDING_WINDOW_INVALID,
    ROTATION_NOT_SUPPORTED,
    ROTATION_RATE_LIMITED,
    KEY_USAGE_INVALID,
    /** A key usage this server cannot offer where it was asked for (a key pair the HSM cannot hold). */
    KEY_USAGE_UNAVAILABLE,
    KEY_TYPE_INVALID,
    ALIAS_INVALID,
    ALIAS_EXISTS,
    KEY_LIMIT_EXCEEDED,
    DUPLICATED_KEY_ID,
    TAG_INVALID,
    TAG_KEYS_DUPLICATED,
    /** The change is refused for a service-managed key: only customer-created keys may be disabled, deleted, archived or renamed. */
    KEY_NOT_USER_CREATED,

    /** The key is bound to a cloud resource (BindCloudResource): it must stay usable until unbound. */
    KEY_IN_USE_BY_RESOURCE,
    /** UnbindCloudResource of a binding the key does not have. */
    BINDING_NOT_FOUND,

    // hosted data keys
    DATA_KEY_ID_INVALID,
    /** Also for another tenant's data key, and for one already deleted. */
    DATA_KEY_NOT_FOUND,
    DATA_KEY_NAME_INVALID,
    DATA_KEY_NAME_EXISTS,
    DUPLICATED_DATA_KEY_ID,
    DATA_KEY_DISABLED,
    DATA_KEY_PENDING_DELETE,
    /** The data key's state forbids the operation. */
    DATA_KEY_STATE_NOT_SUPPORTED,
    DATA_KEY_NOT_PENDING_DELETE,
    DATA_KEY_LIMIT_EXCEEDED,
    /** ImportDataKey's material is not a data key this server can host (a foreign blob, one with a context, a bad length). */
    DATA_KEY_MATERIAL_INVALID,

    // imported key material (BYOK)
    /** An import action on a key whose material the KMS generated. */
    KEY_NOT_EXTERNAL,
    /** The import token is past its validity or was already used: ask for new import parameters. */
    IMPORT_TOKEN_EXPIRED,
    /** The tenant holds as many open import tokens (each a key pair in the token) as it may. */
    IMPORT_TOKEN_LIMIT_EXCEEDED,
    /** The import token was never issued, or was issued for another key. */
    IMPORT_TOKEN_INVALID,
    /** The encrypted key material does not decrypt with the import token's wrapping key and algorithm. */
    MATERIAL_DECRYPT_FAILED,
    /** Material imported again must be the material the key had: it can never be swapped. */
    MATERIAL_NOT_MATCH,

    // data
    PLAINTEXT_INVALID,
    CIPHERTEXT_INVALID,
    /** Data encrypted to an asymmetric key's public key does not decrypt: one code for every cause. */
    DECRYPT_FAILED,
    /** A plaintext could not be encrypted to the public key the caller gave (EncryptionPublicKey). */
    ENCRYPTION_FAILED,
    ENCRYPTION_CONTEXT_INVALID,

    // server side
    TOKEN_UNAVAILABLE,
    INTERNAL
}
