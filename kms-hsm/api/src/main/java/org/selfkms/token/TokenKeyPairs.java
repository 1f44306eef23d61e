package org.selfkms.token;

import java.util.List;

/**
 * Names of the key-pair specs and decryption algorithms of {@link TokenOperations}: the Tencent wire names
 * (WrappingKeySpec, WrappingAlgorithm), so the doors need no translation table.
 */
public final class TokenKeyPairs {

    public static final String RSA_2048 = "RSA_2048";
    public static final List<String> SPECS = List.of(RSA_2048);

    public static final String RSAES_PKCS1_V1_5 = "RSAES_PKCS1_V1_5";
    public static final String RSAES_OAEP_SHA_1 = "RSAES_OAEP_SHA_1";
    public static final String RSAES_OAEP_SHA_256 = "RSAES_OAEP_SHA_256";
    public static final List<String> DECRYPTION_ALGORITHMS = List.of(RSAES_PKCS1_V1_5, RSAES_OAEP_SHA_1, RSAES_OAEP_SHA_256);

    private TokenKeyPairs() {
    }
}
