package org.selfkms.token.keypair;

import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.SecretWithEncapsulation;
import org.bouncycastle.crypto.kems.MLKEMGenerator;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.MLDSAParameters;
import org.bouncycastle.crypto.params.MLDSAPublicKeyParameters;
import org.bouncycastle.crypto.params.MLKEMParameters;
import org.bouncycastle.crypto.params.MLKEMPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.MLDSASigner;
import org.bouncycastle.crypto.signers.StandardDSAEncoding;
import org.bouncycastle.crypto.util.PublicKeyFactory;
import org.bouncycastle.util.BigIntegers;

import javax.crypto.Cipher;
import javax.crypto.IllegalBlockSizeException;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * The public half of the asymmetric algorithms: digests to sign, verification, encryption to a public key,
 * KEM encapsulation. Needs no token (public keys are not secret), so the services call it directly.
 * Public keys are DER X.509 SubjectPublicKeyInfo throughout: rsaEncryption; id-ecPublicKey with the named
 * curve prime256v1, secp384r1 or sm2p256v1 (as OpenSSL writes SM2 keys); id-alg-ml-kem-768; id-ml-dsa-65.
 *
 * <p>RSA verification uses the JDK (the bare public-key operation plus the RFC 8017 encodings
 * of this package); ECDSA, SM2, ML-KEM and ML-DSA use Bouncy Castle's lightweight API.
 */
public final class PublicKeys {

    /** The SM2 user id of GB/T 32918 when none is agreed, used by Tencent and most SM2 libraries. */
    public static final byte[] SM2_DEFAULT_USER_ID = "1234567812345678".getBytes(StandardCharsets.US_ASCII);

    private static final String PEM_BEGIN = "-----BEGIN PUBLIC KEY-----";
    private static final String PEM_END = "-----END PUBLIC KEY-----";

    private PublicKeys() {
    }

    /** A public key parsed once: its spec, and the JDK key (RSA, NIST curves) or BC parameters (EC, SM2, ML-*). */
    private record Parsed(KeyPairSpec spec, PublicKey jdk, AsymmetricKeyParameter bc) {
    }

    /**
     * The spec of a well-formed public key (strict DER, supported algorithm, curve and size, a point on the
     * curve); empty for anything else.
     */
    public static Optional<KeyPairSpec> specOf(byte[] publicKey) {
        try {
            return Optional.of(parse(publicKey).spec());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * Whether {@code publicKey} is a well-formed public key of {@code spec} (right algorithm, curve, size).
     */
    public static boolean matches(KeyPairSpec spec, byte[] publicKey) {
        return spec != null && specOf(publicKey).filter(spec::equals).isPresent();
    }

    /**
     * What {@code algorithm} signs for {@code message}: SHA-256/SHA-384 of it; for SM2 e = SM3(Z_A || M), where
     * Z_A depends on the public key and the default user id; for ML-DSA the message itself.
     *
     * @throws IllegalArgumentException if the public key is not one of the algorithm's
     */
    public static byte[] digest(SignatureAlgorithm algorithm, byte[] publicKey, byte[] message) {
        Objects.requireNonNull(message, "message");
        Parsed key = parseFor(algorithm, publicKey);
        return switch (algorithm) {
            case ML_DSA_65 -> message.clone();
            case SM2DSA_SM3 -> Sm2.digest(((ECPublicKeyParameters) key.bc()).getQ(), message);
            default -> jdkDigest(algorithm.digestName()).digest(message);
        };
    }

    /**
     * Checks a signature over {@code input} (a digest of {@link SignatureAlgorithm#digestLength()} bytes, or
     * the message for ML-DSA). A malformed signature is simply not valid.
     *
     * @throws IllegalArgumentException if the public key is not one of the algorithm's, or the digest has the wrong length
     */
    public static boolean verify(SignatureAlgorithm algorithm, byte[] publicKey, byte[] input, byte[] signature) {
        Parsed key = parseFor(algorithm, publicKey);
        checkSignatureInput(algorithm, input);
        Objects.requireNonNull(signature, "signature");
        try {
            return switch (algorithm) {
                case RSA_PKCS1_SHA_256 -> {
                    byte[] m = rsaVerificationPrimitive((RSAPublicKey) key.jdk(), signature);
                    yield m != null && MessageDigest.isEqual(m, RsaPadding.emsaPkcs1V15Sha256(input, m.length));
                }
                case RSA_PSS_SHA_256 -> {
                    RSAPublicKey rsa = (RSAPublicKey) key.jdk();
                    byte[] m = rsaVerificationPrimitive(rsa, signature);
                    yield m != null && RsaPadding.pssVerify(input, m, rsa.getModulus().bitLength());
                }
                case ECDSA_P256_SHA_256, ECDSA_P384_SHA_384 -> {
                    // Bouncy Castle, not SunEC: SunEC accepts a BER s that lacks its leading zero (a second
                    // encoding of one signature) and refuses valid signatures whose k*G has x >= n (Wycheproof
                    // ecdsa_secp256r1_sha256 tcIds 6, 350, 479). StandardDSAEncoding takes only strict DER with
                    // r and s in [1, n-1].
                    ECPublicKeyParameters ec = (ECPublicKeyParameters) key.bc();
                    BigInteger[] rs = StandardDSAEncoding.INSTANCE.decode(ec.getParameters().getN(), signature);
                    ECDSASigner ecdsa = new ECDSASigner();
                    ecdsa.init(false, ec);
                    yield ecdsa.verifySignature(input, rs[0], rs[1]);
                }
                case SM2DSA_SM3 -> Sm2.verify((ECPublicKeyParameters) key.bc(), input, signature);
                case ML_DSA_65 -> {
                    MLDSASigner verifier = new MLDSASigner();
                    verifier.init(false, key.bc());
                    verifier.update(input, 0, input.length);
                    yield verifier.verifySignature(signature);
                }
            };
        } catch (IOException | RuntimeException malformed) {
            return false;
        }
    }

    /**
     * Encrypts to a public key (RSA algorithms, SM2); what the holder of the private key opens with
     * {@link PrivateKeys#decrypt}. SM2 output is raw C1||C3||C2.
     *
     * @throws IllegalArgumentException for ML-KEM (use {@link #encapsulate}), a key of another algorithm, or
     *                                  plaintext too long for the key (or empty, for SM2)
     */
    public static byte[] encrypt(DecryptionAlgorithm algorithm, byte[] publicKey, byte[] plaintext, SecureRandom random) {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(plaintext, "plaintext");
        Objects.requireNonNull(random, "random");
        if (algorithm == DecryptionAlgorithm.ML_KEM_768) {
            throw new IllegalArgumentException("ML-KEM does not encrypt: use encapsulate");
        }
        Parsed key = parse(publicKey);
        if (!algorithm.fits(key.spec())) {
            throw new IllegalArgumentException(algorithm + " does not fit a " + key.spec() + " public key");
        }
        try {
            if (algorithm == DecryptionAlgorithm.SM2_C1C3C2) {
                if (plaintext.length == 0) {
                    throw new IllegalArgumentException("SM2 encrypts at least one byte");
                }
                return Sm2.encrypt((ECPublicKeyParameters) key.bc(), plaintext, random);
            }
            Cipher cipher;
            switch (algorithm) {
                case RSAES_PKCS1_V1_5 -> {
                    cipher = Cipher.getInstance("RSA/ECB/PKCS1Padding");
                    cipher.init(Cipher.ENCRYPT_MODE, key.jdk(), random);
                }
                case RSAES_OAEP_SHA_1 -> {
                    cipher = Cipher.getInstance("RSA/ECB/OAEPPadding");
                    cipher.init(Cipher.ENCRYPT_MODE, key.jdk(), new OAEPParameterSpec("SHA-1", "MGF1",
                            MGF1ParameterSpec.SHA1, PSource.PSpecified.DEFAULT), random);
                }
                default -> {
                    cipher = Cipher.getInstance("RSA/ECB/OAEPPadding");
                    cipher.init(Cipher.ENCRYPT_MODE, key.jdk(), new OAEPParameterSpec("SHA-256", "MGF1",
                            MGF1ParameterSpec.SHA256, PSource.PSpecified.DEFAULT), random);
                }
            }
            return cipher.doFinal(plaintext);
        } catch (IllegalBlockSizeException e) {
            throw new IllegalArgumentException("plaintext too long for " + algorithm + " with a " + key.spec() + " key");
        } catch (GeneralSecurityException | InvalidCipherTextException e) {
            throw new IllegalStateException(algorithm + " encryption failed: " + e.getClass().getSimpleName(), e);
        }
    }

    /** ML-KEM-768 encapsulation to {@code publicKey}; the caller destroys the shared secret after use. */
    public static Encapsulation encapsulate(byte[] publicKey, SecureRandom random) {
        Objects.requireNonNull(random, "random");
        Parsed key = parse(publicKey);
        if (key.spec() != KeyPairSpec.ML_KEM_768) {
            throw new IllegalArgumentException("encapsulation needs an ML-KEM-768 public key, not " + key.spec());
        }
        SecretWithEncapsulation generated = new MLKEMGenerator(random).generateEncapsulated(key.bc());
        byte[] secret = generated.getSecret();
        Encapsulation encapsulation = new Encapsulation(secret.clone(), generated.getEncapsulation());
        Arrays.fill(secret, (byte) 0);
        try {
            generated.destroy();
        } catch (javax.security.auth.DestroyFailedException e) {
            // BC's implementation zeroises its copy; nothing else to do
        }
        return encapsulation;
    }

    /** PEM ("-----BEGIN PUBLIC KEY-----", 64-character lines, trailing newline) of a DER public key. */
    public static String pem(byte[] publicKey) {
        Objects.requireNonNull(publicKey, "publicKey");
        String body = Base64.getMimeEncoder(64, new byte[]{'\n'}).encodeToString(publicKey);
        return PEM_BEGIN + "\n" + body + "\n" + PEM_END + "\n";
    }

    /**
     * The DER SubjectPublicKeyInfo in a PEM public key (RSA or EC/SM2 "PUBLIC KEY" blocks). Whitespace around
     * the block and CRLF line ends are accepted; PKCS#1 "RSA PUBLIC KEY" blocks are not.
     *
     * @throws IllegalArgumentException if it is not one
     */
    public static byte[] fromPem(String pem) {
        String text = pem == null ? "" : pem.strip();
        if (!text.startsWith(PEM_BEGIN) || !text.endsWith(PEM_END)) {
            throw new IllegalArgumentException("not a PEM public key (-----BEGIN PUBLIC KEY-----)");
        }
        String body = text.substring(PEM_BEGIN.length(), text.length() - PEM_END.length()).replaceAll("\\s+", "");
        byte[] der;
        try {
            der = Base64.getDecoder().decode(body);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the PEM public key is not valid base64");
        }
        subjectPublicKeyInfo(der);
        return der;
    }

    /** Strict DER: BER forms and trailing bytes are refused, so one key has one encoding. */
    private static SubjectPublicKeyInfo subjectPublicKeyInfo(byte[] der) {
        try {
            SubjectPublicKeyInfo info = SubjectPublicKeyInfo.getInstance(ASN1Primitive.fromByteArray(der));
            if (!Arrays.equals(info.getEncoded(ASN1Encoding.DER), der)) {
                throw new IllegalArgumentException("the public key is not DER");
            }
            return info;
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not a DER SubjectPublicKeyInfo");
        }
    }

    private static Parsed parseFor(SignatureAlgorithm algorithm, byte[] publicKey) {
        Objects.requireNonNull(algorithm, "algorithm");
        Parsed key = parse(publicKey);
        if (!algorithm.fits(key.spec())) {
            throw new IllegalArgumentException(algorithm + " does not fit a " + key.spec() + " public key");
        }
        return key;
    }

    private static Parsed parse(byte[] publicKey) {
        Objects.requireNonNull(publicKey, "publicKey");
        SubjectPublicKeyInfo info = subjectPublicKeyInfo(publicKey);
        ASN1ObjectIdentifier algorithm = info.getAlgorithm().getAlgorithm();
        if (algorithm.equals(PKCSObjectIdentifiers.rsaEncryption)) {
            RSAPublicKey rsa = (RSAPublicKey) decode(() -> KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(publicKey)));
            BigInteger e = rsa.getPublicExponent();
            if (!e.testBit(0) || e.compareTo(BigInteger.valueOf(3)) < 0) {
                throw new IllegalArgumentException("not a usable RSA public exponent");
            }
            return switch (rsa.getModulus().bitLength()) {
                case 2048 -> new Parsed(KeyPairSpec.RSA_2048, rsa, null);
                case 3072 -> new Parsed(KeyPairSpec.RSA_3072, rsa, null);
                default -> throw new IllegalArgumentException("RSA keys must have 2048 or 3072 bits");
            };
        }
        if (algorithm.equals(X9ObjectIdentifiers.id_ecPublicKey)) {
            KeyPairSpec spec = info.getAlgorithm().getParameters() instanceof ASN1ObjectIdentifier curve
                    ? Curves.BY_OID.get(curve) : null;
            if (spec == null) {
                throw new IllegalArgumentException("EC keys must be on the named curve P-256, P-384 or SM2");
            }
            // BC checks that the point is on the curve and not the point at infinity
            AsymmetricKeyParameter point = decode(() -> PublicKeyFactory.createKey(info));
            PublicKey jdk = spec == KeyPairSpec.SM2 ? null
                    : decode(() -> KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(publicKey)));
            return new Parsed(spec, jdk, point);
        }
        if (algorithm.equals(NISTObjectIdentifiers.id_alg_ml_kem_768)
                && decode(() -> PublicKeyFactory.createKey(info)) instanceof MLKEMPublicKeyParameters kem
                && kem.getParameters() == MLKEMParameters.ml_kem_768) {
            return new Parsed(KeyPairSpec.ML_KEM_768, null, kem);
        }
        if (algorithm.equals(NISTObjectIdentifiers.id_ml_dsa_65)
                && decode(() -> PublicKeyFactory.createKey(info)) instanceof MLDSAPublicKeyParameters dsa
                && dsa.getParameters() == MLDSAParameters.ml_dsa_65) {
            return new Parsed(KeyPairSpec.ML_DSA_65, null, dsa);
        }
        throw new IllegalArgumentException("not a public key of a supported spec");
    }

    private interface Decoding<T> {
        T decode() throws IOException, GeneralSecurityException;
    }

    /** A decoding step of a library: whatever it throws for bad input becomes one plain refusal. */
    private static <T> T decode(Decoding<T> step) {
        try {
            return step.decode();
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            throw new IllegalArgumentException("not a valid public key of a supported spec");
        }
    }

    /** RSAVP1 (RFC 8017 5.2.2) as k bytes; null if the signature is not k bytes or not below the modulus. */
    private static byte[] rsaVerificationPrimitive(RSAPublicKey key, byte[] signature) {
        BigInteger n = key.getModulus();
        int k = (n.bitLength() + 7) / 8;
        if (signature.length != k) {
            return null;
        }
        BigInteger s = new BigInteger(1, signature);
        if (s.compareTo(n) >= 0) {
            return null;
        }
        return BigIntegers.asUnsignedByteArray(k, s.modPow(key.getPublicExponent(), n));
    }

    static void checkSignatureInput(SignatureAlgorithm algorithm, byte[] input) {
        Objects.requireNonNull(input, "input");
        if (algorithm.signsDigest() && input.length != algorithm.digestLength()) {
            throw new IllegalArgumentException(algorithm + " signs a " + algorithm.digestName() + " digest of "
                    + algorithm.digestLength() + " bytes, not " + input.length);
        }
    }

    private static MessageDigest jdkDigest(String name) {
        try {
            return MessageDigest.getInstance(name);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has " + name, e);
        }
    }
}
