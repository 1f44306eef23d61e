package org.selfkms.client.bench;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.selfkms.client.EncryptionContext;
import org.selfkms.client.envelope.DataKeyCache;
import org.selfkms.client.envelope.EnvelopeEncryption;
import org.selfkms.client.envelope.FakeKms;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * 10,000 messages of 1 KiB encrypted and decrypted, without the data-key cache and with caches of 100 and 1,000
 * messages per data key: the KMS calls a server would have served (JMH's secondary results
 * {@code generateDataKeyCalls} and {@code decryptCalls}, per 10,000 messages) and the time in memory, where a
 * KMS call costs nothing - against a real server each call adds a network round trip.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime) // one invocation per iteration: the counters are per 10,000 messages
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class CacheBenchmark {

    static final int MESSAGES = 10_000;
    static final EncryptionContext CONTEXT = EncryptionContext.of("bench", "cache");

    /** Messages per data key; 0: no cache. */
    @Param({"0", "100", "1000"})
    public int messagesPerDataKey;

    private final byte[] plaintext = new byte[1024];

    @AuxCounters(AuxCounters.Type.EVENTS)
    @State(Scope.Thread)
    public static class KmsCalls {
        public long generateDataKeyCalls;
        public long decryptCalls;

        @Setup(Level.Iteration)
        public void reset() {
            generateDataKeyCalls = 0;
            decryptCalls = 0;
        }
    }

    @Benchmark
    public void tenThousandMessages(KmsCalls calls) {
        FakeKms kms = new FakeKms();
        EnvelopeEncryption.Builder builder = EnvelopeEncryption.builder(kms).keyRef("bench-key");
        if (messagesPerDataKey > 0) {
            builder.dataKeyCache(DataKeyCache.withLimits(Duration.ofMinutes(5), messagesPerDataKey, Long.MAX_VALUE, 100));
        }
        EnvelopeEncryption envelope = builder.build();
        for (int i = 0; i < MESSAGES; i++) {
            envelope.decrypt(envelope.encrypt(plaintext, CONTEXT));
        }
        calls.generateDataKeyCalls += kms.generateDataKeyCalls();
        calls.decryptCalls += kms.decryptCalls();
    }
}
