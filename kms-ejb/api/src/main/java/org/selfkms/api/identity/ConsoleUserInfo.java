package org.selfkms.api.identity;

import java.io.Serializable;

/** A console user of the caller's tenant, as administrators see it (never the password hash). */
public record ConsoleUserInfo(String username, Role role, long createTime) implements Serializable {
}
