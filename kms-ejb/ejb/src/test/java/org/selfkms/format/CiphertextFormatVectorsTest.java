package org.selfkms.format;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;
import org.selfkms.crypto.BlobCipher;
import org.selfkms.crypto.CiphertextBlob;
import org.selfkms.crypto.EncryptionContext;
import org.selfkms.token.WrappedKey;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The published test vectors (src/test/resources/ciphertext-vectors.json, docs/ciphertext-format.md) against two
 * readings of the format: the server's own classes, which must open every blob and - given the vector's salt and
 * nonce as their random bytes - write every blob again byte for byte; and {@link IndependentBlobReader}, written
 * from the document alone, which must open every blob and refuse it after any change to it or its context.
 */
class CiphertextFormatVectorsTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final List<Vector> VECTORS = load();

    /** One vector of the file, its byte strings decoded. */
    record Vector(JsonObject json, String name, byte algorithm, UUID keyId, int keyVersion, String encryptionContext,
                  Map<String, String> contextPairs, byte[] canonicalContext, byte[] plaintext, byte[] salt, byte[] nonce,
                  String blobBase64, byte[] blob) {

        byte[] bytes(String field) {
            return HEX.parseHex(json.getString(field));
        }

        boolean software() {
            return algorithm == CiphertextBlob.ALG_AES256_GCM_HKDF_SHA256;
        }

        /** The independent reader with the key material this vector gives in the clear. */
        Optional<byte[]> openIndependently(byte[] blob, byte[] canonicalContext) {
            return software()
                    ? IndependentBlobReader.openSoftware(blob, bytes("versionMaterial"), canonicalContext)
                    : IndependentBlobReader.openHsm(blob, bytes("tokenKey"), canonicalContext);
        }

        /** The server's decrypt step for this blob and context (key lookup aside). */
        Optional<byte[]> openInProduction(String blobBase64, String encryptionContext) {
            EncryptionContext context = EncryptionContext.parse(encryptionContext);
            return CiphertextBlob.decode(blobBase64).flatMap(blob -> software()
                    ? BlobCipher.open(blob, bytes("versionMaterial"), context)
                    : BlobCipher.openWithDerivedKey(blob, bytes("messageKey"), context));
        }
    }

    private static List<Vector> load() {
        try (InputStream in = CiphertextFormatVectorsTest.class.getResourceAsStream("/ciphertext-vectors.json");
             JsonReader reader = Json.createReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            List<Vector> vectors = new ArrayList<>();
            for (JsonValue value : reader.readObject().getJsonArray("vectors")) {
                JsonObject v = value.asJsonObject();
                Map<String, String> pairs = new LinkedHashMap<>();
                v.getJsonObject("contextPairs").forEach((name, text) -> pairs.put(name, ((JsonString) text).getString()));
                vectors.add(new Vector(v, v.getString("name"), (byte) v.getInt("algorithm"), UUID.fromString(v.getString("keyId")),
                        v.getInt("keyVersion"), v.isNull("encryptionContext") ? null : v.getString("encryptionContext"), pairs,
                        HEX.parseHex(v.getString("canonicalContext")), HEX.parseHex(v.getString("plaintext")),
                        HEX.parseHex(v.getString("salt")), HEX.parseHex(v.getString("nonce")), v.getString("blobBase64"),
                        HEX.parseHex(v.getString("blobHex"))));
            }
            return vectors;
        } catch (Exception e) {
            throw new IllegalStateException("ciphertext-vectors.json unreadable", e);
        }
    }

    @Test
    void theVectorsCoverWhatTheDocumentPromises() {
        assertTrue(VECTORS.stream().anyMatch(v -> v.software() && v.canonicalContext().length == 0 && v.encryptionContext() == null));
        assertTrue(VECTORS.stream().anyMatch(v -> v.software() && v.contextPairs().size() > 5));
        assertTrue(VECTORS.stream().anyMatch(v -> !v.software() && v.contextPairs().size() > 5));
        for (int length : new int[]{0, 1, 4096}) {
            assertTrue(VECTORS.stream().anyMatch(v -> v.plaintext().length == length), length + "-byte plaintext");
        }
        for (Vector v : VECTORS) {
            assertArrayEquals(v.blob(), Base64.getDecoder().decode(v.blobBase64()), v.name());
        }
    }

    @Test
    void productionWritesEveryBlobAgainFromTheSameRandomBytes() throws Exception {
        for (Vector v : VECTORS) {
            EncryptionContext context = EncryptionContext.parse(v.encryptionContext());
            assertArrayEquals(v.canonicalContext(), context.canonicalBytes(), v.name());
            CiphertextBlob blob = v.software()
                    ? FixedRandomness.run(CiphertextVectorGenerator.concat(v.salt(), v.nonce()),
                            () -> BlobCipher.seal(v.keyId(), v.keyVersion(), v.bytes("versionMaterial"), v.plaintext(), context))
                    : FixedRandomness.run(v.nonce(),
                            () -> BlobCipher.sealWithDerivedKey(v.keyId(), v.keyVersion(), v.salt(), v.bytes("messageKey"), v.plaintext(), context));
            assertEquals(v.blobBase64(), blob.encode(), v.name());
        }
    }

    @Test
    void productionDecryptsEveryVector() {
        for (Vector v : VECTORS) {
            CiphertextBlob blob = CiphertextBlob.decode(v.blobBase64()).orElseThrow();
            assertEquals(v.algorithm(), blob.algorithm(), v.name());
            assertEquals(v.keyId(), blob.keyId(), v.name());
            assertEquals(v.keyVersion(), blob.keyVersion(), v.name());
            assertArrayEquals(v.salt(), blob.salt(), v.name());
            assertArrayEquals(v.nonce(), blob.nonce(), v.name());
            assertArrayEquals(v.plaintext(), v.openInProduction(v.blobBase64(), v.encryptionContext())
                    .orElseThrow(() -> new AssertionError(v.name() + " does not open")), v.name());
            if (v.software()) {
                // the column kms_cmk_version keeps: <domainKeyVersion>:<base64 of nonce || ciphertext || tag>
                WrappedKey stored = WrappedKey.decode(v.json().getString("storedWrappedMaterial"));
                assertEquals(v.json().getInt("domainKeyVersion"), stored.domainKeyVersion(), v.name());
                assertArrayEquals(v.bytes("wrappedVersionMaterial"), stored.blob(), v.name());
            }
        }
    }

    @Test
    void independentReaderDecryptsEveryVector() {
        for (Vector v : VECTORS) {
            assertArrayEquals(v.canonicalContext(), IndependentCanonicalContext.encode(v.contextPairs()), v.name());
            assertEquals(Optional.of(v.keyId()), IndependentBlobReader.keyId(v.blob()), v.name());
            assertEquals(Optional.of(v.keyVersion()), IndependentBlobReader.keyVersion(v.blob()), v.name());
            if (v.software()) {
                assertArrayEquals(v.bytes("versionMaterial"), unwrap(v, v.keyId(), v.keyVersion())
                        .orElseThrow(() -> new AssertionError(v.name() + ": the material does not unwrap")), v.name());
                assertArrayEquals(v.bytes("messageKey"), IndependentBlobReader.hkdfSha256(v.bytes("versionMaterial"), v.salt()), v.name());
            }
            assertArrayEquals(v.plaintext(), v.openIndependently(v.blob(), v.canonicalContext())
                    .orElseThrow(() -> new AssertionError(v.name() + " does not open")), v.name());
        }
    }

    @Test
    void independentReaderRefusesEveryVectorWithAnyByteChanged() {
        for (Vector v : VECTORS) {
            for (int i = 0; i < v.blob().length; i++) {
                byte[] altered = v.blob().clone();
                altered[i] ^= 0x01;
                assertTrue(v.openIndependently(altered, v.canonicalContext()).isEmpty(), v.name() + ", byte " + i);
            }
            byte[] truncated = Arrays.copyOf(v.blob(), v.blob().length - 1);
            assertTrue(v.openIndependently(truncated, v.canonicalContext()).isEmpty(), v.name() + ", truncated");
            if (v.software()) {
                byte[] wrapped = v.bytes("wrappedVersionMaterial");
                for (int i = 0; i < wrapped.length; i++) {
                    byte[] altered = wrapped.clone();
                    altered[i] ^= 0x01;
                    assertTrue(IndependentBlobReader.unwrapVersionMaterial(v.bytes("domainKey"), v.json().getInt("domainKeyVersion"),
                            v.keyId(), v.keyVersion(), altered).isEmpty(), v.name() + ", wrapped byte " + i);
                }
                assertTrue(unwrap(v, v.keyId(), v.keyVersion() + 1).isEmpty(), v.name() + ": material of another version");
                assertTrue(unwrap(v, new UUID(v.keyId().getMostSignificantBits(), v.keyId().getLeastSignificantBits() + 1),
                        v.keyVersion()).isEmpty(), v.name() + ": material of another key");
            }
        }
    }

    @Test
    void bothReadersRefuseEveryVectorUnderAnotherContext() {
        for (Vector v : VECTORS) {
            for (Map<String, String> other : otherContexts(v.contextPairs())) {
                byte[] canonical = IndependentCanonicalContext.encode(other);
                assertFalse(Arrays.equals(v.canonicalContext(), canonical), v.name() + " " + other.keySet());
                assertTrue(v.openIndependently(v.blob(), canonical).isEmpty(), v.name() + " " + other.keySet());
                assertTrue(v.openInProduction(v.blobBase64(), json(other)).isEmpty(), v.name() + " " + other.keySet());
            }
        }
    }

    @Test
    void bothEncodersAgreeOnEdgesOfTheCanonicalForm() {
        for (String context : new String[]{"{\"\\u00e9x\":\"\\ud83d\\ude00\"}", "{\"k\":\"\\u0000\\u007f\\u0080\\uffff\"}"}) {
            Map<String, String> pairs = new LinkedHashMap<>();
            Json.createReader(new StringReader(context)).readObject()
                    .forEach((name, text) -> pairs.put(name, ((JsonString) text).getString()));
            assertArrayEquals(EncryptionContext.parse(context).canonicalBytes(), IndependentCanonicalContext.encode(pairs), context);
        }
    }

    /** A pair more, a pair less, one value changed, one name changed: each must fail. */
    private static List<Map<String, String>> otherContexts(Map<String, String> pairs) {
        List<Map<String, String>> others = new ArrayList<>();
        Map<String, String> more = new LinkedHashMap<>(pairs);
        more.put("added", "pair");
        others.add(more);
        if (!pairs.isEmpty()) {
            String first = pairs.keySet().iterator().next();
            Map<String, String> less = new LinkedHashMap<>(pairs);
            less.remove(first);
            others.add(less);
            Map<String, String> value = new LinkedHashMap<>(pairs);
            value.put(first, pairs.get(first) + " ");
            others.add(value);
            Map<String, String> name = new LinkedHashMap<>(pairs);
            name.put(first + "x", name.remove(first));
            others.add(name);
        }
        return others;
    }

    private static String json(Map<String, String> pairs) {
        JsonObjectBuilder object = Json.createObjectBuilder();
        pairs.forEach(object::add);
        return object.build().toString();
    }

    private static Optional<byte[]> unwrap(Vector v, UUID keyId, int keyVersion) {
        return IndependentBlobReader.unwrapVersionMaterial(v.bytes("domainKey"), v.json().getInt("domainKeyVersion"), keyId, keyVersion,
                v.bytes("wrappedVersionMaterial"));
    }
}
