package org.selfkms.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.selfkms.token.keypair.KeyPairSpec;
import org.selfkms.token.keypair.PrivateKeys;
import org.selfkms.token.keypair.SignatureAlgorithm;
import org.selfkms.token.pkcs11.Pkcs11Token;
import org.selfkms.token.spi.TokenConfig;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;

/**
 * One SignByAsymmetricKey in the crypto layer, for ECDSA P-256 and RSA-2048 PSS, each three ways:
 * <ul>
 *   <li>{@code jdk*} - the JDK's own Signature over the 32-byte message with a key object held ready: the floor;</li>
 *   <li>{@code software*} - what the SOFTWARE level does per request: parse the private key from its (cached,
 *       unwrapped) PKCS#8, then {@link PrivateKeys#sign} over the digest;</li>
 *   <li>{@code hsm*} - the HSM level on SoftHSM2: the private operation inside the token
 *       ({@code signWithTokenKey}: raw ECDSA, or the PSS encoding in the JVM and raw RSA in the token).</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
public class SignBenchmark {

    private final SecureRandom random = new SecureRandom();
    private final byte[] message = new byte[32];
    private byte[] digest;
    private KeyPair ec;
    private KeyPair rsa;
    private byte[] ecPkcs8;
    private byte[] rsaPkcs8;
    private Pkcs11Token token;
    private final String ecLabel = "kms-bench-ec-" + System.nanoTime();
    private final String rsaLabel = "kms-bench-rsa-" + System.nanoTime();

    @Setup
    public void setUp() throws Exception {
        random.nextBytes(message);
        digest = MessageDigest.getInstance("SHA-256").digest(message);
        ec = PrivateKeys.generate(KeyPairSpec.EC_P256, random);
        rsa = PrivateKeys.generate(KeyPairSpec.RSA_2048, random);
        ecPkcs8 = ec.getPrivate().getEncoded();
        rsaPkcs8 = rsa.getPrivate().getEncoded();
        Path dir = Files.createTempDirectory("kms-bench");
        Path pin = Files.writeString(dir.resolve("pin"), System.getenv("KMS_BENCH_SOFTHSM_PIN"));
        token = Pkcs11Token.open(new TokenConfig("pkcs11", dir, pin, "/usr/lib/softhsm/libsofthsm2.so",
                "id:" + System.getenv("KMS_BENCH_SOFTHSM_SLOT")));
        token.generateTokenKeyPair(ecLabel, KeyPairSpec.EC_P256);
        token.generateTokenKeyPair(rsaLabel, KeyPairSpec.RSA_2048);
    }

    @TearDown
    public void tearDown() throws Exception {
        token.destroyTokenKey(ecLabel);
        token.destroyTokenKey(rsaLabel);
        token.close();
    }

    @Benchmark
    public byte[] jdkEcdsa() throws Exception {
        Signature signature = Signature.getInstance("SHA256withECDSA");
        signature.initSign(ec.getPrivate(), random);
        signature.update(message);
        return signature.sign();
    }

    @Benchmark
    public byte[] softwareEcdsa() throws Exception {
        return PrivateKeys.sign(PrivateKeys.fromPkcs8(KeyPairSpec.EC_P256, ecPkcs8), null,
                SignatureAlgorithm.ECDSA_P256_SHA_256, digest, random);
    }

    @Benchmark
    public byte[] hsmEcdsa() throws Exception {
        return token.signWithTokenKey(ecLabel, SignatureAlgorithm.ECDSA_P256_SHA_256, digest);
    }

    @Benchmark
    public byte[] jdkRsaPss() throws Exception {
        Signature signature = Signature.getInstance("RSASSA-PSS");
        signature.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
        signature.initSign(rsa.getPrivate(), random);
        signature.update(message);
        return signature.sign();
    }

    @Benchmark
    public byte[] softwareRsaPss() throws Exception {
        return PrivateKeys.sign(PrivateKeys.fromPkcs8(KeyPairSpec.RSA_2048, rsaPkcs8), null,
                SignatureAlgorithm.RSA_PSS_SHA_256, digest, random);
    }

    @Benchmark
    public byte[] hsmRsaPss() throws Exception {
        return token.signWithTokenKey(rsaLabel, SignatureAlgorithm.RSA_PSS_SHA_256, digest);
    }
}
