package org.selfkms.client.envelope;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonWriter;
import jakarta.json.stream.JsonGenerator;
import org.selfkms.client.EncryptionContext;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Writes kms-client/core/src/test/resources/client-format-vectors.json (docs/client-format.md, "Test vectors"):
 * fixed data keys, wrapped blobs, message ids and plaintexts encrypted by this library. Run once when the format
 * gets a new version, never to make a failing test pass (docs/client-format.md, "Test vectors", has the command).
 */
public final class ClientFormatVectors {

    record Vector(String description, String keyId, byte[] dataKey, byte[] wrappedDataKey, EncryptionContext context,
                  byte[] messageId, int frameLength, byte[] plaintext) {
    }

    static List<Vector> inputs() {
        return List.of(
                new Vector("empty plaintext, empty context: a header and an empty final frame", "key-vectors-0001",
                        counting(32, 0x00), "opaque wrapped data key 1".getBytes(StandardCharsets.UTF_8),
                        EncryptionContext.empty(), counting(16, 0xA0), 65_536, new byte[0]),
                new Vector("one byte, one context pair", "key-vectors-0001",
                        counting(32, 0x20), "opaque wrapped data key 2".getBytes(StandardCharsets.UTF_8),
                        EncryptionContext.of("order", "42"), counting(16, 0xB0), 65_536, new byte[] {0x2A}),
                new Vector("three regular frames of 32 bytes and a final frame of 4; context names whose UTF-8 and UTF-16 orders differ",
                        "b2d1c7e0-1f00-4c3a-9d1e-vectors", counting(32, 0x40),
                        HexFormat.of().parseHex("0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20"),
                        EncryptionContext.of(Map.of("\uFFFD", "replacement character", "\uD83D\uDE00", "grinning face",
                                "tenant", "shop")), counting(16, 0xC0), 32,
                        "The quick brown fox jumps over the lazy dog, twice: the quick brown fox!".getBytes(StandardCharsets.UTF_8)),
                new Vector("exactly one frame: a full regular frame and an empty final frame", "key-vectors-0002",
                        counting(32, 0x60), "opaque wrapped data key 4".getBytes(StandardCharsets.UTF_8),
                        EncryptionContext.of("purpose", "vectors"), counting(16, 0xD0), 16,
                        "sixteen bytes!!!".getBytes(StandardCharsets.UTF_8)));
    }

    /** Encrypts a vector's plaintext as the library does, with the vector's data key and message id. */
    static byte[] encrypt(Vector vector) {
        FakeKms fixed = new FakeKms();
        fixed.prepare(vector.keyId(), vector.dataKey(), vector.wrappedDataKey());
        return EnvelopeEncryption.builder(fixed).keyRef(vector.keyId()).frameLength(vector.frameLength())
                .messageIds(vector.messageId()::clone).build().encrypt(vector.plaintext(), vector.context());
    }

    public static void main(String[] args) throws IOException {
        HexFormat hex = HexFormat.of();
        JsonArrayBuilder vectors = Json.createArrayBuilder();
        for (Vector vector : inputs()) {
            vectors.add(Json.createObjectBuilder()
                    .add("description", vector.description())
                    .add("keyId", vector.keyId())
                    .add("dataKey", hex.formatHex(vector.dataKey()))
                    .add("wrappedDataKey", hex.formatHex(vector.wrappedDataKey()))
                    .add("encryptionContext", vector.context().toJson())
                    .add("messageId", hex.formatHex(vector.messageId()))
                    .add("frameLength", vector.frameLength())
                    .add("plaintext", hex.formatHex(vector.plaintext()))
                    .add("message", hex.formatHex(encrypt(vector))));
        }
        JsonObject document = Json.createObjectBuilder()
                .add("format", "SelfKMS envelope message, version 1 (docs/client-format.md)")
                .add("encoding", "every byte string is lower-case hex; dataKey is the plaintext data key, wrappedDataKey"
                        + " the KMS's opaque blob, which a reader hands to the KMS as it is")
                .add("vectors", vectors).build();
        try (Writer out = Files.newBufferedWriter(Path.of(args[0]), StandardCharsets.UTF_8);
             JsonWriter json = Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true)).createWriter(out)) {
            json.writeObject(document);
        }
    }

    private static byte[] counting(int length, int first) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (first + i);
        }
        return bytes;
    }
}
