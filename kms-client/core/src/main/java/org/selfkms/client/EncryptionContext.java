package org.selfkms.client;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Name-value pairs bound to a ciphertext: whoever decrypts must present the same pairs (in any order). Not
 * secret - they are stored beside the data in the clear and appear in the audit trail - but authenticated.
 * Immutable; iteration is in the sorted order of the names.
 */
public final class EncryptionContext {

    private static final EncryptionContext EMPTY = new EncryptionContext(new TreeMap<>());

    private final Map<String, String> pairs;

    private EncryptionContext(TreeMap<String, String> pairs) {
        this.pairs = Collections.unmodifiableMap(pairs);
    }

    public static EncryptionContext empty() {
        return EMPTY;
    }

    public static EncryptionContext of(Map<String, String> pairs) {
        TreeMap<String, String> sorted = new TreeMap<>();
        pairs.forEach((name, value) -> {
            if (name == null || name.isEmpty()) {
                throw new IllegalArgumentException("An encryption-context name must not be empty");
            }
            Objects.requireNonNull(value, () -> "the encryption-context value of " + name + " is null");
            // a lone surrogate has no UTF-8 encoding: the server refuses it, and the message header could not carry it
            if (!StandardCharsets.UTF_8.newEncoder().canEncode(name) || !StandardCharsets.UTF_8.newEncoder().canEncode(value)) {
                throw new IllegalArgumentException("An encryption-context name or value holds a lone surrogate, which is not Unicode text");
            }
            sorted.put(name, value);
        });
        return sorted.isEmpty() ? EMPTY : new EncryptionContext(sorted);
    }

    public static EncryptionContext of(String name, String value) {
        return of(Map.of(name, value));
    }

    /** The pairs of a JSON object whose values are all strings (as the REST API and the Tencent API carry them). */
    public static EncryptionContext fromJson(JsonObject json) {
        TreeMap<String, String> pairs = new TreeMap<>();
        for (Map.Entry<String, JsonValue> pair : json.entrySet()) {
            if (!(pair.getValue() instanceof JsonString value)) {
                throw new IllegalArgumentException("The encryption-context value of " + pair.getKey() + " is not a string");
            }
            pairs.put(pair.getKey(), value.getString());
        }
        return of(pairs);
    }

    /** The pairs, sorted by name. */
    public Map<String, String> asMap() {
        return pairs;
    }

    public boolean isEmpty() {
        return pairs.isEmpty();
    }

    public JsonObject toJson() {
        JsonObjectBuilder json = Json.createObjectBuilder();
        pairs.forEach(json::add);
        return json.build();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EncryptionContext context && pairs.equals(context.pairs);
    }

    @Override
    public int hashCode() {
        return pairs.hashCode();
    }

    @Override
    public String toString() {
        return pairs.toString();
    }
}
