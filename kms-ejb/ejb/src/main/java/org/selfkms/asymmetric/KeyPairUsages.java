package org.selfkms.asymmetric;

import org.selfkms.api.error.KmsErrorCode;
import org.selfkms.api.error.KmsException;
import org.selfkms.api.key.AlgorithmInfo;
import org.selfkms.api.key.KeyUsage;
import org.selfkms.api.key.ProtectionLevel;
import org.selfkms.api.key.SupportedAlgorithms;
import org.selfkms.token.keypair.DecryptionAlgorithm;
import org.selfkms.token.keypair.KeyPairSpec;
import org.selfkms.token.keypair.SignatureAlgorithm;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What each asymmetric KeyUsage is made of: the key pair behind it, and Tencent's names for its algorithms
 * (ListAlgorithms, SignByAsymmetricKey's Algorithm, the asymmetric decrypt actions). The one table of these
 * names; every door and the console go through it.
 */
public final class KeyPairUsages {

    private record Usage(KeyUsage usage, String listedName, KeyPairSpec spec, Map<String, SignatureAlgorithm> signing,
                         Map<String, DecryptionAlgorithm> decryption) {
    }

    private static final Map<String, SignatureAlgorithm> RSA_SIGNING = Map.of(
            "RSA_PSS_SHA_256", SignatureAlgorithm.RSA_PSS_SHA_256,
            "RSA_PKCS1_SHA_256", SignatureAlgorithm.RSA_PKCS1_SHA_256);

    private static final Map<String, DecryptionAlgorithm> RSA_DECRYPTION = Map.of(
            "RSAES_PKCS1_V1_5", DecryptionAlgorithm.RSAES_PKCS1_V1_5,
            "RSAES_OAEP_SHA_1", DecryptionAlgorithm.RSAES_OAEP_SHA_1,
            "RSAES_OAEP_SHA_256", DecryptionAlgorithm.RSAES_OAEP_SHA_256);

    /** In ListAlgorithms order (the reference's example). */
    private static final List<Usage> USAGES = List.of(
            new Usage(KeyUsage.ASYMMETRIC_DECRYPT_SM2, "SM2", KeyPairSpec.SM2, Map.of(), Map.of("SM2", DecryptionAlgorithm.SM2_C1C3C2)),
            new Usage(KeyUsage.ASYMMETRIC_DECRYPT_RSA_2048, "RSA_2048", KeyPairSpec.RSA_2048, Map.of(), RSA_DECRYPTION),
            new Usage(KeyUsage.ASYMMETRIC_Encrypt_Decrypt_Kyber_AES, "Kyber_AES", KeyPairSpec.ML_KEM_768, Map.of(),
                    Map.of("Kyber_AES", DecryptionAlgorithm.ML_KEM_768)),
            new Usage(KeyUsage.ASYMMETRIC_SIGN_VERIFY_SM2, "SM2", KeyPairSpec.SM2, Map.of("SM2DSA", SignatureAlgorithm.SM2DSA_SM3), Map.of()),
            new Usage(KeyUsage.ASYMMETRIC_SIGN_VERIFY_RSA_2048, "RSA_2048", KeyPairSpec.RSA_2048, RSA_SIGNING, Map.of()),
            new Usage(KeyUsage.ASYMMETRIC_SIGN_VERIFY_ECC, "ECC", KeyPairSpec.EC_P256,
                    Map.of("ECC_P256_R1", SignatureAlgorithm.ECDSA_P256_SHA_256), Map.of()),
            new Usage(KeyUsage.ASYMMETRIC_SIGN_VERIFY_ECDSA384, "ECDSA384_SHA384", KeyPairSpec.EC_P384,
                    Map.of("ECDSA384_SHA384", SignatureAlgorithm.ECDSA_P384_SHA_384), Map.of()),
            new Usage(KeyUsage.ASYMMETRIC_SIGN_VERIFY_RSA_3072, "RSA_3072", KeyPairSpec.RSA_3072, RSA_SIGNING, Map.of()),
            new Usage(KeyUsage.ASYMMETRIC_SIGN_VERIFY_DILITHIUM, "Dilithium", KeyPairSpec.ML_DSA_65,
                    Map.of("Dilithium", SignatureAlgorithm.ML_DSA_65), Map.of()));

    /** Tencent's name of the symmetric algorithm in ListAlgorithms (its SM regions say SM4). */
    static final String SYMMETRIC_ALGORITHM = "AES_256";

    private KeyPairUsages() {
    }

    /** The key pair behind an asymmetric usage; empty for ENCRYPT_DECRYPT. */
    public static Optional<KeyPairSpec> spec(KeyUsage usage) {
        return find(usage).map(Usage::spec);
    }

    /**
     * The signature algorithm a Tencent name stands for, for a key of {@code usage}.
     *
     * @throws KmsException {@code KEY_USAGE_INVALID} if the key does not sign, {@code INVALID_PARAMETER_VALUE}
     *                      if the name is not one of the key's algorithms
     */
    public static SignatureAlgorithm signatureAlgorithm(KeyUsage usage, String name) {
        Usage found = find(usage).filter(u -> !u.signing().isEmpty())
                .orElseThrow(() -> new KmsException(KmsErrorCode.KEY_USAGE_INVALID, "The key cannot sign or verify (KeyUsage " + usage + ")"));
        return algorithm(found.signing(), name, usage);
    }

    /** As {@link #signatureAlgorithm}, for the asymmetric decrypt actions. */
    public static DecryptionAlgorithm decryptionAlgorithm(KeyUsage usage, String name) {
        Usage found = find(usage).filter(u -> !u.decryption().isEmpty())
                .orElseThrow(() -> new KmsException(KmsErrorCode.KEY_USAGE_INVALID, "The key cannot decrypt this way (KeyUsage " + usage + ")"));
        return algorithm(found.decryption(), name, usage);
    }

    private static <A> A algorithm(Map<String, A> algorithms, String name, KeyUsage usage) {
        if (name == null || name.isEmpty()) {
            throw new KmsException(KmsErrorCode.MISSING_PARAMETER, "Algorithm is required");
        }
        A algorithm = algorithms.get(name);
        if (algorithm == null) {
            throw new KmsException(KmsErrorCode.INVALID_PARAMETER_VALUE, "Algorithm " + printable(name)
                    + " does not fit a key of usage " + usage + "; use " + String.join(" or ", algorithms.keySet().stream().sorted().toList()));
        }
        return algorithm;
    }

    /** Keeps an unknown caller-supplied name out of the message if it is long or odd. */
    private static String printable(String name) {
        return name.length() <= 40 && name.chars().allMatch(c -> c >= 0x21 && c < 0x7f) ? name : "(given)";
    }

    /**
     * Whether a key of {@code usage} can be made at {@code level}: a PKCS#11 token holds RSA and NIST-curve
     * pairs only, so SM2 and the post-quantum usages need the SOFTWARE level.
     *
     * @throws KmsException {@code KEY_USAGE_UNAVAILABLE} if not
     */
    public static void checkCreatable(KeyUsage usage, ProtectionLevel level) {
        Optional<KeyPairSpec> spec = spec(usage);
        if (spec.isPresent() && level == ProtectionLevel.HSM && !spec.get().tokenResident()) {
            throw new KmsException(KmsErrorCode.KEY_USAGE_UNAVAILABLE, "KeyUsage " + usage
                    + " needs the SOFTWARE protection level: a PKCS#11 token cannot hold " + spec.get() + " keys");
        }
    }

    /** ListAlgorithms: the usages a key can be created with at {@code level}. */
    public static SupportedAlgorithms supported(ProtectionLevel level) {
        List<AlgorithmInfo> asymmetric = new ArrayList<>();
        List<AlgorithmInfo> signVerify = new ArrayList<>();
        for (Usage usage : USAGES) {
            if (level == ProtectionLevel.HSM && !usage.spec().tokenResident()) {
                continue;
            }
            (usage.signing().isEmpty() ? asymmetric : signVerify).add(new AlgorithmInfo(usage.listedName(), usage.usage()));
        }
        return new SupportedAlgorithms(List.of(new AlgorithmInfo(SYMMETRIC_ALGORITHM, KeyUsage.ENCRYPT_DECRYPT)),
                List.copyOf(asymmetric), List.copyOf(signVerify));
    }

    private static Optional<Usage> find(KeyUsage usage) {
        return USAGES.stream().filter(u -> u.usage() == usage).findFirst();
    }
}
