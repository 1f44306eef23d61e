package org.selfkms.client.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;
import org.selfkms.client.EncryptionContext;
import org.selfkms.client.envelope.DecryptingStream;
import org.selfkms.client.envelope.EnvelopeEncryption;
import org.selfkms.client.envelope.FakeKms;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * 64 MiB through the library (default 64 KiB frames) against the JDK's AES-256-GCM over the same bytes in the
 * same chunks: streams in memory (crypto only) and files (read, encrypt, write), the files on the disk and on
 * tmpfs. The baseline is the cheapest honest one - one key, one nonce, Cipher.update per chunk, no framing, no
 * KMS, and the file written in place - so the ratio is what the format and the library cost. The library's one
 * KMS call per message goes to FakeKms, the core module's in-memory KMS of its tests.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ThroughputBenchmark {

    static final int SIZE = 64 * 1024 * 1024;
    static final int CHUNK = 64 * 1024;
    static final EncryptionContext CONTEXT = EncryptionContext.of("bench", "throughput");

    private final SecureRandom random = new SecureRandom();
    private byte[] plaintext;
    private byte[] message;
    private byte[] jdkCiphertext;
    private final byte[] jdkNonce = new byte[12];
    private final byte[] chunk = new byte[CHUNK + 16];
    private SecretKeySpec key;
    private EnvelopeEncryption envelope;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        plaintext = new byte[SIZE];
        random.nextBytes(plaintext);
        byte[] keyBytes = new byte[32];
        random.nextBytes(keyBytes);
        key = new SecretKeySpec(keyBytes, "AES");
        envelope = EnvelopeEncryption.builder(new FakeKms()).keyRef("bench-key").build();
        message = envelope.encrypt(plaintext, CONTEXT);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, jdkNonce));
        jdkCiphertext = cipher.doFinal(plaintext);
    }

    /** The 64 MiB as a file, on the disk (java.io.tmpdir) or on tmpfs (/dev/shm: no write-back to a device). */
    @State(Scope.Benchmark)
    public static class Files64MiB {
        @Param({"disk", "tmpfs"})
        public String fileSystem;

        Path directory;
        Path plain;
        Path libraryOut;
        Path jdkOut;

        @Setup(Level.Trial)
        public void setUp(ThroughputBenchmark bench) throws IOException {
            directory = fileSystem.equals("tmpfs")
                    ? Files.createTempDirectory(Path.of("/dev/shm"), "client-bench")
                    : Files.createTempDirectory("client-bench");
            plain = directory.resolve("plain");
            libraryOut = directory.resolve("library.kms");
            jdkOut = directory.resolve("jdk.gcm");
            Files.write(plain, bench.plaintext);
        }

        @TearDown(Level.Trial)
        public void tearDown() throws IOException {
            try (Stream<Path> files = Files.walk(directory)) {
                for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    /** encryptFile: through a temporary file beside the target, moved into place when complete. */
    @Benchmark
    public void encryptFileLibrary(Files64MiB files) throws IOException {
        envelope.encryptFile(files.plain, files.libraryOut, CONTEXT);
    }

    /** The library's stream straight into the same file each time, as the JDK baseline writes: no temporary file. */
    @Benchmark
    public void encryptFileLibraryInPlace(Files64MiB files) throws IOException {
        byte[] in = new byte[CHUNK];
        try (InputStream plain = Files.newInputStream(files.plain);
             OutputStream out = envelope.encryptingStream(Files.newOutputStream(files.libraryOut), CONTEXT, SIZE)) {
            for (int n; (n = plain.readNBytes(in, 0, CHUNK)) > 0; ) {
                out.write(in, 0, n);
            }
        }
    }

    @Benchmark
    public void encryptFileJdk(Files64MiB files) throws Exception {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce()));
        byte[] in = new byte[CHUNK];
        try (InputStream plain = Files.newInputStream(files.plain); OutputStream out = Files.newOutputStream(files.jdkOut)) {
            for (int n; (n = plain.readNBytes(in, 0, CHUNK)) > 0; ) {
                out.write(chunk, 0, cipher.update(in, 0, n, chunk, 0));
            }
            out.write(chunk, 0, cipher.doFinal(chunk, 0));
        }
    }

    @Benchmark
    public void encryptStreamLibrary() throws IOException {
        try (OutputStream encrypting = envelope.encryptingStream(OutputStream.nullOutputStream(), CONTEXT)) {
            for (int at = 0; at < SIZE; at += CHUNK) {
                encrypting.write(plaintext, at, CHUNK);
            }
        }
    }

    @Benchmark
    public int encryptStreamJdk() throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce()));
        int written = 0;
        for (int at = 0; at < SIZE; at += CHUNK) {
            written += cipher.update(plaintext, at, CHUNK, chunk, 0);
        }
        return written + cipher.doFinal(chunk, 0);
    }

    /** The library releases each verified frame; the JDK's GCM must hold the whole ciphertext before its one tag. */
    @Benchmark
    public void decryptStreamLibrary(Blackhole hole) throws IOException {
        byte[] out = new byte[CHUNK];
        try (DecryptingStream decrypting = envelope.decryptingStream(new ByteArrayInputStream(message))) {
            for (int n; (n = decrypting.read(out)) >= 0; ) {
                hole.consume(n);
            }
        }
    }

    @Benchmark
    public byte[] decryptJdk() throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, jdkNonce));
        return cipher.doFinal(jdkCiphertext);
    }

    /** A fresh nonce per encryption, as GCM requires. */
    private byte[] nonce() {
        byte[] nonce = new byte[12];
        random.nextBytes(nonce);
        return nonce;
    }
}
