package org.selfkms.api.key;

import java.io.Serializable;

/** How many keys the tenant holds (deleted ones do not count) and may hold. */
public record KeyQuota(long used, long limit) implements Serializable {
}
