package org.selfkms.crypto;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CiphertextBlobTest {

    private static final byte[] MATERIAL = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final UUID KEY = UUID.fromString("3f2504e0-4f89-41d3-9a0c-0305e82c3301");
    private static final EncryptionContext CONTEXT = EncryptionContext.parse("{\"a\":\"b\"}");

    @Test
    void roundTripsThroughItsEncoding() {
        CiphertextBlob blob = BlobCipher.seal(KEY, 3, MATERIAL, "hello".getBytes(StandardCharsets.UTF_8), CONTEXT);
        CiphertextBlob decoded = CiphertextBlob.decode(blob.encode()).orElseThrow();
        assertEquals(KEY, decoded.keyId());
        assertEquals(3, decoded.keyVersion());
        assertEquals(66 + 5 + 16, Base64.getDecoder().decode(blob.encode()).length);
        assertArrayEquals("hello".getBytes(StandardCharsets.UTF_8), BlobCipher.open(decoded, MATERIAL, CONTEXT).orElseThrow());
    }

    @Test
    void everyByteIsAuthenticated() {
        byte[] raw = Base64.getDecoder().decode(BlobCipher.seal(KEY, 1, MATERIAL, new byte[]{42}, CONTEXT).encode());
        for (int i = 0; i < raw.length; i++) {
            byte[] tampered = raw.clone();
            tampered[i] ^= 0x40;
            var parsed = CiphertextBlob.decode(Base64.getEncoder().encodeToString(tampered));
            assertTrue(parsed.isEmpty() || BlobCipher.open(parsed.get(), MATERIAL, CONTEXT).isEmpty(), "byte " + i);
        }
    }

    @Test
    void wrongContextOrMaterialFails() {
        CiphertextBlob blob = BlobCipher.seal(KEY, 1, MATERIAL, new byte[]{1, 2}, CONTEXT);
        assertTrue(BlobCipher.open(blob, MATERIAL, EncryptionContext.NONE).isEmpty());
        assertTrue(BlobCipher.open(blob, MATERIAL, EncryptionContext.parse("{\"a\":\"c\"}")).isEmpty());
        byte[] other = MATERIAL.clone();
        other[0] ^= 1;
        assertTrue(BlobCipher.open(blob, other, CONTEXT).isEmpty());
    }

    @Test
    void tokenDerivedBlobsAreTheirOwnAlgorithm() {
        byte[] salt = BlobCipher.newSalt();
        byte[] messageKey = MATERIAL.clone();
        CiphertextBlob blob = BlobCipher.sealWithDerivedKey(KEY, 2, salt, messageKey, "hsm".getBytes(StandardCharsets.UTF_8), CONTEXT);
        CiphertextBlob decoded = CiphertextBlob.decode(blob.encode()).orElseThrow();
        assertEquals(CiphertextBlob.ALG_AES256_GCM_TOKEN_DERIVED, decoded.algorithm());
        assertArrayEquals(salt, decoded.salt());
        assertArrayEquals("hsm".getBytes(StandardCharsets.UTF_8), BlobCipher.openWithDerivedKey(decoded, messageKey, CONTEXT).orElseThrow());
        assertTrue(BlobCipher.open(decoded, MATERIAL, CONTEXT).isEmpty(), "a SOFTWARE-level open refuses an HSM-level blob");
        CiphertextBlob software = BlobCipher.seal(KEY, 1, MATERIAL, new byte[]{1}, CONTEXT);
        assertTrue(BlobCipher.openWithDerivedKey(software, MATERIAL, CONTEXT).isEmpty(), "and the other way round");
        byte[] raw = Base64.getDecoder().decode(blob.encode());
        raw[1] = CiphertextBlob.ALG_AES256_GCM_HKDF_SHA256;
        assertTrue(BlobCipher.open(CiphertextBlob.decode(Base64.getEncoder().encodeToString(raw)).orElseThrow(), MATERIAL, CONTEXT).isEmpty(),
                "relabelling the algorithm breaks authentication");
        raw[1] = 3;
        assertTrue(CiphertextBlob.decode(Base64.getEncoder().encodeToString(raw)).isEmpty(), "unknown algorithm");
    }

    @Test
    void freshSaltAndNonceEveryTime() {
        assertNotEquals(BlobCipher.seal(KEY, 1, MATERIAL, new byte[]{1}, CONTEXT).encode(),
                BlobCipher.seal(KEY, 1, MATERIAL, new byte[]{1}, CONTEXT).encode());
    }

    @Test
    void rejectsWhatCannotBeABlob() {
        assertTrue(CiphertextBlob.decode(null).isEmpty());
        assertTrue(CiphertextBlob.decode("").isEmpty());
        assertTrue(CiphertextBlob.decode("***").isEmpty());
        assertTrue(CiphertextBlob.decode(Base64.getEncoder().encodeToString(new byte[81])).isEmpty(), "format version 0");
        byte[] v2 = Base64.getDecoder().decode(BlobCipher.seal(KEY, 1, MATERIAL, new byte[]{1}, CONTEXT).encode());
        v2[0] = 2;
        assertTrue(CiphertextBlob.decode(Base64.getEncoder().encodeToString(v2)).isEmpty(), "unknown format version");
    }

    @Test
    void hkdfMatchesRfc5869TestCase1() {
        // RFC 5869 A.1: the first 32 bytes of its 42-byte OKM are our single expand block
        byte[] ikm = new byte[22];
        java.util.Arrays.fill(ikm, (byte) 0x0b);
        byte[] salt = java.util.HexFormat.of().parseHex("000102030405060708090a0b0c");
        byte[] info = java.util.HexFormat.of().parseHex("f0f1f2f3f4f5f6f7f8f9");
        assertEquals("3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf",
                java.util.HexFormat.of().formatHex(BlobCipher.hkdf(ikm, salt, info)));
    }
}
