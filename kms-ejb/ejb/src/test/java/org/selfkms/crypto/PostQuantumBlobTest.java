package org.selfkms.crypto;

import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The blob format alone; the ML-KEM that makes the shared secret is tested with the token's algorithms. */
class PostQuantumBlobTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private final UUID keyId = UUID.randomUUID();
    private final byte[] encapsulation = random(1088);
    private final byte[] secret = random(32);

    @Test
    void roundTripsThroughItsEncoding() {
        String encoded = PostQuantumBlob.seal(keyId, 1, encapsulation, secret, "secret".getBytes()).encode();
        PostQuantumBlob decoded = PostQuantumBlob.decode(encoded).orElseThrow();
        assertEquals(keyId, decoded.keyId());
        assertEquals(1, decoded.keyVersion());
        assertArrayEquals(encapsulation, decoded.encapsulation());
        assertArrayEquals("secret".getBytes(), decoded.open(secret).orElseThrow());
    }

    @Test
    void everyAlteredByteAndAnotherSecretFail() {
        byte[] bytes = Base64.getDecoder().decode(PostQuantumBlob.seal(keyId, 1, encapsulation, secret, "secret".getBytes()).encode());
        assertTrue(PostQuantumBlob.decode(Base64.getEncoder().encodeToString(bytes)).orElseThrow().open(random(32)).isEmpty());
        for (int i = 2; i < bytes.length; i += 7) {
            byte[] altered = bytes.clone();
            altered[i] ^= 1;
            int at = i;
            PostQuantumBlob.decode(Base64.getEncoder().encodeToString(altered))
                    .ifPresent(blob -> assertTrue(blob.open(secret).isEmpty(), "byte " + at + " altered and still opens"));
        }
    }

    @Test
    void symmetricBlobsAndJunkAreNotPostQuantumBlobs() {
        CiphertextBlob symmetric = BlobCipher.seal(keyId, 1, random(32), "x".getBytes(), EncryptionContext.parse(null));
        assertTrue(PostQuantumBlob.decode(symmetric.encode()).isEmpty());
        String postQuantum = PostQuantumBlob.seal(keyId, 1, encapsulation, secret, "x".getBytes()).encode();
        assertTrue(CiphertextBlob.decode(postQuantum).isEmpty(), "Decrypt must not take a post-quantum blob");
        for (String junk : new String[]{null, "", "not base64!", "AQM=", Base64.getEncoder().encodeToString(new byte[30])}) {
            assertTrue(PostQuantumBlob.decode(junk).isEmpty(), String.valueOf(junk));
        }
    }

    private static byte[] random(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
