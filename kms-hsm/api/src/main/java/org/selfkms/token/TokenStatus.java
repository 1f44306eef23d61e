package org.selfkms.token;

/**
 * @param backend           {@code software} or {@code pkcs11}
 * @param tokenLabel        label of the token (software: the keystore file name)
 * @param activeDomainKeyVersion the domain-key version that wraps new material
 */
public record TokenStatus(String backend, String tokenLabel, int activeDomainKeyVersion) {
}
