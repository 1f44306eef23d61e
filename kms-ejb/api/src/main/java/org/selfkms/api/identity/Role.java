package org.selfkms.api.identity;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * What a caller may do. A console user has one role; an API credential acts with the role of the user it
 * belongs to, or as {@link #SERVICE} when it is a service principal's.
 */
public enum Role {
    /** Everything in the tenant. */
    TENANT_ADMIN(EnumSet.of(Permission.READ_KEYS, Permission.USE_KEYS, Permission.MANAGE_KEYS, Permission.READ_AUDIT,
            Permission.ADMINISTER_TENANT, Permission.CHANGE_OWN_PASSWORD)),
    /** Uses keys and reads their metadata; changes nothing. */
    KEY_USER(EnumSet.of(Permission.READ_KEYS, Permission.USE_KEYS, Permission.CHANGE_OWN_PASSWORD)),
    /** Reads metadata and the audit trail; uses no key and changes nothing. */
    AUDITOR(EnumSet.of(Permission.READ_KEYS, Permission.READ_AUDIT, Permission.CHANGE_OWN_PASSWORD)),
    /** An integrated service (cos, cbs, ...): uses its tenant's keys, and its own managed key comes with its first use. */
    SERVICE(EnumSet.of(Permission.USE_KEYS)),
    /** Runs the platform: tenants only, never a tenant's keys or audit trail. */
    PLATFORM_OPERATOR(EnumSet.of(Permission.OPERATE_PLATFORM, Permission.CHANGE_OWN_PASSWORD));

    private final Set<Permission> permissions;

    Role(Set<Permission> permissions) {
        this.permissions = permissions;
    }

    public boolean allows(Permission permission) {
        return permissions.contains(permission);
    }

    /** The roles a tenant administrator may give a console user (services and operators are made otherwise). */
    public boolean assignableToUsers() {
        return this == TENANT_ADMIN || this == KEY_USER || this == AUDITOR;
    }

    public static Optional<Role> parse(String value) {
        for (Role role : values()) {
            if (role.name().equals(value)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
