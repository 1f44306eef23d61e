package org.selfkms.client.tink;

import org.selfkms.client.EncryptionContext;
import org.selfkms.client.Kms;
import org.selfkms.client.KmsRequestException;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The server's Encrypt/Decrypt contract in memory, for unit tests: a blob names its key and opens for any caller,
 * only with the context it was sealed with; disabled keys refuse; aliases name keys and can move. Records the key
 * references and contexts it was called with.
 */
final class FakeKms implements Kms {

    private record Sealed(String keyId, byte[] plaintext, EncryptionContext context) {
    }

    private final SecureRandom random = new SecureRandom();
    private final Map<String, String> aliases = new HashMap<>();
    private final Set<String> keys = new HashSet<>();
    private final Set<String> disabled = new HashSet<>();
    private final Map<String, Sealed> blobs = new HashMap<>();
    final List<String> encryptedUnder = new ArrayList<>();
    final List<EncryptionContext> contexts = new ArrayList<>();
    int decrypts;

    synchronized String createKey(String alias) {
        String keyId = java.util.UUID.randomUUID().toString();
        keys.add(keyId);
        aliases.put(alias, keyId);
        return keyId;
    }

    synchronized void moveAlias(String alias, String keyId) {
        aliases.put(alias, keyId);
    }

    synchronized void disable(String keyId) {
        disabled.add(keyId);
    }

    synchronized String keyIdOf(String alias) {
        String keyId = aliases.get(alias);
        if (keyId == null) {
            throw new KmsRequestException(404, "KEY_NOT_FOUND", "The key does not exist", "fake");
        }
        return keyId;
    }

    @Override
    public synchronized DataKey generateDataKey(String keyRef, int numberOfBytes, EncryptionContext context) {
        byte[] plaintext = new byte[numberOfBytes];
        random.nextBytes(plaintext);
        Ciphertext sealed = encrypt(keyRef, plaintext, context);
        return new DataKey(sealed.keyId(), plaintext, sealed.ciphertextBlob());
    }

    @Override
    public synchronized Ciphertext encrypt(String keyRef, byte[] plaintext, EncryptionContext context) {
        encryptedUnder.add(keyRef);
        contexts.add(context);
        String keyId = keys.contains(keyRef) ? keyRef : keyIdOf(keyRef);
        usable(keyId);
        byte[] blob = new byte[16];
        random.nextBytes(blob);
        blobs.put(HexFormat.of().formatHex(blob), new Sealed(keyId, plaintext.clone(), context));
        return new Ciphertext(keyId, blob);
    }

    @Override
    public synchronized Plaintext decrypt(byte[] ciphertextBlob, EncryptionContext context) {
        decrypts++;
        contexts.add(context);
        Sealed sealed = blobs.get(HexFormat.of().formatHex(ciphertextBlob));
        if (sealed == null || !sealed.context().equals(context)) {
            throw new KmsRequestException(400, "CIPHERTEXT_INVALID", "The ciphertext is invalid", "fake");
        }
        usable(sealed.keyId());
        return new Plaintext(sealed.keyId(), sealed.plaintext().clone());
    }

    private void usable(String keyId) {
        if (disabled.contains(keyId)) {
            throw new KmsRequestException(409, "KEY_DISABLED", "The key is disabled", "fake");
        }
    }
}
