package org.selfkms.api.datakey;

import java.io.Serializable;

/**
 * How many data keys the tenant hosts and may host (data keys pending deletion do not count).
 *
 * @param hostingAllowed false when the operator has set the limit to 0
 */
public record DataKeyQuota(boolean hostingAllowed, long used, long limit) implements Serializable {
}
