package org.selfkms.rest.tencent;

import org.selfkms.api.crypto.AsymmetricCrypto;

import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

/**
 * The Plaintext field of Decrypt, GenerateDataKey and PostQuantumCryptoDecrypt: the plaintext in base64, or,
 * when the request gave an EncryptionPublicKey, the plaintext encrypted to that key (EncryptionAlgorithm, SM2
 * by default), so that it never crosses the wire in the clear.
 */
final class DeliveredPlaintext {

    private DeliveredPlaintext() {
    }

    /** Zeroises {@code plaintext}. */
    static String base64(AsymmetricCrypto crypto, RequestFields fields, byte[] plaintext) {
        try {
            Optional<String> publicKey = fields.optionalString("EncryptionPublicKey").filter(s -> !s.isEmpty());
            byte[] delivered = publicKey.isEmpty() ? plaintext
                    : crypto.encryptToPublicKey(publicKey.get(), fields.optionalString("EncryptionAlgorithm").orElse(null), plaintext);
            return Base64.getEncoder().encodeToString(delivered);
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
    }
}
