package org.selfkms.api.audit;

import java.io.Serializable;

/**
 * The result of walking one tenant's audit chain.
 *
 * @param recordsChecked      records whose hash was checked before the walk ended
 * @param lastSequence        the sequence number the chain's head row claims
 * @param firstBrokenSequence the first sequence number at which the chain does not hold; null when intact
 * @param problem             what is wrong there, for people; null when intact
 */
public record ChainVerification(boolean intact, long recordsChecked, long lastSequence, Long firstBrokenSequence,
                                String problem) implements Serializable {
}
