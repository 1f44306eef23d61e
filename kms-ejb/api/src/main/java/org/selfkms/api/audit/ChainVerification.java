package org.selfkms.api.audit;

import java.io.Serializable;

/**
 * The result of verifying one tenant's audit trail: its checkpoints, its segments and every record in them.
 *
 * @param recordsChecked     records whose hash was checked before the walk ended
 * @param segmentsChecked    segments (writer chains) looked at
 * @param checkpointsChecked signed checkpoints whose signature and chaining were checked
 * @param latestCheckpoint   the number of the tenant's newest checkpoint in the database, 0 if none
 * @param problem            what does not hold and where (segment and sequence number), for people; null when intact
 */
public record ChainVerification(boolean intact, long recordsChecked, int segmentsChecked, long checkpointsChecked,
                                long latestCheckpoint, String problem) implements Serializable {
}
