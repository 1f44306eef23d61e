package org.selfkms.api.token;

import java.io.Serializable;
import java.util.List;

/**
 * @param backend                {@code software} or {@code pkcs11}
 * @param tokenLabel             the keystore file name or the PKCS#11 slot
 * @param activeDomainKeyVersion the version that wraps new material
 * @param domainKeyVersions      every version the token still holds, ascending
 * @param awaitingRewrap         stored items (CMK versions, API secrets) still wrapped under an older version;
 *                               0 when no rotation is in progress
 */
public record TokenOverview(String backend, String tokenLabel, int activeDomainKeyVersion,
                           List<Integer> domainKeyVersions, long awaitingRewrap) implements Serializable {
    public TokenOverview {
        domainKeyVersions = List.copyOf(domainKeyVersions);
    }
}
