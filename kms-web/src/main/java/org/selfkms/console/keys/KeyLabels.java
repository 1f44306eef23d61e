package org.selfkms.console.keys;

import org.selfkms.api.key.KeyOrigin;
import org.selfkms.api.key.KeyState;
import org.selfkms.api.key.KeyUsage;
import org.selfkms.api.key.ProtectionLevel;

/** What the console shows people for the service's enum names (the API names stay in tooltips and the REST API). */
public final class KeyLabels {

    private KeyLabels() {
    }

    public static String usage(KeyUsage usage) {
        if (usage == null) {
            return "";
        }
        return switch (usage) {
            case ENCRYPT_DECRYPT -> "Symmetric encrypt/decrypt (AES-256)";
            case ASYMMETRIC_DECRYPT_RSA_2048 -> "Asymmetric decrypt, RSA 2048";
            case ASYMMETRIC_DECRYPT_SM2 -> "Asymmetric decrypt, SM2";
            case ASYMMETRIC_SIGN_VERIFY_SM2 -> "Sign/verify, SM2";
            case ASYMMETRIC_SIGN_VERIFY_ECC -> "Sign/verify, ECC P-256";
            case ASYMMETRIC_SIGN_VERIFY_RSA_2048 -> "Sign/verify, RSA 2048";
            case ASYMMETRIC_SIGN_VERIFY_ECDSA384 -> "Sign/verify, ECC P-384";
            case ASYMMETRIC_SIGN_VERIFY_RSA_3072 -> "Sign/verify, RSA 3072";
            case ASYMMETRIC_Encrypt_Decrypt_Kyber_AES -> "Post-quantum encrypt/decrypt, ML-KEM + AES";
            case ASYMMETRIC_SIGN_VERIFY_DILITHIUM -> "Post-quantum sign/verify, ML-DSA";
        };
    }

    public static String origin(KeyOrigin origin) {
        if (origin == null) {
            return "";
        }
        return switch (origin) {
            case TENCENT_KMS -> "Generated";
            case EXTERNAL -> "Imported (BYOK)";
        };
    }

    public static String state(KeyState state) {
        if (state == null) {
            return "";
        }
        return switch (state) {
            case Enabled -> "Enabled";
            case Disabled -> "Disabled";
            case PendingDelete -> "Pending deletion";
            case PendingImport -> "Pending import";
            case Archived -> "Archived";
            case Deleted -> "Deleted";
        };
    }

    public static String protection(ProtectionLevel level) {
        if (level == null) {
            return "";
        }
        return switch (level) {
            case SOFTWARE -> "Software";
            case HSM -> "HSM";
        };
    }

    /** {@code user} is the customer; any other owner is the integrated service that manages the key. */
    public static String owner(String owner) {
        return owner == null || owner.isEmpty() || "user".equals(owner) ? "Customer" : "Service " + owner;
    }
}
