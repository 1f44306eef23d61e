package org.selfkms.asymmetric;

import org.junit.jupiter.api.Test;
import org.selfkms.api.error.KmsErrorCode;
import org.selfkms.api.error.KmsException;
import org.selfkms.api.key.AlgorithmInfo;
import org.selfkms.api.key.KeyUsage;
import org.selfkms.api.key.ProtectionLevel;
import org.selfkms.api.key.SupportedAlgorithms;
import org.selfkms.token.keypair.DecryptionAlgorithm;
import org.selfkms.token.keypair.KeyPairSpec;
import org.selfkms.token.keypair.SignatureAlgorithm;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KeyPairUsagesTest {

    @Test
    void everyAsymmetricUsageHasAKeyPairAndEveryAlgorithmFitsIt() {
        for (KeyUsage usage : KeyUsage.values()) {
            assertEquals(usage.isAsymmetric(), KeyPairUsages.spec(usage).isPresent(), usage.name());
        }
        assertEquals(SignatureAlgorithm.ECDSA_P256_SHA_256, KeyPairUsages.signatureAlgorithm(KeyUsage.ASYMMETRIC_SIGN_VERIFY_ECC, "ECC_P256_R1"));
        assertEquals(SignatureAlgorithm.RSA_PSS_SHA_256, KeyPairUsages.signatureAlgorithm(KeyUsage.ASYMMETRIC_SIGN_VERIFY_RSA_3072, "RSA_PSS_SHA_256"));
        assertEquals(SignatureAlgorithm.SM2DSA_SM3, KeyPairUsages.signatureAlgorithm(KeyUsage.ASYMMETRIC_SIGN_VERIFY_SM2, "SM2DSA"));
        assertEquals(DecryptionAlgorithm.SM2_C1C3C2, KeyPairUsages.decryptionAlgorithm(KeyUsage.ASYMMETRIC_DECRYPT_SM2, "SM2"));
        for (KeyUsage usage : KeyUsage.values()) {
            KeyPairUsages.spec(usage).ifPresent(spec -> {
                for (String name : List.of("RSA_PSS_SHA_256", "RSA_PKCS1_SHA_256", "ECC_P256_R1", "ECDSA384_SHA384", "SM2DSA", "Dilithium")) {
                    try {
                        assertTrue(KeyPairUsages.signatureAlgorithm(usage, name).fits(spec), usage + " " + name);
                    } catch (KmsException refused) {
                        assertTrue(Set.of(KmsErrorCode.KEY_USAGE_INVALID, KmsErrorCode.INVALID_PARAMETER_VALUE).contains(refused.code()));
                    }
                }
            });
        }
    }

    @Test
    void wrongUsageAndWrongAlgorithmAreDifferentRefusals() {
        assertEquals(KmsErrorCode.KEY_USAGE_INVALID, code(() -> KeyPairUsages.signatureAlgorithm(KeyUsage.ENCRYPT_DECRYPT, "ECC_P256_R1")));
        assertEquals(KmsErrorCode.KEY_USAGE_INVALID, code(() -> KeyPairUsages.signatureAlgorithm(KeyUsage.ASYMMETRIC_DECRYPT_RSA_2048, "RSA_PSS_SHA_256")));
        assertEquals(KmsErrorCode.KEY_USAGE_INVALID, code(() -> KeyPairUsages.decryptionAlgorithm(KeyUsage.ASYMMETRIC_SIGN_VERIFY_SM2, "SM2")));
        assertEquals(KmsErrorCode.INVALID_PARAMETER_VALUE, code(() -> KeyPairUsages.signatureAlgorithm(KeyUsage.ASYMMETRIC_SIGN_VERIFY_ECC, "RSA_PSS_SHA_256")));
        assertEquals(KmsErrorCode.INVALID_PARAMETER_VALUE, code(() -> KeyPairUsages.decryptionAlgorithm(KeyUsage.ASYMMETRIC_DECRYPT_RSA_2048, "SM2")));
        assertEquals(KmsErrorCode.MISSING_PARAMETER, code(() -> KeyPairUsages.signatureAlgorithm(KeyUsage.ASYMMETRIC_SIGN_VERIFY_ECC, "")));
        KmsException odd = assertThrows(KmsException.class,
                () -> KeyPairUsages.signatureAlgorithm(KeyUsage.ASYMMETRIC_SIGN_VERIFY_ECC, "<script>" + "x".repeat(100)));
        assertTrue(!odd.getMessage().contains("<script>"), "a caller's odd value is not echoed: " + odd.getMessage());
    }

    @Test
    void theHsmLevelOffersOnlyWhatAPkcs11TokenHolds() {
        Set<KeyUsage> hsm = usages(KeyPairUsages.supported(ProtectionLevel.HSM));
        Set<KeyUsage> software = usages(KeyPairUsages.supported(ProtectionLevel.SOFTWARE));
        assertEquals(EnumSet.allOf(KeyUsage.class), software);
        assertEquals(EnumSet.of(KeyUsage.ENCRYPT_DECRYPT, KeyUsage.ASYMMETRIC_DECRYPT_RSA_2048, KeyUsage.ASYMMETRIC_SIGN_VERIFY_RSA_2048,
                KeyUsage.ASYMMETRIC_SIGN_VERIFY_RSA_3072, KeyUsage.ASYMMETRIC_SIGN_VERIFY_ECC, KeyUsage.ASYMMETRIC_SIGN_VERIFY_ECDSA384), hsm);
        for (KeyUsage usage : KeyUsage.values()) {
            if (hsm.contains(usage)) {
                assertDoesNotThrow(() -> KeyPairUsages.checkCreatable(usage, ProtectionLevel.HSM));
            } else {
                assertEquals(KmsErrorCode.KEY_USAGE_UNAVAILABLE, code(() -> KeyPairUsages.checkCreatable(usage, ProtectionLevel.HSM)));
            }
            assertDoesNotThrow(() -> KeyPairUsages.checkCreatable(usage, ProtectionLevel.SOFTWARE));
        }
        assertTrue(KeyPairUsages.supported(ProtectionLevel.SOFTWARE).signVerify().contains(
                new AlgorithmInfo("ECDSA384_SHA384", KeyUsage.ASYMMETRIC_SIGN_VERIFY_ECDSA384)));
        assertEquals(KeyPairSpec.ML_KEM_768, KeyPairUsages.spec(KeyUsage.ASYMMETRIC_Encrypt_Decrypt_Kyber_AES).orElseThrow());
    }

    private static Set<KeyUsage> usages(SupportedAlgorithms supported) {
        return Stream.of(supported.symmetric(), supported.asymmetric(), supported.signVerify()).flatMap(List::stream)
                .map(AlgorithmInfo::usage).collect(Collectors.toCollection(() -> EnumSet.noneOf(KeyUsage.class)));
    }

    private static KmsErrorCode code(Runnable call) {
        return assertThrows(KmsException.class, call::run).code();
    }
}
