package org.selfkms.token.keypair;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.kems.MLKEMExtractor;
import org.bouncycastle.crypto.params.MLKEMParameters;
import org.bouncycastle.crypto.params.MLKEMPrivateKeyParameters;
import org.bouncycastle.jcajce.interfaces.MLDSAPrivateKey;
import org.bouncycastle.jcajce.interfaces.MLKEMPrivateKey;
import org.bouncycastle.jcajce.spec.MLDSAParameterSpec;
import org.bouncycastle.jcajce.spec.MLKEMParameterSpec;

import javax.crypto.BadPaddingException;
import javax.crypto.Cipher;
import javax.crypto.IllegalBlockSizeException;
import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.SignatureException;
import java.security.interfaces.ECKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAKey;
import java.security.spec.AlgorithmParameterSpec;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAKeyGenParameterSpec;
import java.util.Arrays;
import java.util.Objects;

/**
 * The private half of the asymmetric algorithms, on any JCA private key: one held in the JVM (SOFTWARE
 * protection level, {@link #fromPkcs8}) or a PKCS#11 token key handle with its provider (HSM level). Only
 * primitives every PKCS#11 token offers are asked of a token key (raw and PKCS#1 RSA, raw ECDSA); padding
 * such as PSS and OAEP is computed here, so the same code serves both levels:
 * <ul>
 *   <li>RSASSA-PKCS1-v1_5: {@code NONEwithRSA} over DigestInfo || digest (CKM_RSA_PKCS);</li>
 *   <li>RSASSA-PSS: EMSA-PSS encoded here (SHA-256, MGF1-SHA-256, 32-byte salt from the caller's RNG), then
 *       the bare private-key operation {@code RSA/ECB/NoPadding} in encrypt (= sign) mode (CKM_RSA_X_509);</li>
 *   <li>ECDSA: {@code NONEwithECDSAinP1363Format} over the digest (CKM_ECDSA), r || s re-encoded here as DER -
 *       the length of r || s also tells the curve of a token key, whose parameters SunPKCS11 does not expose;</li>
 *   <li>RSAES-PKCS1-v1_5: {@code RSA/ECB/PKCS1Padding} (CKM_RSA_PKCS); RSAES-OAEP: {@code RSA/ECB/NoPadding}
 *       (CKM_RSA_X_509) and OAEP decoding here, in constant shape.</li>
 * </ul>
 * SM2 (Bouncy Castle's lightweight engine), ML-KEM and ML-DSA (Bouncy Castle) work on keys held in the JVM only.
 * The RSA specs have moduli of exactly 2048 or 3072 bits, so the modulus length of a token key is its byte
 * length, which SunPKCS11 tells without reading the key.
 */
public final class PrivateKeys {

    /** Ciphertext ("encapsulation") length of ML-KEM-768 (FIPS 203). */
    static final int ML_KEM_768_ENCAPSULATION_LENGTH = 1088;

    private PrivateKeys() {
    }

    /**
     * An initialised key-pair generator for {@code spec}.
     *
     * @param provider a PKCS#11 provider, to generate inside the token ({@link KeyPairSpec#tokenResident()}
     *                 specs only; the provider's attribute templates decide the private key's attributes); null
     *                 to generate in the JVM: the JDK for RSA and the NIST curves, Bouncy Castle for SM2,
     *                 ML-KEM and ML-DSA
     * @param random   the RNG of a JVM generator; null for the provider's own
     */
    public static KeyPairGenerator keyPairGenerator(KeyPairSpec spec, Provider provider, SecureRandom random)
            throws GeneralSecurityException {
        Objects.requireNonNull(spec, "spec");
        if (provider != null && !spec.tokenResident()) {
            throw new IllegalArgumentException(spec + " keys cannot be generated in a PKCS#11 token");
        }
        KeyPairGenerator generator;
        AlgorithmParameterSpec parameters;
        switch (spec) {
            case RSA_2048, RSA_3072 -> {
                generator = provider == null ? KeyPairGenerator.getInstance("RSA") : KeyPairGenerator.getInstance("RSA", provider);
                parameters = new RSAKeyGenParameterSpec(spec == KeyPairSpec.RSA_2048 ? 2048 : 3072, RSAKeyGenParameterSpec.F4);
            }
            case EC_P256, EC_P384 -> {
                generator = provider == null ? KeyPairGenerator.getInstance("EC") : KeyPairGenerator.getInstance("EC", provider);
                parameters = new ECGenParameterSpec(Curves.jcaName(spec));
            }
            case SM2 -> {
                generator = KeyPairGenerator.getInstance("EC", Bc.PROVIDER);
                parameters = new ECGenParameterSpec(Curves.jcaName(spec));
            }
            case ML_KEM_768 -> {
                generator = KeyPairGenerator.getInstance("ML-KEM", Bc.PROVIDER);
                parameters = MLKEMParameterSpec.ml_kem_768;
            }
            case ML_DSA_65 -> {
                generator = KeyPairGenerator.getInstance("ML-DSA", Bc.PROVIDER);
                parameters = MLDSAParameterSpec.ml_dsa_65;
            }
            default -> throw new IllegalArgumentException("unknown spec " + spec);
        }
        if (random == null) {
            generator.initialize(parameters);
        } else {
            generator.initialize(parameters, random);
        }
        return generator;
    }

    /**
     * Generates a pair in the JVM with {@code random} (the token's RNG where the caller has it). The private keys
     * of ML-KEM-768 and ML-DSA-65 encode (PKCS#8) in the seed form: the 64- resp. 32-byte seed that FIPS 203/204
     * expand into the key, 86 resp. 54 bytes of PKCS#8.
     */
    public static KeyPair generate(KeyPairSpec spec, SecureRandom random) {
        Objects.requireNonNull(random, "random");
        KeyPair pair;
        try {
            pair = keyPairGenerator(spec, null, random).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(spec + " keys cannot be generated here: " + e.getClass().getSimpleName(), e);
        }
        return switch (spec) {
            case ML_KEM_768 -> new KeyPair(pair.getPublic(), ((MLKEMPrivateKey) pair.getPrivate()).getPrivateKey(true));
            case ML_DSA_65 -> new KeyPair(pair.getPublic(), ((MLDSAPrivateKey) pair.getPrivate()).getPrivateKey(true));
            default -> pair;
        };
    }

    /**
     * A private key of {@code spec} from its PKCS#8 DER encoding.
     *
     * @throws InvalidKeySpecException if it is not one (another algorithm, curve or size, or not PKCS#8)
     */
    public static PrivateKey fromPkcs8(KeyPairSpec spec, byte[] pkcs8) throws GeneralSecurityException {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(pkcs8, "pkcs8");
        PrivateKey key;
        try {
            KeyFactory factory = switch (spec) {
                case RSA_2048, RSA_3072 -> KeyFactory.getInstance("RSA");
                case EC_P256, EC_P384 -> KeyFactory.getInstance("EC");
                case SM2 -> KeyFactory.getInstance("EC", Bc.PROVIDER);
                case ML_KEM_768 -> KeyFactory.getInstance("ML-KEM", Bc.PROVIDER);
                case ML_DSA_65 -> KeyFactory.getInstance("ML-DSA", Bc.PROVIDER);
            };
            key = factory.generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (GeneralSecurityException | RuntimeException e) {
            // no cause: a provider's message might quote the encoding
            throw new InvalidKeySpecException("not a PKCS#8 private key of " + spec);
        }
        if (jvmSpecOf(key) != spec) {
            throw new InvalidKeySpecException("not a PKCS#8 private key of " + spec);
        }
        return key;
    }

    /**
     * Signs {@code input}: a digest of {@link SignatureAlgorithm#digestLength()} bytes, or the message for
     * ML-DSA. RSA signatures are as long as the modulus; ECDSA and SM2 signatures are DER SEQUENCE{r, s}.
     *
     * @param provider the provider of a token key handle; null for a key held in the JVM
     * @param random   for the PSS salt, the ECDSA/SM2 nonce and ML-DSA's hedging (a token uses its own RNG for
     *                 the nonce)
     * @throws IllegalArgumentException if the key does not fit the algorithm or the digest has the wrong length
     */
    public static byte[] sign(PrivateKey key, Provider provider, SignatureAlgorithm algorithm, byte[] input,
                              SecureRandom random) throws GeneralSecurityException {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(random, "random");
        PublicKeys.checkSignatureInput(algorithm, input);
        switch (algorithm) {
            case RSA_PKCS1_SHA_256 -> {
                int k = rsaModulusBytes(key, provider);
                Signature rsa = provider == null ? Signature.getInstance("NONEwithRSA") : Signature.getInstance("NONEwithRSA", provider);
                rsa.initSign(key);
                rsa.update(RsaPadding.digestInfoSha256(input));
                return leftPad(rsa.sign(), k);
            }
            case RSA_PSS_SHA_256 -> {
                int k = rsaModulusBytes(key, provider);
                byte[] salt = new byte[RsaPadding.PSS_SALT_LENGTH];
                random.nextBytes(salt);
                byte[] em = RsaPadding.pssEncode(input, 8 * k - 1, salt);
                // encrypt mode with a private key is the signature primitive RSASP1 (C_Sign with CKM_RSA_X_509)
                return leftPad(cipher("RSA/ECB/NoPadding", Cipher.ENCRYPT_MODE, key, provider).doFinal(leftPad(em, k)), k);
            }
            case ECDSA_P256_SHA_256, ECDSA_P384_SHA_384 -> {
                KeyPairSpec curve = algorithm == SignatureAlgorithm.ECDSA_P256_SHA_256 ? KeyPairSpec.EC_P256 : KeyPairSpec.EC_P384;
                requireEcKey(key, provider, curve, algorithm);
                Signature ecdsa = provider == null ? Signature.getInstance("NONEwithECDSAinP1363Format")
                        : Signature.getInstance("NONEwithECDSAinP1363Format", provider);
                ecdsa.initSign(key, random);
                ecdsa.update(input);
                byte[] rs = ecdsa.sign();
                int n = Curves.fieldBytes(curve);
                if (rs.length != 2 * n) {
                    throw new IllegalArgumentException(algorithm + " needs a key on " + Curves.jcaName(curve));
                }
                return derSignature(rs, n);
            }
            case SM2DSA_SM3 -> {
                BigInteger d = sm2PrivateScalar(key, provider);
                try {
                    return Sm2.sign(d, input, random);
                } catch (CryptoException e) {
                    throw new SignatureException("SM2 signing failed");
                }
            }
            case ML_DSA_65 -> {
                requireJvmKey(provider, algorithm);
                if (jvmSpecOf(key) != KeyPairSpec.ML_DSA_65) {
                    throw new IllegalArgumentException(algorithm + " needs an ML-DSA-65 private key");
                }
                Signature dsa = Signature.getInstance("ML-DSA-65", Bc.PROVIDER);
                dsa.initSign(key, random);
                dsa.update(input);
                return dsa.sign();
            }
            default -> throw new IllegalArgumentException("unknown algorithm " + algorithm);
        }
    }

    /**
     * Opens data encrypted to the key's public key (or decapsulates, for ML-KEM: the 32-byte shared secret).
     * ML-KEM rejects implicitly: an altered encapsulation of the right length yields an unrelated secret rather
     * than a failure, so only its length is refused here.
     *
     * @param provider the provider of a token key handle; null for a key held in the JVM
     * @throws UndecryptableException  for every kind of data that does not open, alike
     * @throws IllegalArgumentException if the key does not fit the algorithm
     */
    public static byte[] decrypt(PrivateKey key, Provider provider, DecryptionAlgorithm algorithm, byte[] data)
            throws UndecryptableException, GeneralSecurityException {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(data, "data");
        switch (algorithm) {
            case RSAES_PKCS1_V1_5, RSAES_OAEP_SHA_1, RSAES_OAEP_SHA_256 -> {
                int k = rsaModulusBytes(key, provider);
                if (data.length != k) {
                    throw new UndecryptableException();
                }
                try {
                    if (algorithm == DecryptionAlgorithm.RSAES_PKCS1_V1_5) {
                        return cipher("RSA/ECB/PKCS1Padding", Cipher.DECRYPT_MODE, key, provider).doFinal(data);
                    }
                    byte[] raw = cipher("RSA/ECB/NoPadding", Cipher.DECRYPT_MODE, key, provider).doFinal(data);
                    try {
                        return RsaPadding.oaepDecode(raw, k, algorithm == DecryptionAlgorithm.RSAES_OAEP_SHA_1 ? "SHA-1" : "SHA-256");
                    } finally {
                        Arrays.fill(raw, (byte) 0);
                    }
                } catch (BadPaddingException | IllegalBlockSizeException | RsaPadding.InvalidEncodingException e) {
                    throw new UndecryptableException();
                }
            }
            case SM2_C1C3C2 -> {
                BigInteger d = sm2PrivateScalar(key, provider);
                if (data.length <= Sm2.C1_LENGTH + Sm2.C3_LENGTH) {
                    throw new UndecryptableException();
                }
                try {
                    return Sm2.decrypt(d, data);
                } catch (InvalidCipherTextException | RuntimeException e) {
                    throw new UndecryptableException();
                }
            }
            case ML_KEM_768 -> {
                requireJvmKey(provider, algorithm);
                if (jvmSpecOf(key) != KeyPairSpec.ML_KEM_768) {
                    throw new IllegalArgumentException(algorithm + " needs an ML-KEM-768 private key");
                }
                if (data.length != ML_KEM_768_ENCAPSULATION_LENGTH) {
                    throw new UndecryptableException();
                }
                // the seed (or expanded key) as a copy: Bouncy Castle hands out its cached PKCS#8 encoding itself
                MLKEMPrivateKey kem = (MLKEMPrivateKey) key;
                byte[] material = kem.getSeed() != null ? kem.getSeed() : kem.getPrivateData();
                try {
                    MLKEMPrivateKeyParameters parameters = new MLKEMPrivateKeyParameters(MLKEMParameters.ml_kem_768, material);
                    try {
                        return new MLKEMExtractor(parameters).extractSecret(data);
                    } finally {
                        parameters.destroy();
                    }
                } catch (RuntimeException e) {
                    throw new UndecryptableException();
                } finally {
                    Arrays.fill(material, (byte) 0);
                }
            }
            default -> throw new IllegalArgumentException("unknown algorithm " + algorithm);
        }
    }

    /** The spec of a key held in the JVM, or null (not one of the specs, or a token handle that hides it). */
    private static KeyPairSpec jvmSpecOf(PrivateKey key) {
        if (key instanceof MLKEMPrivateKey kem) {
            return kem.getParameterSpec().getName().equals(MLKEMParameterSpec.ml_kem_768.getName()) ? KeyPairSpec.ML_KEM_768 : null;
        }
        if (key instanceof MLDSAPrivateKey dsa) {
            return dsa.getParameterSpec().getName().equals(MLDSAParameterSpec.ml_dsa_65.getName()) ? KeyPairSpec.ML_DSA_65 : null;
        }
        if (key instanceof RSAKey rsa) {
            return switch (rsa.getModulus().bitLength()) {
                case 2048 -> KeyPairSpec.RSA_2048;
                case 3072 -> KeyPairSpec.RSA_3072;
                default -> null;
            };
        }
        if (key instanceof ECKey ec) {
            return Curves.specOf(ec.getParams()).orElse(null);
        }
        return null;
    }

    /**
     * k, the modulus length in bytes, of an RSA key of the specs. A sensitive SunPKCS11 key is no
     * {@link RSAKey}; its cipher tells k from the key object's CKA_MODULUS_BITS without using the key.
     */
    private static int rsaModulusBytes(PrivateKey key, Provider provider) throws GeneralSecurityException {
        KeyPairSpec spec = jvmSpecOf(key);
        if (spec != null && spec.isRsa()) {
            return spec == KeyPairSpec.RSA_2048 ? 256 : 384;
        }
        if (spec == null && provider != null && "RSA".equals(key.getAlgorithm())) {
            int k = cipher("RSA/ECB/NoPadding", Cipher.ENCRYPT_MODE, key, provider).getOutputSize(0);
            if (k == 256 || k == 384) {
                return k;
            }
        }
        throw new IllegalArgumentException("an RSA algorithm needs an RSA-2048 or RSA-3072 private key");
    }

    /** A JVM key must be on the curve; a token key is checked by its signature's length. */
    private static void requireEcKey(PrivateKey key, Provider provider, KeyPairSpec curve, SignatureAlgorithm algorithm) {
        KeyPairSpec spec = jvmSpecOf(key);
        boolean tokenEcKey = spec == null && provider != null && "EC".equals(key.getAlgorithm());
        if (spec != curve && !tokenEcKey) {
            throw new IllegalArgumentException(algorithm + " needs a key on " + Curves.jcaName(curve));
        }
    }

    private static BigInteger sm2PrivateScalar(PrivateKey key, Provider provider) {
        requireJvmKey(provider, "SM2");
        if (key instanceof ECPrivateKey ec && jvmSpecOf(key) == KeyPairSpec.SM2) {
            return ec.getS();
        }
        throw new IllegalArgumentException("SM2 needs a private key on the SM2 curve");
    }

    private static void requireJvmKey(Provider provider, Object algorithm) {
        if (provider != null) {
            throw new IllegalArgumentException(algorithm + " runs only with private keys held in the JVM: PKCS#11 has no standard mechanism for it");
        }
    }

    private static Cipher cipher(String transformation, int mode, PrivateKey key, Provider provider) throws GeneralSecurityException {
        Cipher cipher = provider == null ? Cipher.getInstance(transformation) : Cipher.getInstance(transformation, provider);
        cipher.init(mode, key);
        return cipher;
    }

    /** DER SEQUENCE{r, s} of r || s (IEEE P1363). */
    private static byte[] derSignature(byte[] rs, int n) throws SignatureException {
        try {
            return new DERSequence(new ASN1Encodable[]{
                    new ASN1Integer(new BigInteger(1, Arrays.copyOfRange(rs, 0, n))),
                    new ASN1Integer(new BigInteger(1, Arrays.copyOfRange(rs, n, 2 * n)))}).getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new SignatureException("ECDSA signature cannot be encoded");
        }
    }

    /** I2OSP to k bytes of a big-endian value that a provider may have shortened by its leading zeros. */
    private static byte[] leftPad(byte[] value, int k) throws SignatureException {
        if (value.length == k) {
            return value;
        }
        if (value.length > k) {
            throw new SignatureException("RSA output longer than the modulus");
        }
        byte[] padded = new byte[k];
        System.arraycopy(value, 0, padded, k - value.length, value.length);
        return padded;
    }
}
