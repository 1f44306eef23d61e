package org.selfkms.client.envelope;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.selfkms.client.EncryptionContext;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The test vectors of docs/client-format.md: the library decrypts them, reproduces them from the same inputs,
 * and a reader written from the document alone (JDK crypto only, none of the library's classes) decrypts them,
 * so the document and the code cannot drift apart.
 */
class ClientFormatVectorsTest {

    static final HexFormat HEX = HexFormat.of();

    static List<JsonObject> vectors() throws Exception {
        try (InputStream in = ClientFormatVectorsTest.class.getResourceAsStream("/client-format-vectors.json");
             JsonReader json = Json.createReader(in)) {
            return json.readObject().getJsonArray("vectors").getValuesAs(JsonObject.class);
        }
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void theLibraryDecryptsTheVector(JsonObject vector) {
        FakeKms kms = new FakeKms();
        EncryptionContext context = EncryptionContext.fromJson(vector.getJsonObject("encryptionContext"));
        kms.register(vector.getString("keyId"), bytes(vector, "dataKey"), bytes(vector, "wrappedDataKey"), context);

        DecryptedMessage decrypted = EnvelopeEncryption.builder(kms).build().decrypt(bytes(vector, "message"));

        assertArrayEquals(bytes(vector, "plaintext"), decrypted.plaintext());
        assertEquals(context, decrypted.context());
        assertEquals(vector.getString("keyId"), decrypted.keyId());
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void theLibraryReproducesTheVectorFromItsInputs(JsonObject vector) {
        ClientFormatVectors.Vector inputs = new ClientFormatVectors.Vector(vector.getString("description"),
                vector.getString("keyId"), bytes(vector, "dataKey"), bytes(vector, "wrappedDataKey"),
                EncryptionContext.fromJson(vector.getJsonObject("encryptionContext")), bytes(vector, "messageId"),
                vector.getInt("frameLength"), bytes(vector, "plaintext"));

        assertEquals(vector.getString("message"), HEX.formatHex(ClientFormatVectors.encrypt(inputs)));
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void aReaderWrittenFromTheDocumentDecryptsTheVector(JsonObject vector) throws Exception {
        ByteBuffer message = ByteBuffer.wrap(bytes(vector, "message"));
        byte[] magic = take(message, 4);
        assertEquals("SKME", new String(magic, StandardCharsets.US_ASCII));
        assertEquals(1, message.get(), "version");
        assertEquals(1, message.get(), "algorithm");
        byte[] messageId = take(message, 16);
        int frameLength = message.getInt();
        String keyId = new String(take(message, Short.toUnsignedInt(message.getShort())), StandardCharsets.UTF_8);
        byte[] wrapped = take(message, Short.toUnsignedInt(message.getShort()));
        int pairs = Short.toUnsignedInt(message.getShort());
        var context = Json.createObjectBuilder();
        for (int i = 0; i < pairs; i++) {
            String name = new String(take(message, Short.toUnsignedInt(message.getShort())), StandardCharsets.UTF_8);
            context.add(name, new String(take(message, Short.toUnsignedInt(message.getShort())), StandardCharsets.UTF_8));
        }
        byte[] header = Arrays.copyOf(message.array(), message.position());
        byte[] headerTag = take(message, 16);
        assertEquals(vector.getString("keyId"), keyId);
        assertArrayEquals(bytes(vector, "wrappedDataKey"), wrapped);
        assertEquals(vector.getJsonObject("encryptionContext"), context.build());

        // content key = HKDF-SHA256(ikm = data key, salt = message id, info = "selfkms message v1" || 0x01), 32 bytes
        Mac extract = Mac.getInstance("HmacSHA256");
        extract.init(new SecretKeySpec(messageId, "HmacSHA256"));
        Mac expand = Mac.getInstance("HmacSHA256");
        expand.init(new SecretKeySpec(extract.doFinal(bytes(vector, "dataKey")), "HmacSHA256"));
        expand.update("selfkms message v1".getBytes(StandardCharsets.US_ASCII));
        SecretKeySpec contentKey = new SecretKeySpec(expand.doFinal(new byte[] {1, 1}), "AES");

        Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
        gcm.init(Cipher.DECRYPT_MODE, contentKey, new GCMParameterSpec(128, nonce(0)));
        gcm.updateAAD(header);
        gcm.doFinal(headerTag);

        ByteArrayOutputStream plaintext = new ByteArrayOutputStream();
        boolean last = false;
        for (int sequence = 1; !last; sequence++) {
            byte type = message.get();
            assertEquals(sequence, message.getInt());
            last = type == 1;
            int length = last ? message.getInt() : frameLength;
            ByteBuffer aad = ByteBuffer.allocate(25).put(messageId).put(type).putInt(sequence).putInt(length);
            gcm.init(Cipher.DECRYPT_MODE, contentKey, new GCMParameterSpec(128, nonce(sequence)));
            gcm.updateAAD(aad.array());
            plaintext.writeBytes(gcm.doFinal(take(message, length + 16)));
        }
        assertFalse(message.hasRemaining(), "nothing after the final frame");
        assertArrayEquals(bytes(vector, "plaintext"), plaintext.toByteArray());
    }

    private static byte[] nonce(int counter) {
        return ByteBuffer.allocate(12).putInt(8, counter).array();
    }

    private static byte[] take(ByteBuffer buffer, int n) {
        byte[] bytes = new byte[n];
        buffer.get(bytes);
        return bytes;
    }

    private static byte[] bytes(JsonObject vector, String name) {
        JsonValue value = vector.get(name);
        return HEX.parseHex(((jakarta.json.JsonString) value).getString());
    }
}
