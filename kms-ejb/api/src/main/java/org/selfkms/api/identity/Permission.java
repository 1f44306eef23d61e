package org.selfkms.api.identity;

/** What a service operation needs of its caller; a {@link Role} is a set of these. */
public enum Permission {
    /** Describe and list keys, their versions, tags, rotation settings, public keys and the service's status. */
    READ_KEYS,
    /** Encrypt, decrypt, data keys, re-encryption, random bytes, signing, verifying: the data plane. */
    USE_KEYS,
    /** Create keys, change their state, alias, description, rotation, tags; import key material. */
    MANAGE_KEYS,
    /** Query and verify the tenant's audit trail. */
    READ_AUDIT,
    /** The tenant's console users and API credentials; the token's status and domain-key rotation. */
    ADMINISTER_TENANT,
    /** Create, list, suspend and resume tenants; nothing inside a tenant. */
    OPERATE_PLATFORM,
    /** Change one's own console password: every role of a person; an API credential is refused even with it. */
    CHANGE_OWN_PASSWORD
}
