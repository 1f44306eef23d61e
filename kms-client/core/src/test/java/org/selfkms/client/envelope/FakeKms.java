package org.selfkms.client.envelope;

import org.selfkms.client.EncryptionContext;
import org.selfkms.client.Kms;
import org.selfkms.client.KmsRequestException;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-memory KMS for unit tests of the message logic, behaving as the server does where the library relies
 * on it: a wrapped data key is an opaque blob that opens only under the context it was made with (else
 * CIPHERTEXT_INVALID), a disabled key refuses both operations (KEY_DISABLED). Counts its calls. Public for
 * kms-client-bench, which counts the calls a server would have served.
 */
public final class FakeKms implements Kms {

    private static final SecureRandom RANDOM = new SecureRandom();
    static final int BLOB_LENGTH = 48;

    private record Issued(String keyId, byte[] dataKey, EncryptionContext context) {
    }

    private final Map<String, Issued> issued = new ConcurrentHashMap<>();
    private final Set<String> disabled = ConcurrentHashMap.newKeySet();
    private final Queue<DataKey> prepared = new ConcurrentLinkedQueue<>();
    private final AtomicInteger generateCalls = new AtomicInteger();
    private final AtomicInteger decryptCalls = new AtomicInteger();

    public int generateDataKeyCalls() {
        return generateCalls.get();
    }

    public int decryptCalls() {
        return decryptCalls.get();
    }

    /** A blob made elsewhere (the test vectors) that this KMS opens to {@code dataKey} under {@code context}. */
    void register(String keyId, byte[] dataKey, byte[] blob, EncryptionContext context) {
        issued.put(HexFormat.of().formatHex(blob), new Issued(keyId, dataKey.clone(), context));
    }

    /** The next data key generateDataKey answers, instead of a random one (the test vectors). */
    void prepare(String keyId, byte[] dataKey, byte[] blob) {
        prepared.add(new DataKey(keyId, dataKey.clone(), blob.clone()));
    }

    void disable(String keyId) {
        disabled.add(keyId);
    }

    @Override
    public DataKey generateDataKey(String keyRef, int numberOfBytes, EncryptionContext context) {
        generateCalls.incrementAndGet();
        refuseDisabled(keyRef);
        DataKey next = prepared.poll();
        if (next != null) {
            register(next.keyId(), next.plaintext(), next.ciphertextBlob(), context);
            return next;
        }
        byte[] dataKey = new byte[numberOfBytes];
        RANDOM.nextBytes(dataKey);
        byte[] blob = new byte[BLOB_LENGTH];
        RANDOM.nextBytes(blob);
        register(keyRef, dataKey, blob, context);
        return new DataKey(keyRef, dataKey, blob);
    }

    @Override
    public Ciphertext encrypt(String keyRef, byte[] plaintext, EncryptionContext context) {
        throw new UnsupportedOperationException("envelope encryption never calls Encrypt");
    }

    @Override
    public Plaintext decrypt(byte[] ciphertextBlob, EncryptionContext context) {
        decryptCalls.incrementAndGet();
        Issued key = issued.get(HexFormat.of().formatHex(ciphertextBlob));
        if (key == null || !key.context().equals(context)) {
            throw new KmsRequestException(400, "CIPHERTEXT_INVALID", "The ciphertext is invalid", "fake-request");
        }
        refuseDisabled(key.keyId());
        return new Plaintext(key.keyId(), key.dataKey().clone());
    }

    private void refuseDisabled(String keyId) {
        if (disabled.contains(keyId)) {
            throw new KmsRequestException(409, "KEY_DISABLED", "The key " + keyId + " is disabled", "fake-request");
        }
    }
}
