package org.selfkms.api.key;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * The tenant's keys at a glance, as far as the caller may describe them (deleted keys left out).
 *
 * @param byState          number of keys per state
 * @param byUsage          number of keys per usage
 * @param pendingDeletion  keys pending deletion, soonest deletion first (at most {@value #LISTED})
 * @param rotationsDue     keys whose automatic rotation is due within {@value #ROTATION_HORIZON_DAYS} days, soonest
 *                         first (at most {@value #LISTED})
 */
public record KeyStatistics(Map<KeyState, Long> byState, Map<KeyUsage, Long> byUsage, List<KeyMetadata> pendingDeletion,
                            List<KeyMetadata> rotationsDue) implements Serializable {

    public static final int LISTED = 10;
    public static final int ROTATION_HORIZON_DAYS = 7;

    public KeyStatistics {
        byState = Map.copyOf(byState);
        byUsage = Map.copyOf(byUsage);
        pendingDeletion = List.copyOf(pendingDeletion);
        rotationsDue = List.copyOf(rotationsDue);
    }
}
