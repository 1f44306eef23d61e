package org.selfkms.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.selfkms.client.Credential;
import org.selfkms.client.EncryptionContext;
import org.selfkms.client.Kms;
import org.selfkms.client.KmsRequestException;
import org.selfkms.client.RestV1Kms;
import org.selfkms.client.RestV1Session;
import org.selfkms.client.TencentKms;
import org.selfkms.client.envelope.DataKeyCache;
import org.selfkms.client.envelope.DecryptedMessage;
import org.selfkms.client.envelope.EnvelopeEncryption;
import org.selfkms.client.envelope.MessageAuthenticationException;
import org.selfkms.client.envelope.MessageInfo;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The envelope-encryption library (docs/clients.md, "The envelope-encryption library") against the running
 * server, through both doors: byte arrays and files round trip, a message of one door decrypts through the
 * other, decrypting needs only a credential, the server refuses the data key under another context and of a
 * disabled key, and the cache's savings show in the server's audit trail. Every decryption uses a client made
 * anew (a fresh login), as another process would.
 */
@org.junit.jupiter.api.Tag("clients")
class ClientLibraryIT extends DeployedKms {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final EncryptionContext CONTEXT = EncryptionContext.of(Map.of("order", "ctx-value-42", "tenant", "shop"));

    /** The administrator's session, for creating and disabling keys and reading the audit trail. */
    private static RestV1Session admin;

    @BeforeAll
    static void session() {
        admin = RestV1Session.login(URI.create(baseUrl()), credential());
    }

    private static Credential credential() {
        return new Credential(secretId(), secretKey());
    }

    /** A client of the REST door with a login of its own. */
    private static Kms restDoor() {
        return new RestV1Kms(RestV1Session.login(URI.create(baseUrl()), credential()));
    }

    private static Kms tencentDoor() {
        return new TencentKms(URI.create(baseUrl()), "ap-guangzhou", credential());
    }

    private static final Map<String, Supplier<Kms>> DOORS = Map.of("rest", ClientLibraryIT::restDoor, "tencent", ClientLibraryIT::tencentDoor);

    /** A new key; answers its id. */
    private static String createKey(String prefix) {
        return admin.post("/keys", Json.createObjectBuilder().add("alias", uniqueAlias(prefix)).build()).getString("keyId");
    }

    private static String alias(String keyId) {
        return admin.get("/keys/" + keyId).getString("alias");
    }

    private static byte[] random(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    @Test
    void byteArraysWithAContextRoundTripThroughEachDoor() {
        for (Map.Entry<String, Supplier<Kms>> door : DOORS.entrySet()) {
            String keyId = createKey("client-bytes-" + door.getKey());
            byte[] plaintext = random(100_000);
            byte[] message = EnvelopeEncryption.builder(door.getValue().get()).keyRef(alias(keyId)).build().encrypt(plaintext, CONTEXT);

            DecryptedMessage decrypted = EnvelopeEncryption.builder(door.getValue().get()).build().decrypt(message, CONTEXT);

            assertArrayEquals(plaintext, decrypted.plaintext(), door.getKey());
            assertEquals(keyId, decrypted.keyId(), door.getKey() + ": the header names the key by id, also when encrypted by alias");
            assertEquals(CONTEXT, decrypted.context(), door.getKey());
        }
    }

    @Test
    void aMessageOfOneDoorDecryptsThroughTheOther() {
        String keyId = createKey("client-doors");
        byte[] plaintext = "paid by card 4111".getBytes(StandardCharsets.UTF_8);
        byte[] viaRest = EnvelopeEncryption.builder(restDoor()).keyRef(keyId).build().encrypt(plaintext, CONTEXT);
        byte[] viaTencent = EnvelopeEncryption.builder(tencentDoor()).keyRef(keyId).build().encrypt(plaintext, CONTEXT);

        assertArrayEquals(plaintext, EnvelopeEncryption.builder(tencentDoor()).build().decrypt(viaRest).plaintext());
        assertArrayEquals(plaintext, EnvelopeEncryption.builder(restDoor()).build().decrypt(viaTencent).plaintext());
    }

    @Test
    void aMultiFrameFileRoundTripsWithOnlyTheCredentialToDecrypt(@TempDir Path directory) throws IOException {
        String keyId = createKey("client-file");
        Path plain = directory.resolve("ledger.bin");
        Path encrypted = directory.resolve("ledger.bin.kms");
        Path decrypted = directory.resolve("ledger-restored.bin");
        Files.write(plain, random(5 * 1024 * 1024 + 17));

        EnvelopeEncryption.builder(tencentDoor()).keyRef(keyId).build().encryptFile(plain, encrypted, CONTEXT);
        MessageInfo info = EnvelopeEncryption.builder(restDoor()).build().decryptFile(encrypted, decrypted);

        assertArrayEquals(Files.readAllBytes(plain), Files.readAllBytes(decrypted));
        assertEquals(new MessageInfo(keyId, CONTEXT), info);
        assertEquals(List.of("ledger-restored.bin", "ledger.bin", "ledger.bin.kms"), names(directory));
    }

    /**
     * A context changed in the message (same length, so the header still parses) goes to the KMS with the wrapped
     * key, and the server refuses to unwrap it; a context other than the expected one is refused before asking.
     */
    @Test
    void theServerRefusesTheDataKeyUnderAnotherContext() {
        String keyId = createKey("client-context");
        for (Map.Entry<String, Supplier<Kms>> door : DOORS.entrySet()) {
            byte[] message = EnvelopeEncryption.builder(door.getValue().get()).keyRef(keyId).build().encrypt(random(10), CONTEXT);
            byte[] altered = replace(message, "ctx-value-42", "ctx-value-43");
            EnvelopeEncryption decrypting = EnvelopeEncryption.builder(door.getValue().get()).build();

            KmsRequestException refused = assertThrows(KmsRequestException.class, () -> decrypting.decrypt(altered), door.getKey());
            assertEquals(door.getKey().equals("rest") ? "CIPHERTEXT_INVALID" : "InvalidParameterValue.InvalidCiphertext",
                    refused.errorCode(), door.getKey());
            assertThrows(MessageAuthenticationException.class,
                    () -> decrypting.decrypt(message, EncryptionContext.of("order", "ctx-value-42")), door.getKey());
        }
    }

    /** The server's own record: with the cache, twenty messages cost one GenerateDataKey and one Decrypt. */
    @Test
    void theCacheSavesKmsCallsAsTheAuditTrailRecords() {
        String cachedKey = createKey("client-cache");
        DataKeyCache cache = DataKeyCache.withLimits(Duration.ofMinutes(5), 100, Long.MAX_VALUE, 10);
        EnvelopeEncryption cached = EnvelopeEncryption.builder(restDoor()).keyRef(cachedKey).dataKeyCache(cache).build();
        List<byte[]> messages = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            messages.add(cached.encrypt(random(1000), CONTEXT));
        }
        EnvelopeEncryption cachedReader = EnvelopeEncryption.builder(tencentDoor())
                .dataKeyCache(DataKeyCache.withLimits(Duration.ofMinutes(5), 100, Long.MAX_VALUE, 10)).build();
        messages.forEach(cachedReader::decrypt);

        String uncachedKey = createKey("client-no-cache");
        EnvelopeEncryption uncached = EnvelopeEncryption.builder(restDoor()).keyRef(uncachedKey).build();
        for (int i = 0; i < 5; i++) {
            uncached.decrypt(uncached.encrypt(random(1000), CONTEXT));
        }

        assertEquals(1, auditRecords(cachedKey, "GenerateDataKey"));
        assertEquals(1, auditRecords(cachedKey, "Decrypt"));
        assertEquals(5, auditRecords(uncachedKey, "GenerateDataKey"));
        assertEquals(5, auditRecords(uncachedKey, "Decrypt"));
    }

    @Test
    void aDisabledKeyIsAClearRefusalThroughEachDoor() {
        String keyId = createKey("client-disabled");
        byte[] message = EnvelopeEncryption.builder(restDoor()).keyRef(keyId).build().encrypt(random(10), CONTEXT);
        admin.post("/keys/" + keyId + "/disable", null);

        for (Map.Entry<String, Supplier<Kms>> door : DOORS.entrySet()) {
            String expected = door.getKey().equals("rest") ? "KEY_DISABLED" : "ResourceUnavailable.CmkDisabled";
            EnvelopeEncryption envelope = EnvelopeEncryption.builder(door.getValue().get()).keyRef(keyId).build();
            assertEquals(expected, assertThrows(KmsRequestException.class, () -> envelope.decrypt(message)).errorCode());
            assertEquals(expected, assertThrows(KmsRequestException.class, () -> envelope.encrypt(random(10), CONTEXT)).errorCode());
        }
    }

    private static int auditRecords(String keyId, String action) {
        JsonObject page = admin.get("/audit-records?limit=500&keyId=" + RestV1Session.query(keyId) + "&action=" + action);
        return page.getJsonArray("records").size();
    }

    private static byte[] replace(byte[] message, String what, String with) {
        byte[] from = what.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i + from.length <= message.length; i++) {
            if (java.util.Arrays.equals(message, i, i + from.length, from, 0, from.length)) {
                byte[] altered = message.clone();
                System.arraycopy(with.getBytes(StandardCharsets.UTF_8), 0, altered, i, from.length);
                return altered;
            }
        }
        throw new AssertionError(what + " is not in the message");
    }

    private static List<String> names(Path directory) throws IOException {
        try (var files = Files.list(directory)) {
            return files.map(path -> path.getFileName().toString()).sorted().toList();
        }
    }
}
