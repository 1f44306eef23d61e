package org.selfkms.format;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.JsonWriter;
import jakarta.json.stream.JsonGenerator;
import org.selfkms.crypto.BlobCipher;
import org.selfkms.crypto.CiphertextBlob;
import org.selfkms.crypto.EncryptionContext;
import org.selfkms.token.WrappedKey;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.StringReader;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Wrote {@code src/test/resources/ciphertext-vectors.json} once, the test vectors of docs/ciphertext-format.md; kept
 * to show where every byte came from and to add vectors. Run from kms-ejb/ejb after {@code mvn test-compile}:
 * <pre>
 * mvn -o -q dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) org.selfkms.format.CiphertextVectorGenerator src/test/resources/ciphertext-vectors.json
 * </pre>
 * The blobs are sealed by the server's own {@link BlobCipher} with {@link FixedRandomness} standing in for its RNG;
 * every "random" input (material, keys, salt, nonce, plaintext) is {@code SHA-256(name "/" field "/" counter)}
 * blocks, so the same run writes the same file. Two things are computed here with the JDK because their production
 * code lives in the token module, which this module does not see: the domain-key wrap of the version material
 * ({@code DomainKeys.wrap}) and the HSM level's per-message key ({@code DomainKeyBackend.deriveKey},
 * AES-256-ECB of the salt) - both exactly as those classes do it, and both then checked by the independent reader.
 */
public final class CiphertextVectorGenerator {

    /** One vector: what a caller chooses. Everything else is derived from the name. */
    record Spec(String name, String note, byte algorithm, String keyId, int keyVersion, int domainKeyVersion,
                String encryptionContext, int plaintextLength) {
    }

    static final String MULTI_PAIR_CONTEXT = """
            { "tenant" : "Z\u00fcrich / \u4e2d\u6587",
              "B": "upper case sorts before lower case",
              "\\uff61stop": "U+FF61 sorts after the emoji below (UTF-16 code units, not code points)",
              "\ud83d\ude00 emoji": "a surrogate pair sorts by its high surrogate U+D83D",
              "quote\\"and\\\\backslash": "line\\nbreak\\ttab\\u0001ctrl\\u001f, but / DEL\\u007f U+2028\\u2028 and \\u00e9 stay as they are",
              "": "the empty name sorts first", "a": "" }
            """;

    static final List<Spec> SPECS = List.of(
            new Spec("software-empty-context-1-byte", "algorithm 1, no context (absent), the smallest plaintext Encrypt accepts",
                    CiphertextBlob.ALG_AES256_GCM_HKDF_SHA256, "6f1b2f0e-3c4d-4a5b-8c6d-7e8f90a1b2c3", 1, 1, null, 1),
            new Spec("software-braces-context-32-bytes", "algorithm 1, context {} (the same empty context: zero bytes of associated data), a 32-byte data key",
                    CiphertextBlob.ALG_AES256_GCM_HKDF_SHA256, "6f1b2f0e-3c4d-4a5b-8c6d-7e8f90a1b2c3", 2, 1, " {} ", 32),
            new Spec("software-multi-pair-context", "algorithm 1, seven pairs: non-ASCII, a surrogate pair, quote, backslash, control characters, the empty name and value",
                    CiphertextBlob.ALG_AES256_GCM_HKDF_SHA256, "0a1b2c3d-4e5f-4061-8273-8495a6b7c8d9", 3, 2, MULTI_PAIR_CONTEXT, 48),
            new Spec("software-4096-bytes", "algorithm 1, the largest plaintext Encrypt accepts, a one-pair context",
                    CiphertextBlob.ALG_AES256_GCM_HKDF_SHA256, "0a1b2c3d-4e5f-4061-8273-8495a6b7c8d9", 1, 2, "{\"purpose\":\"backup\"}", 4096),
            new Spec("software-0-bytes", "algorithm 1, an empty plaintext: never written by the server (Encrypt refuses it), but a valid blob that Decrypt opens",
                    CiphertextBlob.ALG_AES256_GCM_HKDF_SHA256, "6f1b2f0e-3c4d-4a5b-8c6d-7e8f90a1b2c3", 1, 1, null, 0),
            new Spec("hsm-empty-context-1-byte", "algorithm 2, no context, 1 byte",
                    CiphertextBlob.ALG_AES256_GCM_TOKEN_DERIVED, "d3c2b1a0-9f8e-4d7c-ab6a-594837261504", 1, 1, null, 1),
            new Spec("hsm-multi-pair-context-4096-bytes", "algorithm 2, the multi-pair context, 4096 bytes",
                    CiphertextBlob.ALG_AES256_GCM_TOKEN_DERIVED, "d3c2b1a0-9f8e-4d7c-ab6a-594837261504", 7, 1, MULTI_PAIR_CONTEXT, 4096));

    private static final HexFormat HEX = HexFormat.of();

    private CiphertextVectorGenerator() {
    }

    public static void main(String[] args) throws Exception {
        JsonArrayBuilder vectors = Json.createArrayBuilder();
        for (Spec spec : SPECS) {
            vectors.add(vector(spec));
        }
        JsonObject file = Json.createObjectBuilder()
                .add("description", "Test vectors of docs/ciphertext-format.md (ciphertext blob format version 1), "
                        + "written by org.selfkms.format.CiphertextVectorGenerator; all byte strings hex unless named Base64")
                .add("vectors", vectors)
                .build();
        try (Writer out = Files.newBufferedWriter(Path.of(args[0]), StandardCharsets.UTF_8);
             JsonWriter writer = Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true)).createWriter(out)) {
            writer.write(file);
        }
    }

    private static JsonObject vector(Spec spec) throws Exception {
        UUID keyId = UUID.fromString(spec.keyId());
        byte[] plaintext = bytes(spec.name(), "plaintext", spec.plaintextLength());
        byte[] salt = bytes(spec.name(), "salt", CiphertextBlob.SALT_LENGTH);
        byte[] nonce = bytes(spec.name(), "nonce", CiphertextBlob.NONCE_LENGTH);
        EncryptionContext context = EncryptionContext.parse(spec.encryptionContext());
        JsonObjectBuilder v = Json.createObjectBuilder()
                .add("name", spec.name())
                .add("note", spec.note())
                .add("algorithm", spec.algorithm())
                .add("keyId", spec.keyId())
                .add("keyVersion", spec.keyVersion());
        CiphertextBlob blob;
        if (spec.algorithm() == CiphertextBlob.ALG_AES256_GCM_HKDF_SHA256) {
            byte[] material = bytes(spec.name(), "version material", 32);
            byte[] domainKey = bytes(spec.name(), "domain key", 32);
            byte[] wrapNonce = bytes(spec.name(), "wrap nonce", 12);
            String purpose = "cmk:" + keyId + ":" + spec.keyVersion();
            byte[] wrapAad = ("selfkms-wrap-v1|" + purpose + "|" + spec.domainKeyVersion()).getBytes(StandardCharsets.UTF_8);
            byte[] wrapped = wrap(domainKey, wrapNonce, wrapAad, material);
            v.add("versionMaterial", HEX.formatHex(material))
                    .add("domainKey", HEX.formatHex(domainKey))
                    .add("domainKeyVersion", spec.domainKeyVersion())
                    .add("wrapAssociatedData", HEX.formatHex(wrapAad))
                    .add("wrapNonce", HEX.formatHex(wrapNonce))
                    .add("wrappedVersionMaterial", HEX.formatHex(wrapped))
                    .add("storedWrappedMaterial", new WrappedKey(spec.domainKeyVersion(), wrapped).encode())
                    .add("messageKey", HEX.formatHex(hkdf(material, salt)));
            blob = FixedRandomness.run(concat(salt, nonce), () -> BlobCipher.seal(keyId, spec.keyVersion(), material, plaintext, context));
        } else {
            byte[] tokenKey = bytes(spec.name(), "token key", 32);
            byte[] messageKey = aesEcb(tokenKey, salt);
            v.add("tokenKeyLabel", "kms-cmk-" + keyId + "-v" + spec.keyVersion())
                    .add("tokenKey", HEX.formatHex(tokenKey))
                    .add("messageKey", HEX.formatHex(messageKey));
            blob = FixedRandomness.run(nonce, () -> BlobCipher.sealWithDerivedKey(keyId, spec.keyVersion(), salt, messageKey, plaintext, context));
        }
        byte[] encoded = Base64.getDecoder().decode(blob.encode());
        return v.add("encryptionContext", spec.encryptionContext() == null ? JsonValue.NULL : Json.createValue(spec.encryptionContext()))
                .add("contextPairs", spec.encryptionContext() == null ? JsonValue.EMPTY_JSON_OBJECT
                        : Json.createReader(new StringReader(spec.encryptionContext())).readObject())
                .add("canonicalContext", HEX.formatHex(context.canonicalBytes()))
                .add("canonicalContextUtf8", new String(context.canonicalBytes(), StandardCharsets.UTF_8))
                .add("plaintext", HEX.formatHex(plaintext))
                .add("salt", HEX.formatHex(salt))
                .add("nonce", HEX.formatHex(nonce))
                .add("header", HEX.formatHex(encoded, 0, 66))
                .add("blobBase64", blob.encode())
                .add("blobHex", HEX.formatHex(encoded))
                .build();
    }

    /** {@code SHA-256(name "/" field "/" 0) || SHA-256(name "/" field "/" 1) || ...}, cut to length. */
    static byte[] bytes(String name, String field, int length) throws Exception {
        ByteBuffer out = ByteBuffer.allocate(length + 32);
        for (int counter = 0; out.position() < length; counter++) {
            out.put(MessageDigest.getInstance("SHA-256").digest((name + "/" + field + "/" + counter).getBytes(StandardCharsets.UTF_8)));
        }
        byte[] result = new byte[length];
        out.flip().get(result);
        return result;
    }

    private static byte[] wrap(byte[] domainKey, byte[] nonce, byte[] associatedData, byte[] material) throws Exception {
        Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
        gcm.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(domainKey, "AES"), new GCMParameterSpec(128, nonce));
        gcm.updateAAD(associatedData);
        return concat(nonce, gcm.doFinal(material));
    }

    private static byte[] aesEcb(byte[] key, byte[] salt) throws Exception {
        Cipher ecb = Cipher.getInstance("AES/ECB/NoPadding");
        ecb.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"));
        return ecb.doFinal(salt);
    }

    /** Shown in the vectors to help whoever debugs a reimplementation; the blob does not depend on this copy. */
    private static byte[] hkdf(byte[] material, byte[] salt) {
        return IndependentBlobReader.hkdfSha256(material, salt);
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
