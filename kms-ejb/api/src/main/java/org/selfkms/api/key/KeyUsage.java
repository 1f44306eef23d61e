package org.selfkms.api.key;

import java.util.Optional;

/** What a CMK may be used for; names are the Tencent wire names. */
public enum KeyUsage {
    ENCRYPT_DECRYPT,
    ASYMMETRIC_DECRYPT_RSA_2048,
    ASYMMETRIC_DECRYPT_SM2,
    ASYMMETRIC_SIGN_VERIFY_SM2,
    ASYMMETRIC_SIGN_VERIFY_ECC,
    ASYMMETRIC_SIGN_VERIFY_RSA_2048;

    public static Optional<KeyUsage> parse(String value) {
        for (KeyUsage usage : values()) {
            if (usage.name().equals(value)) {
                return Optional.of(usage);
            }
        }
        return Optional.empty();
    }
}
