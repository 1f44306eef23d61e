package org.selfkms.api.tenant;

import java.io.Serializable;

/**
 * A tenant (account) as the platform operator sees it: never anything inside it.
 *
 * @param accountUin the numeric account id shown where Tencent shows account and creator Uins
 */
public record TenantInfo(long tenantId, long accountUin, String name, boolean suspended, long createTime) implements Serializable {
}
