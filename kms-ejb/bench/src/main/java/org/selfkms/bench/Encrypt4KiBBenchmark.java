package org.selfkms.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.selfkms.crypto.BlobCipher;
import org.selfkms.crypto.EncryptionContext;
import org.selfkms.token.WrappedKey;
import org.selfkms.token.pkcs11.Pkcs11Token;
import org.selfkms.token.spi.TokenConfig;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.UUID;

/**
 * AES-GCM encryption of 4 KiB, the largest Encrypt plaintext, three ways, in one run:
 * <ul>
 *   <li>{@code jdkAesGcm} - raw SunJCE AES-256-GCM with a fixed key: the floor;</li>
 *   <li>{@code softwareLevel} - what Encrypt does with a SOFTWARE-level CMK: a per-message HKDF key,
 *       header and context as associated data, blob encoding ({@link BlobCipher});</li>
 *   <li>{@code hsmLevel} - what Encrypt does with an HSM-level CMK on SoftHSM2: the per-message key is
 *       derived inside the token (one AES-ECB call over the salt), then AES-GCM runs in the JVM;</li>
 *   <li>{@code softHsmToken} - the whole AES-256-GCM of 4 KiB inside the SoftHSM2 token, for scale.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
public class Encrypt4KiBBenchmark {

    private final SecureRandom random = new SecureRandom();
    private final byte[] plaintext = new byte[4096];
    private final byte[] material = new byte[32];
    private final UUID keyId = UUID.randomUUID();
    private final EncryptionContext context = EncryptionContext.parse("{\"app\":\"bench\",\"table\":\"orders\"}");
    private SecretKeySpec jdkKey;
    private Pkcs11Token token;

    @Setup
    public void setUp() throws Exception {
        random.nextBytes(plaintext);
        random.nextBytes(material);
        jdkKey = new SecretKeySpec(material, "AES");
        Path dir = Files.createTempDirectory("kms-bench");
        Path pin = Files.writeString(dir.resolve("pin"), System.getenv("KMS_BENCH_SOFTHSM_PIN"));
        token = Pkcs11Token.open(new TokenConfig("pkcs11", dir, pin, "/usr/lib/softhsm/libsofthsm2.so",
                "id:" + System.getenv("KMS_BENCH_SOFTHSM_SLOT")));
        tokenKeyLabel = "kms-cmk-" + keyId + "-v1";
        token.generateTokenKey(tokenKeyLabel);
    }

    private String tokenKeyLabel;

    @TearDown
    public void tearDown() throws Exception {
        token.destroyTokenKey(tokenKeyLabel);
        token.close();
    }

    @Benchmark
    public byte[] jdkAesGcm() throws Exception {
        byte[] nonce = new byte[12];
        random.nextBytes(nonce);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, jdkKey, new GCMParameterSpec(128, nonce));
        return cipher.doFinal(plaintext);
    }

    @Benchmark
    public String softwareLevel() {
        return BlobCipher.seal(keyId, 1, material, plaintext, context).encode();
    }

    @Benchmark
    public String hsmLevel() throws Exception {
        byte[] salt = BlobCipher.newSalt();
        byte[] messageKey = token.deriveKey(tokenKeyLabel, salt);
        try {
            return BlobCipher.sealWithDerivedKey(keyId, 1, salt, messageKey, plaintext, context).encode();
        } finally {
            java.util.Arrays.fill(messageKey, (byte) 0);
        }
    }

    @Benchmark
    public WrappedKey softHsmToken() throws Exception {
        return token.wrap(plaintext, "bench");
    }
}
