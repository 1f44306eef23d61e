package org.selfkms.crypto;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Wycheproof's AES-GCM vectors (src/test/resources/wycheproof, README.md there) in the form the service uses:
 * AES-256, 12-byte nonce, 16-byte tag. No project function takes a key, a nonce and additional data of the
 * caller's choosing - {@link BlobCipher} derives the key and builds the additional data from the blob's header
 * and the encryption context - so the vectors run through the engine it does use, {@link Engines#aesGcm()}, the
 * one {@code AES/GCM/NoPadding} per thread that is re-initialised for every message, initialised exactly as
 * {@code BlobCipher} does it. What this proves beyond the provider's GCM is that the reused engine opens and
 * seals correctly after any earlier key, nonce and failed tag.
 */
class WycheproofAesGcmTest {

    private static final String FILE = "aes_gcm_test.json";
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void validVectorsSealAndOpenAndInvalidOnesDoNotOpen() throws IOException {
        JsonObject root = load();
        List<String> mismatches = new ArrayList<>();
        int valid = 0;
        int invalid = 0;
        for (JsonValue groupValue : root.getJsonArray("testGroups")) {
            JsonObject group = groupValue.asJsonObject();
            if (group.getInt("keySize") != 256 || group.getInt("ivSize") != 8 * CiphertextBlob.NONCE_LENGTH
                    || group.getInt("tagSize") != 8 * CiphertextBlob.TAG_LENGTH) {
                continue;
            }
            for (JsonValue testValue : group.getJsonArray("tests")) {
                JsonObject test = testValue.asJsonObject();
                String name = FILE + " tcId " + test.getInt("tcId") + " (" + test.getString("result") + ", "
                        + test.getString("comment") + ", flags " + test.get("flags") + ")";
                byte[] key = HEX.parseHex(test.getString("key"));
                byte[] nonce = HEX.parseHex(test.getString("iv"));
                byte[] aad = HEX.parseHex(test.getString("aad"));
                byte[] message = HEX.parseHex(test.getString("msg"));
                String sealed = test.getString("ct") + test.getString("tag");
                String opened = open(key, nonce, aad, HEX.parseHex(sealed));
                if (test.getString("result").equals("valid")) {
                    valid++;
                    expect(mismatches, name, "opened to " + HEX.formatHex(message), opened);
                    expect(mismatches, name, sealed, seal(key, nonce, aad, message));
                } else {
                    invalid++;
                    expect(mismatches, name, "refused (AEADBadTagException)", opened);
                }
            }
        }
        // the AES-256 / 96-bit nonce / 128-bit tag groups of the file as it is committed
        assertEquals(39, valid, "valid vectors run");
        assertEquals(27, invalid, "invalid vectors run");
        assertEquals(List.of(), mismatches, FILE + ": vectors the service's AES-GCM gets wrong");
    }

    private static void expect(List<String> mismatches, String name, String expected, String actual) {
        if (!expected.equals(actual)) {
            mismatches.add(name + ": expected " + expected + ", got " + actual);
        }
    }

    private static String open(byte[] key, byte[] nonce, byte[] aad, byte[] sealed) {
        try {
            Cipher cipher = Engines.aesGcm();
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(8 * CiphertextBlob.TAG_LENGTH, nonce));
            cipher.updateAAD(aad);
            return "opened to " + HEX.formatHex(cipher.doFinal(sealed));
        } catch (AEADBadTagException e) {
            return "refused (AEADBadTagException)";
        } catch (GeneralSecurityException e) {
            return "threw " + e;
        }
    }

    private static String seal(byte[] key, byte[] nonce, byte[] aad, byte[] message) {
        try {
            Cipher cipher = Engines.aesGcm();
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(8 * CiphertextBlob.TAG_LENGTH, nonce));
            cipher.updateAAD(aad);
            return HEX.formatHex(cipher.doFinal(message));
        } catch (GeneralSecurityException e) {
            return "threw " + e;
        }
    }

    private static JsonObject load() throws IOException {
        try (InputStream in = WycheproofAesGcmTest.class.getResourceAsStream("/wycheproof/" + FILE)) {
            assertNotNull(in, "test resource wycheproof/" + FILE);
            try (JsonReader reader = Json.createReader(in)) {
                return reader.readObject();
            }
        }
    }
}
