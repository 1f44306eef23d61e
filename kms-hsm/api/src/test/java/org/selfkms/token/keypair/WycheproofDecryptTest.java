package org.selfkms.token.keypair;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.selfkms.token.keypair.Wycheproof.Vector;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.spec.InvalidKeySpecException;
import java.util.Arrays;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/**
 * Wycheproof's decryption and decapsulation vectors through the service's own path for a private key held in
 * the JVM: {@link PrivateKeys#fromPkcs8} of the key's PKCS#8, then {@link PrivateKeys#decrypt} - what
 * {@code AsymmetricCryptoBean.decrypt} does at the SOFTWARE level and the software token's backend does with
 * its key pairs (the HSM level runs the same {@code decrypt} with a PKCS#11 provider). The OAEP decoding under
 * test is the project's own ({@code RsaPadding.oaepDecode}); PKCS#1 v1.5 unpadding is the JDK's, ML-KEM
 * decapsulation Bouncy Castle's, behind the project's length checks.
 *
 * <p>Valid vectors must open to the vector's message (shared secret); invalid ones must fail with
 * {@link UndecryptableException} - or, where the vector's key is what is invalid, be refused at
 * {@code fromPkcs8}. OAEP here always has the empty label: a valid ciphertext made with another label must not open.
 */
class WycheproofDecryptTest {

    private static final String UNDECRYPTABLE = "refused the data (UndecryptableException)";
    private static final String KEY_REFUSED = "refused the key (InvalidKeySpecException)";

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "rsa_oaep_2048_sha1_mgf1sha1_test.json, RSAES_OAEP_SHA_1",
            "rsa_oaep_2048_sha256_mgf1sha256_test.json, RSAES_OAEP_SHA_256",
            "rsa_oaep_3072_sha256_mgf1sha256_test.json, RSAES_OAEP_SHA_256",
            "rsa_pkcs1_2048_test.json, RSAES_PKCS1_V1_5",
            "rsa_pkcs1_3072_test.json, RSAES_PKCS1_V1_5",
    })
    void rsaCiphertextsOpenOnlyWhenValid(String file, DecryptionAlgorithm algorithm) throws IOException {
        Wycheproof vectors = Wycheproof.load(file);
        for (Vector vector : vectors.vectors()) {
            KeyPairSpec spec = vector.group().getInt("keySize") == 3072 ? KeyPairSpec.RSA_3072 : KeyPairSpec.RSA_2048;
            String expected = switch (vector.result()) {
                case VALID -> vector.hasNonEmpty("label") ? UNDECRYPTABLE : opened(vector.bytes("msg"));
                case INVALID -> UNDECRYPTABLE;
                case ACCEPTABLE -> "no acceptable vector in this file";
            };
            vectors.record(vector, expected, decrypt(spec, vector.groupBytes("privateKeyPkcs8"), algorithm, vector.bytes("ct")));
        }
        vectors.assertAllAsExpected();
    }

    /**
     * ML-KEM-768 from the 64-byte seed (d || z), the form in which the service keeps its ML-KEM private keys, and
     * from the expanded 2400-byte decapsulation key, which {@code fromPkcs8} also takes.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"mlkem_768_test.json, seed", "mlkem_768_semi_expanded_decaps_test.json, dk"})
    void mlKemEncapsulationsOpenToTheSharedSecret(String file, String keyField) throws IOException {
        Wycheproof vectors = Wycheproof.load(file);
        for (Vector vector : vectors.vectors()) {
            byte[] key = vector.bytes(keyField);
            byte[] pkcs8 = keyField.equals("seed") ? mlKemSeedPkcs8(key) : mlKemExpandedPkcs8(key);
            String actual = decrypt(KeyPairSpec.ML_KEM_768, pkcs8, DecryptionAlgorithm.ML_KEM_768, vector.bytes("c"));
            String expected = switch (vector.result()) {
                case VALID -> opened(vector.bytes("K"));
                // a bad key may be refused when parsed, a bad encapsulation when used: both are refusals
                case INVALID -> actual.equals(KEY_REFUSED) ? KEY_REFUSED : UNDECRYPTABLE;
                case ACCEPTABLE -> "no acceptable vector in this file";
            };
            vectors.record(vector, expected, actual);
        }
        vectors.assertAllAsExpected();
    }

    /**
     * The encapsulation keys of the encapsulation vectors as public keys (DER SubjectPublicKeyInfo): valid ones are
     * ML-KEM-768 keys to {@link PublicKeys#specOf}, invalid ones - wrong length, or a coefficient not reduced
     * modulo q (FIPS 203 7.2's modulus check) - are no key at all, so {@link PublicKeys#encapsulate} never sees them.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource("mlkem_768_encaps_test.json")
    void onlyValidEncapsulationKeysAreMlKemKeys(String file) throws IOException {
        Wycheproof vectors = Wycheproof.load(file);
        for (Vector vector : vectors.vectors()) {
            String expected = switch (vector.result()) {
                case VALID -> KeyPairSpec.ML_KEM_768.name();
                case INVALID -> "refused the key";
                case ACCEPTABLE -> "no acceptable vector in this file";
            };
            byte[] publicKey = new SubjectPublicKeyInfo(new AlgorithmIdentifier(NISTObjectIdentifiers.id_alg_ml_kem_768),
                    vector.bytes("ek")).getEncoded();
            vectors.record(vector, expected, PublicKeys.specOf(publicKey).map(Enum::name).orElse("refused the key"));
        }
        vectors.assertAllAsExpected();
    }

    /** The seed-form PKCS#8 built here is byte for byte the encoding of the service's own generated keys. */
    @Test
    void seedFormIsTheServicesOwnEncoding() throws GeneralSecurityException {
        byte[] generated = PrivateKeys.generate(KeyPairSpec.ML_KEM_768, TestKeys.RANDOM).getPrivate().getEncoded();
        byte[] seed = Arrays.copyOfRange(generated, generated.length - 64, generated.length);
        assertArrayEquals(generated, mlKemSeedPkcs8(seed));
        PrivateKeys.fromPkcs8(KeyPairSpec.ML_KEM_768, generated);
    }

    /** PKCS#8 with the ML-KEM private key CHOICE seed [0] IMPLICIT OCTET STRING (the IETF LAMPS ML-KEM profile). */
    private static byte[] mlKemSeedPkcs8(byte[] seed) {
        return pkcs8(new DERTaggedObject(false, 0, new DEROctetString(seed)));
    }

    /** PKCS#8 with the CHOICE expandedKey OCTET STRING. */
    private static byte[] mlKemExpandedPkcs8(byte[] decapsulationKey) {
        return pkcs8(new DEROctetString(decapsulationKey));
    }

    private static byte[] pkcs8(ASN1Encodable privateKey) {
        try {
            return new PrivateKeyInfo(new AlgorithmIdentifier(NISTObjectIdentifiers.id_alg_ml_kem_768), privateKey).getEncoded();
        } catch (IOException e) {
            throw new IllegalStateException("DER encoding in memory", e);
        }
    }

    private static String opened(byte[] plaintext) {
        return "opened to " + HexFormat.of().formatHex(plaintext);
    }

    /** The service's path: parse the PKCS#8, then decrypt; every outcome as one comparable line. */
    private static String decrypt(KeyPairSpec spec, byte[] pkcs8, DecryptionAlgorithm algorithm, byte[] data) {
        PrivateKey key;
        try {
            key = PrivateKeys.fromPkcs8(spec, pkcs8);
        } catch (InvalidKeySpecException e) {
            return KEY_REFUSED;
        } catch (GeneralSecurityException e) {
            return "threw " + e.getClass().getName() + " parsing the key";
        }
        try {
            return opened(PrivateKeys.decrypt(key, null, algorithm, data));
        } catch (UndecryptableException e) {
            return UNDECRYPTABLE;
        } catch (GeneralSecurityException | RuntimeException e) {
            return "threw " + e.getClass().getName() + ": " + e.getMessage();
        }
    }
}
