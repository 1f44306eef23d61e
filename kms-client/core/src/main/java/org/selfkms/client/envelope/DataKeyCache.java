package org.selfkms.client.envelope;

import org.selfkms.client.EncryptionContext;
import org.selfkms.client.Kms;

import java.time.Duration;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Data keys kept in memory to save KMS calls (docs/clients.md, "Caching"), within limits that bound how much
 * data one data key protects and how long a key stays usable after its KMS key was disabled:
 * <ul>
 * <li>Encryption reuses a data key for the same KMS, key reference and encryption context while, counting the
 * message about to be encrypted, it is younger than {@code maxAge}, has encrypted at most
 * {@code maxMessagesPerDataKey} messages and at most {@code maxBytesPerDataKey} bytes of plaintext. A message
 * whose length is not known upfront (a stream without a declared length) uses the cache only when the byte limit
 * is {@link Long#MAX_VALUE}; otherwise it gets a data key of its own.</li>
 * <li>Decryption reuses the unwrapped data key of the same wrapped blob and encryption context while it is
 * younger than {@code maxAge}.</li>
 * </ul>
 * At most {@code capacity} entries of both kinds together; the least recently used goes first. A key leaving
 * the cache (evicted, expired, exhausted, {@link #clear()}) is overwritten with zeros; callers get copies.
 * Entries are per {@link Kms} instance, so one cache shared by clients with different credentials never hands
 * one of them a key only the other may use. Thread-safe; KMS calls happen outside its lock.
 */
public final class DataKeyCache {

    private final long maxAgeNanos;
    private final long maxMessages;
    private final long maxBytes;
    private final int capacity;
    private final LongSupplier nanoClock;
    private final LinkedHashMap<Object, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);

    private DataKeyCache(Duration maxAge, long maxMessages, long maxBytes, int capacity, LongSupplier nanoClock) {
        if (maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("maxAge must be positive");
        }
        if (maxMessages < 1 || maxBytes < 1 || capacity < 1) {
            throw new IllegalArgumentException("maxMessagesPerDataKey, maxBytesPerDataKey and capacity must be at least 1");
        }
        this.maxAgeNanos = saturatedNanos(maxAge);
        this.maxMessages = maxMessages;
        this.maxBytes = maxBytes;
        this.capacity = capacity;
        this.nanoClock = nanoClock;
    }

    public static DataKeyCache withLimits(Duration maxAge, long maxMessagesPerDataKey, long maxBytesPerDataKey, int capacity) {
        return new DataKeyCache(maxAge, maxMessagesPerDataKey, maxBytesPerDataKey, capacity, System::nanoTime);
    }

    /** For tests: a cache on a clock they move. */
    static DataKeyCache withLimits(Duration maxAge, long maxMessages, long maxBytes, int capacity, LongSupplier nanoClock) {
        return new DataKeyCache(maxAge, maxMessages, maxBytes, capacity, nanoClock);
    }

    /**
     * A data key for one message of {@code plaintextLength} bytes (-1: unknown); a copy the caller zeroes. From
     * the cache when the limits allow it, else from {@code generate}, kept for later messages when they may use it.
     */
    Kms.DataKey forEncryption(Kms kms, String keyRef, EncryptionContext context, long plaintextLength,
                              Supplier<Kms.DataKey> generate) {
        boolean cacheable = plaintextLength >= 0 ? plaintextLength <= maxBytes : maxBytes == Long.MAX_VALUE;
        if (!cacheable) {
            return generate.get();
        }
        long bytes = Math.max(plaintextLength, 0);
        EncryptionKey id = new EncryptionKey(kms, keyRef, context);
        synchronized (this) {
            Entry entry = entries.get(id);
            if (entry != null && isUsable(entry) && entry.messages + 1 <= maxMessages && entry.bytes + bytes <= maxBytes) {
                entry.messages++;
                entry.bytes += bytes;
                return entry.copy();
            }
            if (entry != null) {
                remove(id);
            }
        }
        Kms.DataKey fresh = generate.get();
        put(id, new Entry(fresh.keyId(), fresh.plaintext().clone(), fresh.ciphertextBlob(), nanoClock.getAsLong(), 1, bytes));
        return fresh;
    }

    /** The plaintext of a wrapped data key; a copy the caller zeroes. */
    Kms.Plaintext forDecryption(Kms kms, byte[] wrappedDataKey, EncryptionContext context, Supplier<Kms.Plaintext> unwrap) {
        DecryptionKey id = new DecryptionKey(kms, new Blob(wrappedDataKey.clone()), context);
        synchronized (this) {
            Entry entry = entries.get(id);
            if (entry != null && isUsable(entry)) {
                return new Kms.Plaintext(entry.keyId, entry.plaintext.clone());
            }
            if (entry != null) {
                remove(id);
            }
        }
        Kms.Plaintext fresh = unwrap.get();
        put(id, new Entry(fresh.keyId(), fresh.plaintext().clone(), wrappedDataKey.clone(), nanoClock.getAsLong(), 0, 0));
        return fresh;
    }

    /** Forgets every key, overwriting it with zeros. */
    public synchronized void clear() {
        entries.values().forEach(Entry::zero);
        entries.clear();
    }

    /** How many keys the cache holds now (expired ones included until they are next looked at or pushed out). */
    public synchronized int size() {
        return entries.size();
    }

    private synchronized void put(Object id, Entry entry) {
        Entry previous = entries.put(id, entry);
        if (previous != null) {
            previous.zero();
        }
        Iterator<Entry> oldest = entries.values().iterator();
        while (entries.size() > capacity) {
            oldest.next().zero();
            oldest.remove();
        }
    }

    private void remove(Object id) {
        Entry gone = entries.remove(id);
        if (gone != null) {
            gone.zero();
        }
    }

    private boolean isUsable(Entry entry) {
        return nanoClock.getAsLong() - entry.createdNanos < maxAgeNanos;
    }

    private static long saturatedNanos(Duration duration) {
        try {
            return duration.toNanos();
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    @Override
    public synchronized String toString() {
        return "DataKeyCache[" + entries.size() + " of " + capacity + " entries, maxAge " + Duration.ofNanos(maxAgeNanos)
                + ", " + maxMessages + " messages and " + maxBytes + " bytes per data key]";
    }

    private record EncryptionKey(Kms kms, String keyRef, EncryptionContext context) {
    }

    private record DecryptionKey(Kms kms, Blob wrappedDataKey, EncryptionContext context) {
    }

    /** A wrapped blob as a map key: equal by content. */
    private record Blob(byte[] bytes) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Blob blob && Arrays.equals(bytes, blob.bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return "Blob[" + bytes.length + " bytes]";
        }
    }

    private static final class Entry {
        final String keyId;
        final byte[] plaintext;
        final byte[] ciphertextBlob;
        final long createdNanos;
        long messages;
        long bytes;

        Entry(String keyId, byte[] plaintext, byte[] ciphertextBlob, long createdNanos, long messages, long bytes) {
            this.keyId = keyId;
            this.plaintext = plaintext;
            this.ciphertextBlob = ciphertextBlob;
            this.createdNanos = createdNanos;
            this.messages = messages;
            this.bytes = bytes;
        }

        Kms.DataKey copy() {
            return new Kms.DataKey(keyId, plaintext.clone(), ciphertextBlob);
        }

        void zero() {
            Arrays.fill(plaintext, (byte) 0);
        }

        @Override
        public String toString() {
            return "Entry[" + keyId + ", " + messages + " messages]";
        }
    }
}
