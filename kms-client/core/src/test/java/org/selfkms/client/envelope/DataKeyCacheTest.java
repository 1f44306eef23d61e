package org.selfkms.client.envelope;

import org.junit.jupiter.api.Test;
import org.selfkms.client.EncryptionContext;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.selfkms.client.envelope.EnvelopeEncryptionTest.CONTEXT;
import static org.selfkms.client.envelope.EnvelopeEncryptionTest.header;
import static org.selfkms.client.envelope.EnvelopeEncryptionTest.plaintext;

/** The cache's limits, counted in KMS calls of {@link FakeKms} on a clock the test moves. */
class DataKeyCacheTest {

    final FakeKms kms = new FakeKms();
    final AtomicLong clock = new AtomicLong();

    EnvelopeEncryption withCache(Duration maxAge, long maxMessages, long maxBytes, int capacity) {
        return EnvelopeEncryption.builder(kms).keyRef("key-1").frameLength(100)
                .dataKeyCache(DataKeyCache.withLimits(maxAge, maxMessages, maxBytes, capacity, clock::get)).build();
    }

    @Test
    void withoutACacheEveryMessageCostsAKmsCall() {
        EnvelopeEncryption envelope = EnvelopeEncryption.builder(kms).keyRef("key-1").build();
        for (int i = 0; i < 10; i++) {
            envelope.decrypt(envelope.encrypt(plaintext(10), CONTEXT));
        }
        assertEquals(10, kms.generateDataKeyCalls());
        assertEquals(10, kms.decryptCalls());
    }

    @Test
    void aDataKeyEncryptsAtMostMaxMessages() {
        EnvelopeEncryption envelope = withCache(Duration.ofHours(1), 3, Long.MAX_VALUE, 10);
        for (int i = 0; i < 10; i++) {
            envelope.encrypt(plaintext(10), CONTEXT);
        }
        assertEquals(4, kms.generateDataKeyCalls(), "3 + 3 + 3 + 1");
    }

    @Test
    void aDataKeyEncryptsAtMostMaxBytesAndALargerMessageGetsItsOwn() {
        EnvelopeEncryption envelope = withCache(Duration.ofHours(1), 1000, 100, 10);
        for (int i = 0; i < 5; i++) {
            envelope.encrypt(plaintext(40), CONTEXT);
        }
        assertEquals(3, kms.generateDataKeyCalls(), "40 + 40 per key, the third message would exceed 100");
        envelope.encrypt(plaintext(101), CONTEXT);
        envelope.encrypt(plaintext(101), CONTEXT);
        assertEquals(5, kms.generateDataKeyCalls());
        envelope.encrypt(plaintext(20), CONTEXT);
        assertEquals(5, kms.generateDataKeyCalls(), "the cached key still had room for 20 bytes");
    }

    @Test
    void aDataKeyIsUsedOnlyWhileYoungerThanMaxAge() {
        EnvelopeEncryption envelope = withCache(Duration.ofMinutes(5), 1000, Long.MAX_VALUE, 10);
        byte[] message = envelope.encrypt(plaintext(10), CONTEXT);
        envelope.decrypt(message);
        clock.addAndGet(Duration.ofMinutes(5).toNanos() - 1);
        envelope.encrypt(plaintext(10), CONTEXT);
        envelope.decrypt(message);
        assertEquals(1, kms.generateDataKeyCalls());
        assertEquals(1, kms.decryptCalls());

        clock.addAndGet(1);
        envelope.encrypt(plaintext(10), CONTEXT);
        envelope.decrypt(message);
        assertEquals(2, kms.generateDataKeyCalls());
        assertEquals(2, kms.decryptCalls());
    }

    @Test
    void keysAreCachedPerKeyReferenceAndContext() {
        DataKeyCache cache = DataKeyCache.withLimits(Duration.ofHours(1), 1000, Long.MAX_VALUE, 10, clock::get);
        EnvelopeEncryption one = EnvelopeEncryption.builder(kms).keyRef("key-1").dataKeyCache(cache).build();
        EnvelopeEncryption two = EnvelopeEncryption.builder(kms).keyRef("key-2").dataKeyCache(cache).build();
        EncryptionContext other = EncryptionContext.of("order", "43");
        List<byte[]> messages = List.of(one.encrypt(plaintext(1), CONTEXT), one.encrypt(plaintext(1), other),
                two.encrypt(plaintext(1), CONTEXT), one.encrypt(plaintext(1), CONTEXT), two.encrypt(plaintext(1), CONTEXT));

        assertEquals(3, kms.generateDataKeyCalls());
        assertEquals("key-2", one.decrypt(messages.get(4)).keyId());
        assertEquals(other, two.decrypt(messages.get(1)).context());
    }

    @Test
    void aCacheDoesNotServeAnotherKmsInstance() {
        DataKeyCache cache = DataKeyCache.withLimits(Duration.ofHours(1), 1000, Long.MAX_VALUE, 10, clock::get);
        FakeKms otherKms = new FakeKms();
        EnvelopeEncryption.builder(kms).keyRef("key-1").dataKeyCache(cache).build().encrypt(plaintext(1), CONTEXT);
        EnvelopeEncryption.builder(otherKms).keyRef("key-1").dataKeyCache(cache).build().encrypt(plaintext(1), CONTEXT);

        assertEquals(1, otherKms.generateDataKeyCalls());
    }

    @Test
    void aStreamOfUnknownLengthUsesTheCacheOnlyWithoutAByteLimit() throws IOException {
        EnvelopeEncryption byteLimited = withCache(Duration.ofHours(1), 1000, 1_000_000, 10);
        for (int i = 0; i < 3; i++) {
            encryptStream(byteLimited, 10);
        }
        assertEquals(3, kms.generateDataKeyCalls());

        EnvelopeEncryption unlimited = withCache(Duration.ofHours(1), 1000, Long.MAX_VALUE, 10);
        for (int i = 0; i < 3; i++) {
            encryptStream(unlimited, 10);
        }
        assertEquals(4, kms.generateDataKeyCalls());
    }

    @Test
    void theLeastRecentlyUsedEntryMakesRoomBeyondCapacity() {
        EnvelopeEncryption envelope = withCache(Duration.ofHours(1), 1000, Long.MAX_VALUE, 2);
        List<EncryptionContext> contexts = List.of(EncryptionContext.of("n", "1"), EncryptionContext.of("n", "2"),
                EncryptionContext.of("n", "3"));
        envelope.encrypt(plaintext(1), contexts.get(0));
        envelope.encrypt(plaintext(1), contexts.get(1));
        envelope.encrypt(plaintext(1), contexts.get(0));
        envelope.encrypt(plaintext(1), contexts.get(2));
        assertEquals(3, kms.generateDataKeyCalls());
        envelope.encrypt(plaintext(1), contexts.get(0));
        assertEquals(3, kms.generateDataKeyCalls(), "context 1 was used last, so context 2 went");
        envelope.encrypt(plaintext(1), contexts.get(1));
        assertEquals(4, kms.generateDataKeyCalls());
    }

    @Test
    void decryptionReusesTheUnwrappedKeyOfTheSameBlobAndContext() {
        EnvelopeEncryption envelope = withCache(Duration.ofHours(1), 1000, Long.MAX_VALUE, 10);
        byte[] first = envelope.encrypt(plaintext(10), CONTEXT);
        byte[] second = envelope.encrypt(plaintext(20), CONTEXT);
        for (int i = 0; i < 5; i++) {
            assertArrayEquals(plaintext(10), envelope.decrypt(first).plaintext());
            assertArrayEquals(plaintext(20), envelope.decrypt(second).plaintext());
        }
        assertEquals(1, kms.decryptCalls(), "both messages carry the same wrapped data key");
    }

    /** Concurrent encryptions may each fetch a key, but no key ever encrypts more than the limit. */
    @Test
    void underConcurrencyNoDataKeyExceedsItsLimit() throws Exception {
        EnvelopeEncryption envelope = withCache(Duration.ofHours(1), 10, Long.MAX_VALUE, 10);
        Map<String, AtomicInteger> uses = new ConcurrentHashMap<>();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new java.util.ArrayList<>();
            for (int t = 0; t < 8; t++) {
                done.add(threads.submit(() -> {
                    for (int i = 0; i < 100; i++) {
                        byte[] message = envelope.encrypt(plaintext(i), CONTEXT);
                        assertArrayEquals(plaintext(i), envelope.decrypt(message).plaintext());
                        uses.computeIfAbsent(HexFormat.of().formatHex(header(message).wrappedDataKey()),
                                blob -> new AtomicInteger()).incrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> each : done) {
                each.get();
            }
        } finally {
            threads.shutdown();
        }
        assertEquals(800, uses.values().stream().mapToInt(AtomicInteger::get).sum());
        assertTrue(uses.values().stream().allMatch(n -> n.get() <= 10), uses.values().toString());
        assertTrue(kms.generateDataKeyCalls() >= 80);
    }

    @Test
    void clearForgetsEveryKeyAndNothingPrintedShowsOne() {
        DataKeyCache cache = DataKeyCache.withLimits(Duration.ofMinutes(5), 100, 1 << 20, 50, clock::get);
        EnvelopeEncryption envelope = EnvelopeEncryption.builder(kms).keyRef("key-1").dataKeyCache(cache).build();
        envelope.decrypt(envelope.encrypt(plaintext(1), CONTEXT));

        assertEquals(2, cache.size(), "one key for encryption, one for decryption");
        assertEquals("DataKeyCache[2 of 50 entries, maxAge PT5M, 100 messages and 1048576 bytes per data key]", cache.toString());
        cache.clear();
        assertEquals(0, cache.size());
        envelope.encrypt(plaintext(1), CONTEXT);
        assertEquals(2, kms.generateDataKeyCalls());
    }

    private static void encryptStream(EnvelopeEncryption envelope, int length) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream encrypting = envelope.encryptingStream(out, CONTEXT)) {
            encrypting.write(plaintext(length));
        }
        assertArrayEquals(plaintext(length), envelope.decryptingStream(new ByteArrayInputStream(out.toByteArray())).readAllBytes());
    }
}
