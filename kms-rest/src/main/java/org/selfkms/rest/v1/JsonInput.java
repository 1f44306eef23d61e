package org.selfkms.rest.v1;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.selfkms.api.error.KmsErrorCode;
import org.selfkms.api.error.KmsException;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.selfkms.api.json.Jsons;
import org.selfkms.api.json.StrictJson;
import org.selfkms.api.key.KeyPolicy;

/**
 * A request body of the REST door, read strictly: exactly one JSON object in UTF-8, no duplicate member names,
 * nesting at most {@value StrictJson#MAX_DEPTH} deep ({@link StrictJson}), only the members the endpoint declares, each of the declared JSON type
 * (no numbers in strings, no strings for booleans) and within its declared length. Anything else is a
 * {@code 400} before any service is called, so bad input changes nothing.
 */
final class JsonInput {

    /** Bodies above this size are refused with 413 before they are parsed. */
    static final int MAX_BODY_BYTES = 64 * 1024;

    private final JsonObject json;

    private JsonInput(JsonObject json) {
        this.json = json;
    }

    /** An empty body reads as {@code {}}; then only {@code allowed} members are accepted. */
    static JsonInput parse(byte[] body, String... allowed) {
        JsonInput input = new JsonInput(body.length == 0 ? JsonValue.EMPTY_JSON_OBJECT : readObject(body));
        Set<String> known = Set.of(allowed);
        for (String name : input.json.keySet()) {
            if (!known.contains(name)) {
                throw invalid("Unknown field '" + StrictJson.printable(name) + "'" + (known.isEmpty() ? ": this request takes no fields"
                        : "; the fields are " + String.join(", ", allowed)));
            }
        }
        return input;
    }

    static JsonObject readObject(byte[] body) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw malformed("The request body is not UTF-8");
        }
        try {
            return StrictJson.parseObject(new java.io.StringReader(text));
        } catch (StrictJson.InvalidJson e) {
            throw malformed("The request body " + e.getMessage());
        }
    }

    boolean has(String name) {
        JsonValue value = json.get(name);
        return value != null && value.getValueType() != JsonValue.ValueType.NULL;
    }

    Optional<String> string(String name, int maxChars) {
        JsonValue value = json.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return Optional.empty();
        }
        if (!(value instanceof JsonString string)) {
            throw invalid("The field '" + name + "' must be a string");
        }
        if (string.getString().length() > maxChars) {
            throw tooLong(name, maxChars);
        }
        return Optional.of(string.getString());
    }

    String requiredString(String name, int maxChars) {
        return string(name, maxChars).filter(s -> !s.isEmpty()).orElseThrow(() -> missing(name));
    }

    /** Standard Base64 (RFC 4648, with padding), decoded; at most {@code maxBytes} once decoded. */
    Optional<byte[]> base64(String name, int maxBytes) {
        return string(name, (maxBytes + 2) / 3 * 4).map(text -> {
            try {
                return Base64.getDecoder().decode(text);
            } catch (IllegalArgumentException e) {
                throw invalid("The field '" + name + "' must be standard Base64");
            }
        });
    }

    byte[] requiredBase64(String name, int maxBytes) {
        return base64(name, maxBytes).orElseThrow(() -> missing(name));
    }

    /** A JSON integer (not a string, not a fraction) within [min, max]. */
    Optional<Integer> integer(String name, int min, int max) {
        JsonValue value = json.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return Optional.empty();
        }
        if (!(value instanceof JsonNumber number) || !number.isIntegral()) {
            throw invalid("The field '" + name + "' must be an integer");
        }
        long n;
        try {
            n = number.bigDecimalValue().longValueExact();
        } catch (ArithmeticException e) {
            n = Long.MAX_VALUE;
        }
        if (n < min || n > max) {
            throw new KmsException(KmsErrorCode.INVALID_PARAMETER_VALUE,
                    "The field '" + name + "' must be between " + min + " and " + max);
        }
        return Optional.of((int) n);
    }

    int requiredInteger(String name, int min, int max) {
        return integer(name, min, max).orElseThrow(() -> missing(name));
    }

    /**
     * A JSON object whose members are all strings of at most {@code maxChars}, at most {@code maxMembers} of them.
     */
    Optional<Map<String, String>> stringMap(String name, int maxMembers, int maxChars) {
        JsonValue value = json.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return Optional.empty();
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw invalid("The field '" + name + "' must be a JSON object of strings");
        }
        JsonObject object = value.asJsonObject();
        if (object.size() > maxMembers) {
            throw invalid("The field '" + name + "' has more than " + maxMembers + " members");
        }
        Map<String, String> pairs = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, JsonValue> entry : object.entrySet()) {
            if (!(entry.getValue() instanceof JsonString string)) {
                throw invalid("The values of '" + name + "' must be strings");
            }
            if (entry.getKey().length() > maxChars || string.getString().length() > maxChars) {
                throw tooLong(name, maxChars);
            }
            pairs.put(entry.getKey(), string.getString());
        }
        return Optional.of(pairs);
    }

    /** A key policy in its JSON form (see {@link KeyPolicy}); its rules are checked where it is read. */
    Optional<KeyPolicy> keyPolicy(String name) {
        JsonValue value = json.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return Optional.empty();
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw invalid("The field '" + name + "' must be a key policy, a JSON object with 'statements'");
        }
        return Optional.of(KeyPolicy.fromJson(value.asJsonObject()));
    }

    /** The whole body as a key policy. */
    KeyPolicy asKeyPolicy() {
        return KeyPolicy.fromJson(json);
    }

    /** The encryption context: a JSON object of strings, passed on as its JSON text. */
    Optional<String> encryptionContext(String name) {
        return stringMap(name, 64, 1024).map(pairs -> {
            JsonObjectBuilder object = Jsons.object();
            pairs.forEach(object::add);
            return object.build().toString();
        });
    }

    private static KmsException tooLong(String name, int maxChars) {
        return new KmsException(KmsErrorCode.INVALID_PARAMETER_VALUE,
                "The field '" + name + "' is longer than " + maxChars + " characters");
    }

    static KmsException missing(String name) {
        return new KmsException(KmsErrorCode.MISSING_PARAMETER, "The field '" + name + "' is required");
    }

    static KmsException invalid(String message) {
        return new KmsException(KmsErrorCode.INVALID_PARAMETER, message);
    }

    static KmsException malformed(String message) {
        return new KmsException(KmsErrorCode.MALFORMED_REQUEST, message);
    }
}
