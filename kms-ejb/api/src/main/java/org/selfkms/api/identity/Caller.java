package org.selfkms.api.identity;

import java.io.Serializable;
import java.util.Objects;

/**
 * Who is calling, as established by a door (request signature or console login). Every service method
 * takes one, and everything it touches is scoped to {@link #tenantId()}.
 *
 * @param tenantId    internal id of the tenant (account)
 * @param accountUin  the tenant's numeric account id, shown where Tencent shows Uin values
 * @param principal   user name or SecretId that made the request
 * @param kind        how the caller authenticated
 */
public record Caller(long tenantId, long accountUin, String principal, Kind kind) implements Serializable {

    public enum Kind { API_CREDENTIAL, CONSOLE_USER }

    public Caller {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(kind, "kind");
    }
}
