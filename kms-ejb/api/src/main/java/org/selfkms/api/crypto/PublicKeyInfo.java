package org.selfkms.api.crypto;

import java.io.Serializable;

/**
 * The public key of an asymmetric CMK.
 *
 * @param der DER X.509 SubjectPublicKeyInfo
 * @param pem the same in PEM ("-----BEGIN PUBLIC KEY-----")
 */
public record PublicKeyInfo(String keyId, byte[] der, String pem) implements Serializable {
}
