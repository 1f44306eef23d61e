package org.selfkms.rest.v1;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import org.selfkms.api.error.KmsErrorCode;
import org.selfkms.api.error.KmsException;

import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.selfkms.api.json.Jsons;

/**
 * A request body of the REST door, read strictly: exactly one JSON object in UTF-8, no duplicate member names,
 * nesting at most {@value #MAX_DEPTH} deep, only the members the endpoint declares, each of the declared JSON type
 * (no numbers in strings, no strings for booleans) and within its declared length. Anything else is a
 * {@code 400} before any service is called, so bad input changes nothing.
 */
final class JsonInput {

    /** Bodies above this size are refused with 413 before they are parsed. */
    static final int MAX_BODY_BYTES = 64 * 1024;
    static final int MAX_DEPTH = 8;

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
                throw invalid("Unknown field '" + printable(name) + "'" + (known.isEmpty() ? ": this request takes no fields"
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
        try (JsonParser parser = Jsons.parser(new java.io.StringReader(text))) {
            if (!parser.hasNext() || parser.next() != JsonParser.Event.START_OBJECT) {
                throw malformed("The request body must be one JSON object");
            }
            JsonObject object = readObjectMembers(parser, 1);
            if (parser.hasNext()) {
                throw malformed("The request body has content after its JSON object");
            }
            return object;
        } catch (JsonParsingException e) {
            throw malformed("The request body is not valid JSON (line " + e.getLocation().getLineNumber()
                    + ", column " + e.getLocation().getColumnNumber() + ")");
        } catch (JsonException | IllegalStateException | java.util.NoSuchElementException e) {
            throw malformed("The request body is not valid JSON");
        }
    }

    private static JsonObject readObjectMembers(JsonParser parser, int depth) {
        JsonObjectBuilder object = Jsons.object();
        Set<String> seen = new HashSet<>();
        while (true) {
            JsonParser.Event event = parser.next();
            if (event == JsonParser.Event.END_OBJECT) {
                return object.build();
            }
            String name = parser.getString();
            if (!seen.add(name)) {
                throw malformed("The field '" + printable(name) + "' appears twice");
            }
            object.add(name, readValue(parser, parser.next(), depth));
        }
    }

    private static JsonValue readValue(JsonParser parser, JsonParser.Event event, int depth) {
        if ((event == JsonParser.Event.START_OBJECT || event == JsonParser.Event.START_ARRAY) && depth >= MAX_DEPTH) {
            throw malformed("The request body is nested too deeply");
        }
        return switch (event) {
            case START_OBJECT -> readObjectMembers(parser, depth + 1);
            case START_ARRAY -> {
                JsonArrayBuilder array = Jsons.array();
                for (JsonParser.Event next = parser.next(); next != JsonParser.Event.END_ARRAY; next = parser.next()) {
                    array.add(readValue(parser, next, depth + 1));
                }
                yield array.build();
            }
            case VALUE_STRING -> Jsons.string(parser.getString());
            case VALUE_NUMBER -> Jsons.provider().createValue(parser.getBigDecimal());
            case VALUE_TRUE -> JsonValue.TRUE;
            case VALUE_FALSE -> JsonValue.FALSE;
            case VALUE_NULL -> JsonValue.NULL;
            default -> throw malformed("The request body is not valid JSON");
        };
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

    /** A caller-chosen name shown back in a message: short and without control characters. */
    static String printable(String name) {
        String cut = name.length() > 64 ? name.substring(0, 64) + "..." : name;
        return cut.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }
}
