package org.selfkms.api.identity;

import java.io.Serializable;
import java.util.Objects;

/**
 * Who is calling, as established by a door (request signature or console login). Every service method
 * takes one, and everything it touches is scoped to {@link #tenantId()}; what it may do is its {@link #role()}.
 *
 * @param tenantId    internal id of the tenant (account)
 * @param accountUin  the tenant's numeric account id, shown where Tencent shows Uin values
 * @param principal   user name or SecretId that made the request
 * @param kind        how the caller authenticated
 * @param service     for a service principal (an integrated service's API credential, e.g. {@code cos}) the
 *                    service's name; null for users and ordinary API credentials
 * @param role        what the caller may do: a console user's role, or the role of the user an API credential
 *                    belongs to; {@link Role#SERVICE} for service principals
 * @param user        the console user: the caller itself, or the user an API credential belongs to; null for a
 *                    service principal. Key policies name callers by it ({@code user:alice})
 */
public record Caller(long tenantId, long accountUin, String principal, Kind kind, String service, Role role,
                     String user) implements Serializable {

    public enum Kind { API_CREDENTIAL, CONSOLE_USER }

    public Caller {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(role, "role");
        if ((service != null) != (role == Role.SERVICE)) {
            throw new IllegalArgumentException("a service principal, and only it, has the SERVICE role");
        }
        if (kind == Kind.CONSOLE_USER && !principal.equals(user)) {
            throw new IllegalArgumentException("a console user is its own user");
        }
    }

    /** A caller whose user is itself when it is a console user, and none otherwise. */
    public Caller(long tenantId, long accountUin, String principal, Kind kind, String service, Role role) {
        this(tenantId, accountUin, principal, kind, service, role, kind == Kind.CONSOLE_USER ? principal : null);
    }

    public boolean isServicePrincipal() {
        return service != null;
    }

    public boolean may(Permission permission) {
        return role.allows(permission);
    }
}
