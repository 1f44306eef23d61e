package org.selfkms.crypto;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.selfkms.api.crypto.EnvelopeCrypto;
import org.selfkms.api.error.KmsErrorCode;
import org.selfkms.api.error.KmsException;
import org.selfkms.api.json.StrictJson;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * The caller's encryption context in canonical form: a JSON object of string values, re-serialised with
 * keys sorted (by UTF-16 code units) and no white space, so that key order and formatting do not matter
 * but every pair does. Absent, empty and {@code {}} contexts are the same, empty context.
 */
public final class EncryptionContext {

    public static final EncryptionContext NONE = new EncryptionContext(new TreeMap<>());

    private final TreeMap<String, String> pairs;

    private EncryptionContext(TreeMap<String, String> pairs) {
        this.pairs = pairs;
    }

    /**
     * @throws KmsException {@code ENCRYPTION_CONTEXT_INVALID} if the text is too long, not JSON, not an
     *                      object, has a value that is not a string, or a name or value with an unpaired surrogate
     */
    public static EncryptionContext parse(String json) {
        if (json == null || json.isBlank()) {
            return NONE;
        }
        if (json.length() > EnvelopeCrypto.MAX_CONTEXT_CHARS) {
            throw invalid("EncryptionContext must be at most " + EnvelopeCrypto.MAX_CONTEXT_CHARS + " characters");
        }
        JsonObject object;
        try {
            // a key given twice is refused: were the last kept, two readers of one context could disagree on it
            object = StrictJson.parseObject(new StringReader(json));
        } catch (StrictJson.InvalidJson e) {
            throw invalid("EncryptionContext must be a JSON object of string values; it " + e.getMessage());
        }
        TreeMap<String, String> pairs = new TreeMap<>();
        for (Map.Entry<String, JsonValue> entry : object.entrySet()) {
            if (!(entry.getValue() instanceof JsonString string)) {
                throw invalid("EncryptionContext values must be strings");
            }
            if (hasUnpairedSurrogate(entry.getKey()) || hasUnpairedSurrogate(string.getString())) {
                // UTF-8 has no encoding for one: the canonical bytes would write it as '?', and two contexts would
                // then share them (docs/ciphertext-format.md, "Canonical encryption context")
                throw invalid("EncryptionContext must be Unicode text: it holds a lone surrogate escape (\\ud800-\\udfff)");
            }
            pairs.put(entry.getKey(), string.getString());
        }
        return pairs.isEmpty() ? NONE : new EncryptionContext(pairs);
    }

    /** The canonical UTF-8 bytes that are bound as associated data; empty for no context. */
    public byte[] canonicalBytes() {
        if (pairs.isEmpty()) {
            return new byte[0];
        }
        StringBuilder out = new StringBuilder("{");
        pairs.forEach((k, v) -> {
            if (out.length() > 1) {
                out.append(',');
            }
            appendString(out, k);
            out.append(':');
            appendString(out, v);
        });
        return out.append('}').toString().getBytes(StandardCharsets.UTF_8);
    }

    public boolean isEmpty() {
        return pairs.isEmpty();
    }

    private static void appendString(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static boolean hasUnpairedSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    private static KmsException invalid(String message) {
        return new KmsException(KmsErrorCode.ENCRYPTION_CONTEXT_INVALID, message);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EncryptionContext other && Arrays.equals(other.canonicalBytes(), canonicalBytes());
    }

    @Override
    public int hashCode() {
        return pairs.hashCode();
    }

    /** Context values may be sensitive labels: show only how many pairs there are. */
    @Override
    public String toString() {
        return "EncryptionContext[" + pairs.size() + " pairs]";
    }
}
