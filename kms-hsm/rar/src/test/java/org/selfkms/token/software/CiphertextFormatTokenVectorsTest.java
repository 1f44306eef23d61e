package org.selfkms.token.software;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.selfkms.token.WrappedKey;
import org.selfkms.token.spi.DomainKeys;
import org.selfkms.token.spi.TokenConfig;

import javax.crypto.spec.SecretKeySpec;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The token's half of the ciphertext-format test vectors (docs/ciphertext-format.md, "Test vectors"): the values
 * below are copied from the vectors {@code software-multi-pair-context} and {@code hsm-multi-pair-context-4096-bytes}
 * of kms-ejb/ejb/src/test/resources/ciphertext-vectors.json, whose blobs kms-ejb's CiphertextFormatVectorsTest
 * checks. Here the token code must produce the same wrapped version material and the same HSM-level message key.
 */
class CiphertextFormatTokenVectorsTest {

    private static final HexFormat HEX = HexFormat.of();

    @TempDir
    Path dir;

    @Test
    void domainKeysWrapVersionMaterialAsTheVectorSays() throws Exception {
        byte[] material = HEX.parseHex("049b9ec231edcb0aac23bf97871d9921c058fcbfe3b7725c179bd356205b0795");
        byte[] wrapNonce = HEX.parseHex("72e8d85a4df31a2f572ccd2e");
        String purpose = "cmk:0a1b2c3d-4e5f-4061-8273-8495a6b7c8d9:3";
        String stored = "2:cujYWk3zGi9XLM0uCwlmhu4tb2uQSJ/2+oE5hQ2oEp0CLqB1vPgo+NsKggxvJidrrPz8hHuoft9LMtjh";
        DomainKeys keys = new DomainKeys(
                Map.of(2, new SecretKeySpec(HEX.parseHex("eee3d8c795da5c9c8a58c062c1af53277db2823233d3587b328f378bba9a913c"), "AES")),
                null, new FixedBytes(wrapNonce));

        WrappedKey wrapped = keys.wrap(material, purpose);

        assertEquals(stored, wrapped.encode());
        assertArrayEquals(material, keys.unwrap(WrappedKey.decode(stored), purpose));
    }

    @Test
    void theTokenDerivesTheHsmLevelMessageKeyAsTheVectorSays() throws Exception {
        String label = "kms-cmk-d3c2b1a0-9f8e-4d7c-ab6a-594837261504-v7";
        try (SoftwareToken token = SoftwareToken.open(new TokenConfig("software", dir, dir.resolve("token.pin"), "", "index:0"))) {
            token.importTokenKey(label, HEX.parseHex("5e5a43a86b8a7f29a064ffba96b89a3f94858ba30f7f9b626033887a88672fc9"));

            byte[] messageKey = token.deriveKey(label, HEX.parseHex("fb50c5084c41fec8aabbf7db5280ff9579bbf218e95ea1a81832568ee344a437"));

            assertEquals("52c51828895661d8794cb7e02b43d2e3034c75ee169dc52c4a88bb854f97b9c9", HEX.formatHex(messageKey));
        }
    }

    /** The token's RNG replaced by the vector's wrap nonce: the only random bytes a wrap draws. */
    private static final class FixedBytes extends SecureRandom {
        private static final long serialVersionUID = 1L;
        private final byte[] bytes;

        FixedBytes(byte[] bytes) {
            this.bytes = bytes.clone();
        }

        @Override
        public void nextBytes(byte[] into) {
            assertEquals(bytes.length, into.length, "the wrap draws exactly its nonce");
            System.arraycopy(bytes, 0, into, 0, into.length);
        }
    }
}
