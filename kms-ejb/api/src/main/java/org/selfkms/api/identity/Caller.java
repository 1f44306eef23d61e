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
 */
public record Caller(long tenantId, long accountUin, String principal, Kind kind, String service, Role role) implements Serializable {

    public enum Kind { API_CREDENTIAL, CONSOLE_USER }

    public Caller {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(role, "role");
        if ((service != null) != (role == Role.SERVICE)) {
            throw new IllegalArgumentException("a service principal, and only it, has the SERVICE role");
        }
    }

    public boolean isServicePrincipal() {
        return service != null;
    }

    public boolean may(Permission permission) {
        return role.allows(permission);
    }
}
