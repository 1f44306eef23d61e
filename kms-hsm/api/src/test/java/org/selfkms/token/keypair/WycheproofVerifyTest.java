package org.selfkms.token.keypair;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.selfkms.token.keypair.Wycheproof.Result;
import org.selfkms.token.keypair.Wycheproof.Vector;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Wycheproof's signature vectors through the service's own verification path: {@link PublicKeys#digest} of the
 * message, then {@link PublicKeys#verify} with the vector's DER SubjectPublicKeyInfo - what
 * {@code AsymmetricCryptoBean.verify} does with a key pair's stored public key, so the project's strict DER
 * key parsing, its RFC 8017 encodings (the whole EMSA-PKCS1-v1_5 compared, EMSA-PSS with its fixed parameters)
 * and its ECDSA and ML-DSA calls are what the vectors meet. A key the project refuses counts as a refused signature.
 *
 * <p>Valid vectors must verify, invalid ones must not; what the project does with "acceptable" ones is stated per
 * file and asserted (docs/security.md, "Known-answer and attack vectors").
 */
class WycheproofVerifyTest {

    private static final String ACCEPTED = "accepted";
    private static final String REFUSED = "refused";

    /** What the project does with a file's "acceptable" vectors; NONE: the file must have none. */
    enum Acceptable { ACCEPTED, REFUSED, NONE }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "rsa_signature_2048_sha256_test.json, RSA_PKCS1_SHA_256, REFUSED",
            "rsa_signature_3072_sha256_test.json, RSA_PKCS1_SHA_256, REFUSED",
            "rsa_pss_2048_sha256_mgf1_32_test.json, RSA_PSS_SHA_256, NONE",
            "rsa_pss_3072_sha256_mgf1_32_test.json, RSA_PSS_SHA_256, NONE",
            "ecdsa_secp256r1_sha256_test.json, ECDSA_P256_SHA_256, NONE",
            "ecdsa_secp384r1_sha384_test.json, ECDSA_P384_SHA_384, NONE",
            "mldsa_65_verify_test.json, ML_DSA_65, NONE",
    })
    void validSignaturesVerifyAndInvalidOnesDoNot(String file, SignatureAlgorithm algorithm, Acceptable acceptable)
            throws IOException {
        Wycheproof vectors = Wycheproof.load(file);
        for (Vector vector : vectors.vectors()) {
            vectors.record(vector, expected(vector, acceptable), verify(algorithm, vector));
        }
        vectors.assertAllAsExpected();
    }

    /**
     * RSASSA-PSS signatures with a salt length other than the service's 32 bytes are refused, valid as they are
     * under their own parameters: a key pair's signatures have one fixed parameter set. The one exception is the
     * vector that Wycheproof re-signed with a 32-byte salt ("s_len changed to 32"): invalid for its file's
     * parameters, it is a valid signature under the service's, and verifies.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource("rsa_pss_2048_sha256_mgf1_0_test.json, RSA_PSS_SHA_256, 69")
    void signaturesUnderOtherParametersAreRefused(String file, SignatureAlgorithm algorithm, int resignedWithServiceSalt)
            throws IOException {
        Wycheproof vectors = Wycheproof.load(file);
        for (Vector vector : vectors.vectors()) {
            boolean resigned = vector.tcId() == resignedWithServiceSalt;
            assertEquals(resigned, vector.test().getString("comment").equals("s_len changed to 32"), vector.toString());
            vectors.record(vector, resigned ? ACCEPTED : REFUSED, verify(algorithm, vector));
        }
        vectors.assertAllAsExpected();
    }

    private static String expected(Vector vector, Acceptable acceptable) {
        // the service's ML-DSA signs with the empty context: a signature under another context is not one of its keys'
        if (vector.hasNonEmpty("ctx")) {
            return REFUSED;
        }
        return switch (vector.result()) {
            case VALID -> ACCEPTED;
            case INVALID -> REFUSED;
            case ACCEPTABLE -> switch (acceptable) {
                case ACCEPTED -> ACCEPTED;
                case REFUSED -> REFUSED;
                case NONE -> "no acceptable vector in this file";
            };
        };
    }

    /** The service's verification: digest (or, for ML-DSA, the message), then the signature check. */
    private static String verify(SignatureAlgorithm algorithm, Vector vector) {
        byte[] publicKey = vector.groupBytes("publicKeyDer");
        try {
            byte[] input = PublicKeys.digest(algorithm, publicKey, vector.bytes("msg"));
            return PublicKeys.verify(algorithm, publicKey, input, vector.bytes("sig")) ? ACCEPTED : REFUSED;
        } catch (IllegalArgumentException keyRefused) {
            return vector.result() == Result.VALID ? "refused the key (" + keyRefused.getMessage() + ")" : REFUSED;
        }
    }
}
