package org.selfkms.token;

import java.util.List;

/**
 * @param backend                {@code software} or {@code pkcs11}
 * @param tokenLabel             label of the token (software: the keystore file name; PKCS#11: the slot)
 * @param activeDomainKeyVersion the domain-key version that wraps new material
 * @param domainKeyVersions      every domain-key version the token holds, ascending
 */
public record TokenStatus(String backend, String tokenLabel, int activeDomainKeyVersion, List<Integer> domainKeyVersions) {
    public TokenStatus {
        domainKeyVersions = List.copyOf(domainKeyVersions);
    }
}
