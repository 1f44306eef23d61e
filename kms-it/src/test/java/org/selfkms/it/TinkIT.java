package org.selfkms.it;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.KmsClients;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.AesGcmParameters;
import com.google.crypto.tink.aead.KmsEnvelopeAead;
import com.google.crypto.tink.aead.LegacyKmsAeadParameters;
import com.google.crypto.tink.aead.LegacyKmsEnvelopeAeadParameters;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.selfkms.client.Credential;
import org.selfkms.client.EncryptionContext;
import org.selfkms.client.KmsRequestException;
import org.selfkms.client.RestV1Kms;
import org.selfkms.client.RestV1Session;
import org.selfkms.client.TencentKms;
import org.selfkms.client.tink.SelfKmsClient;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Google Tink against the running server through kms-client-tink (docs/clients.md, "Google Tink"): Tink's own
 * KmsEnvelopeAead and KmsAead, made directly and from keysets, through both doors of the server. Each test
 * decrypts with a client made anew (a fresh login, a fresh Aead), as another process would, and creates the keys
 * it changes.
 */
@org.junit.jupiter.api.Tag("clients")
class TinkIT extends DeployedKms {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final byte[] AD = "order 42".getBytes(StandardCharsets.UTF_8);
    private static final byte[] OTHER_AD = "order 43".getBytes(StandardCharsets.UTF_8);
    /** {@link #AD} as docs/clients.md says the server sees it: base64url without padding. */
    private static final EncryptionContext AD_CONTEXT = EncryptionContext.of("tink.associatedData", "b3JkZXIgNDI");

    /** The administrator's session, for creating, rotating and disabling keys. */
    private static RestV1Session admin;

    @BeforeAll
    static void tink() throws GeneralSecurityException {
        AeadConfig.register();
        admin = restSession();
    }

    // ---------------------------------------------------------------- KmsEnvelopeAead made directly

    @Test
    void anEnvelopeMadeThroughTheRestDoorOpensWithANewClientOfEitherDoor() throws GeneralSecurityException {
        assertEnvelopeOpensThroughEitherDoor(restClient(), 100_000);
    }

    @Test
    void anEnvelopeMadeThroughTheTencentDoorOpensWithANewClientOfEitherDoor() throws GeneralSecurityException {
        assertEnvelopeOpensThroughEitherDoor(tencentClient(), 5_000);
    }

    private static void assertEnvelopeOpensThroughEitherDoor(SelfKmsClient encrypting, int size) throws GeneralSecurityException {
        String uri = "selfkms://" + createKey("tink-it-envelope");
        byte[] data = random(size);
        byte[] ciphertext = envelope(encrypting, uri).encrypt(data, AD);
        for (SelfKmsClient client : new SelfKmsClient[] {restClient(), tencentClient()}) {
            assertArrayEquals(data, envelope(client, uri).decrypt(ciphertext, AD));
            assertThrows(GeneralSecurityException.class, () -> envelope(client, uri).decrypt(ciphertext, OTHER_AD));
        }
    }

    // ---------------------------------------------------------------- the remote Aead as KmsAead: associated data

    @Test
    void associatedDataIsTheDocumentedEncryptionContextOnTheServer() throws GeneralSecurityException {
        String keyId = createKey("tink-it-kmsaead");
        byte[] secret = "card 4111".getBytes(StandardCharsets.UTF_8);
        byte[] blob = restClient().getAead("selfkms://" + keyId).encrypt(secret, AD);
        assertArrayEquals(secret, tencentClient().getAead("selfkms://" + keyId).decrypt(blob, AD));
        GeneralSecurityException wrongAd = assertThrows(GeneralSecurityException.class,
                () -> restClient().getAead("selfkms://" + keyId).decrypt(blob, OTHER_AD));
        assertTrue(wrongAd.getMessage().contains("CIPHERTEXT_INVALID"), wrongAd.getMessage());
        assertThrows(GeneralSecurityException.class, () -> restClient().getAead("selfkms://" + keyId).decrypt(blob, new byte[0]));
        // the blob is the server's own: the library's Decrypt opens it with the context docs/clients.md names
        assertArrayEquals(secret, new RestV1Kms(restSession()).decrypt(blob, AD_CONTEXT).plaintext());
    }

    // ---------------------------------------------------------------- keysets: KmsClients, encrypted keysets

    @Test
    void keysetsOfKmsAeadAndKmsEnvelopeAeadKeysFindTheirRegisteredClient() throws GeneralSecurityException {
        String uri = "selfkms://" + createKey("tink-it-keyset");
        // one client for this key only: KmsClients answers the first registered client that supports a URI
        KmsClients.add(restClient().boundTo(uri));
        KeysetHandle kmsAeadKeyset = KeysetHandle.generateNew(LegacyKmsAeadParameters.create(uri));
        KeysetHandle envelopeKeyset = KeysetHandle.generateNew(LegacyKmsEnvelopeAeadParameters.builder()
                .setKekUri(uri)
                .setDekParsingStrategy(LegacyKmsEnvelopeAeadParameters.DekParsingStrategy.ASSUME_AES_GCM)
                .setDekParametersForNewKeys(AesGcmParameters.builder().setKeySizeBytes(32).setIvSizeBytes(12)
                        .setTagSizeBytes(16).setVariant(AesGcmParameters.Variant.NO_PREFIX).build())
                .build());
        for (KeysetHandle keyset : new KeysetHandle[] {kmsAeadKeyset, envelopeKeyset}) {
            byte[] data = random(1000);
            byte[] ciphertext = keyset.getPrimitive(RegistryConfiguration.get(), Aead.class).encrypt(data, AD);
            // the keyset holds no secret: it is stored as it is and read back anywhere the client is registered
            KeysetHandle readBack = TinkJsonProtoKeysetFormat.parseKeysetWithoutSecret(
                    TinkJsonProtoKeysetFormat.serializeKeysetWithoutSecret(keyset));
            Aead aead = readBack.getPrimitive(RegistryConfiguration.get(), Aead.class);
            assertArrayEquals(data, aead.decrypt(ciphertext, AD));
            assertThrows(GeneralSecurityException.class, () -> aead.decrypt(ciphertext, OTHER_AD));
        }
    }

    @Test
    void aKeysetEncryptedUnderAKeyOfTheServerIsReadWithANewClient() throws GeneralSecurityException {
        String uri = "selfkms://" + createKey("tink-it-keyset");
        KeysetHandle local = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
        byte[] data = random(300);
        byte[] ciphertext = local.getPrimitive(RegistryConfiguration.get(), Aead.class).encrypt(data, AD);
        String stored = TinkJsonProtoKeysetFormat.serializeEncryptedKeyset(local, restClient().getAead(uri), AD);
        assertFalse(stored.contains(Base64.getEncoder().encodeToString(
                TinkProtoKeysetFormat.serializeKeyset(local, InsecureSecretKeyAccess.get()))));
        KeysetHandle read = TinkJsonProtoKeysetFormat.parseEncryptedKeyset(stored, tencentClient().getAead(uri), AD);
        assertArrayEquals(data, read.getPrimitive(RegistryConfiguration.get(), Aead.class).decrypt(ciphertext, AD));
        assertThrows(GeneralSecurityException.class,
                () -> TinkJsonProtoKeysetFormat.parseEncryptedKeyset(stored, restClient().getAead(uri), OTHER_AD));
    }

    // ---------------------------------------------------------------- key URIs by alias

    @Test
    void anAliasUriNamesTheKeyOfThatAliasThroughEitherDoor() throws GeneralSecurityException {
        String alias = uniqueAlias("tink-it-alias");
        String keyId = createKeyAs(alias);
        byte[] data = random(2_000);
        byte[] byId = envelope(restClient(), "selfkms://" + keyId).encrypt(data, AD);
        byte[] byAlias = envelope(tencentClient(), "selfkms://alias/" + alias).encrypt(data, AD);
        // new Aeads that decrypt first: the REST client describes the alias, the Tencent one encrypts to learn it
        for (SelfKmsClient client : new SelfKmsClient[] {restClient(), tencentClient()}) {
            Aead aead = envelope(client, "selfkms://" + alias);
            assertArrayEquals(data, aead.decrypt(byId, AD));
            assertArrayEquals(data, aead.decrypt(byAlias, AD));
        }
        assertArrayEquals(data, envelope(restClient(), "selfkms://" + keyId).decrypt(byAlias, AD));
    }

    @Test
    void aServicePrincipalsClientFindsTheKeyOfAnAliasThoughItMayNotDescribeKeys() throws GeneralSecurityException {
        String alias = uniqueAlias("tink-it-service");
        String keyId = createKeyAs(alias);
        JsonObject credential = admin.post("/credentials", Json.createObjectBuilder().add("service", "tinkit").build());
        RestV1Session service = RestV1Session.login(URI.create(baseUrl()),
                new Credential(credential.getString("secretId"), credential.getString("secretKey")));
        assertEquals("UNAUTHORIZED", assertThrows(KmsRequestException.class, () -> service.get("/keys/" + alias)).errorCode());
        byte[] data = random(300);
        byte[] ofTheAlias = envelope(restClient(), "selfkms://" + keyId).encrypt(data, AD);
        byte[] ofAnotherKey = envelope(restClient(), "selfkms://" + createKey("tink-it-other")).encrypt(data, AD);
        Aead aead = envelope(SelfKmsClient.of(service), "selfkms://" + alias);
        assertArrayEquals(data, aead.decrypt(ofTheAlias, AD));
        assertThrows(GeneralSecurityException.class, () -> aead.decrypt(ofAnotherKey, AD));
    }

    // ---------------------------------------------------------------- another key's ciphertext, a disabled key

    @Test
    void anAeadRefusesTheCiphertextOfAnotherKeyThoughTheCallerMayDecryptIt() throws GeneralSecurityException {
        String keyA = createKey("tink-it-a");
        String aliasB = uniqueAlias("tink-it-b");
        String keyB = createKeyAs(aliasB);
        byte[] secret = random(64);
        byte[] ofB = restClient().getAead("selfkms://" + keyB).encrypt(secret, AD);
        byte[] envelopeOfB = envelope(restClient(), "selfkms://" + keyB).encrypt(secret, AD);
        for (SelfKmsClient client : new SelfKmsClient[] {restClient(), tencentClient()}) {
            GeneralSecurityException e = assertThrows(GeneralSecurityException.class,
                    () -> client.getAead("selfkms://" + keyA).decrypt(ofB, AD));
            assertEquals("The ciphertext is under key " + keyB + ", not under selfkms://" + keyA + " (key " + keyA + ")",
                    e.getMessage());
            assertThrows(GeneralSecurityException.class, () -> envelope(client, "selfkms://" + keyA).decrypt(envelopeOfB, AD));
            // the same ciphertext opens for an Aead of its own key, named by alias
            assertArrayEquals(secret, client.getAead("selfkms://" + aliasB).decrypt(ofB, AD));
        }
    }

    @Test
    void aDisabledKeyNeitherEncryptsNorDecryptsThroughTink() throws GeneralSecurityException {
        String keyId = createKey("tink-it-disabled");
        String uri = "selfkms://" + keyId;
        byte[] ciphertext = envelope(restClient(), uri).encrypt(random(100), AD);
        admin.post("/keys/" + keyId + "/disable", null);
        assertDisabled("KEY_DISABLED", restClient(), uri, ciphertext);
        assertDisabled("ResourceUnavailable.CmkDisabled", tencentClient(), uri, ciphertext);
    }

    /** Both directions fail with Tink's exception, caused by the server's refusal under that door's error code. */
    private static void assertDisabled(String errorCode, SelfKmsClient client, String uri, byte[] ciphertext) {
        GeneralSecurityException encrypt = assertThrows(GeneralSecurityException.class,
                () -> envelope(client, uri).encrypt(random(100), AD));
        GeneralSecurityException decrypt = assertThrows(GeneralSecurityException.class,
                () -> envelope(client, uri).decrypt(ciphertext, AD));
        assertEquals(errorCode, assertInstanceOf(KmsRequestException.class, encrypt.getCause()).errorCode(), encrypt.getMessage());
        // KmsEnvelopeAead wraps the remote Aead's exception once more
        Throwable remote = decrypt.getCause() instanceof KmsRequestException ? decrypt : decrypt.getCause();
        assertEquals(errorCode, assertInstanceOf(KmsRequestException.class, remote.getCause()).errorCode(), decrypt.getMessage());
    }

    // ---------------------------------------------------------------- rotation

    @Test
    void afterARotationOldCiphertextsStillOpenAndNewOnesUseTheNewVersion() throws GeneralSecurityException {
        String keyId = createKey("tink-it-rotate");
        String uri = "selfkms://" + keyId;
        byte[] data = random(10_000);
        byte[] small = random(32);
        byte[] envelopeBefore = envelope(restClient(), uri).encrypt(data, AD);
        byte[] blobBefore = restClient().getAead(uri).encrypt(small, AD);
        assertEquals(1, admin.get("/keys/" + keyId).getInt("currentVersion"));

        admin.post("/keys/" + keyId + "/rotation/enable", Json.createObjectBuilder().add("rotateDays", 365).build());
        assertEquals(2, admin.post("/keys/" + keyId + "/rotate", null).getInt("currentVersion"));
        assertEquals(2, admin.get("/keys/" + keyId).getInt("currentVersion"));

        byte[] blobAfter = restClient().getAead(uri).encrypt(small, AD);
        byte[] envelopeAfter = envelope(tencentClient(), uri).encrypt(data, AD);
        for (SelfKmsClient client : new SelfKmsClient[] {restClient(), tencentClient()}) {
            assertArrayEquals(data, envelope(client, uri).decrypt(envelopeBefore, AD));
            assertArrayEquals(data, envelope(client, uri).decrypt(envelopeAfter, AD));
            assertArrayEquals(small, client.getAead(uri).decrypt(blobBefore, AD));
            assertArrayEquals(small, client.getAead(uri).decrypt(blobAfter, AD));
        }
        // Re-encrypt moves a blob to the key's current version and says whether it had to: the old blob is under
        // version 1, the new one already under version 2
        assertTrue(reEncrypted(blobBefore), "a blob from before the rotation is under the old version");
        assertFalse(reEncrypted(blobAfter), "a blob from after the rotation is under the current version");
    }

    // ---------------------------------------------------------------- credentials as Tink's cloud clients take them

    @Test
    void aCredentialsFileGivesTheClientItsServer(@TempDir Path dir) throws GeneralSecurityException, IOException {
        String uri = "selfkms://" + createKey("tink-it-file");
        Path file = Files.writeString(dir.resolve("selfkms.properties"), "SELFKMS_URL=" + baseUrl() + "\n"
                + "SELFKMS_SECRET_ID=" + secretId() + "\nSELFKMS_SECRET_KEY=" + secretKey() + "\n");
        byte[] data = random(500);
        byte[] ciphertext = envelope(new SelfKmsClient(uri).withCredentials(file.toString()), uri).encrypt(data, AD);
        assertArrayEquals(data, envelope(new SelfKmsClient().withCredentials(file.toString()), uri).decrypt(ciphertext, AD));

        Path wrong = Files.writeString(dir.resolve("wrong.properties"), "SELFKMS_URL=" + baseUrl() + "\n"
                + "SELFKMS_SECRET_ID=" + secretId() + "\nSELFKMS_SECRET_KEY=not-" + secretKey() + "\n");
        GeneralSecurityException e = assertThrows(GeneralSecurityException.class,
                () -> new SelfKmsClient().withCredentials(wrong.toString()));
        assertTrue(e.getMessage().contains("AUTH_LOGIN_FAILED"), e.getMessage());
        assertFalse(e.getMessage().contains(secretKey()), e.getMessage());
    }

    // ---------------------------------------------------------------- helpers

    private static Aead envelope(SelfKmsClient client, String uri) throws GeneralSecurityException {
        return KmsEnvelopeAead.create(PredefinedAeadParameters.AES256_GCM, client.getAead(uri));
    }

    private static RestV1Session restSession() {
        return RestV1Session.login(URI.create(baseUrl()), new Credential(secretId(), secretKey()));
    }

    /** A client through the REST API v1, logged in anew. */
    private static SelfKmsClient restClient() {
        return SelfKmsClient.of(restSession());
    }

    /** A client through the Tencent-compatible door, with TC3-signed requests. */
    private static SelfKmsClient tencentClient() {
        return SelfKmsClient.of(new TencentKms(URI.create(baseUrl()), "ap-guangzhou", new Credential(secretId(), secretKey())));
    }

    /** Creates a key with that alias and answers its id. */
    private static String createKeyAs(String alias) {
        return admin.post("/keys", Json.createObjectBuilder().add("alias", alias).build()).getString("keyId");
    }

    /** Creates a key with a unique alias of that prefix and answers its id. */
    private static String createKey(String aliasPrefix) {
        return createKeyAs(uniqueAlias(aliasPrefix));
    }

    /** Whether Re-encrypt, to the blob's own key and context, had to change the blob. */
    private static boolean reEncrypted(byte[] blob) {
        JsonObject context = AD_CONTEXT.toJson();
        JsonObject answer = admin.post("/re-encrypt", Json.createObjectBuilder()
                .add("ciphertextBlob", Base64.getEncoder().encodeToString(blob))
                .add("sourceEncryptionContext", context)
                .add("destinationEncryptionContext", context)
                .build());
        return answer.getBoolean("reEncrypted");
    }

    private static byte[] random(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
