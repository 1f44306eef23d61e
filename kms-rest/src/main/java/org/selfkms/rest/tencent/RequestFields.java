package org.selfkms.rest.tencent;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.selfkms.api.error.KmsErrorCode;
import org.selfkms.api.error.KmsException;

import java.util.Base64;
import java.util.Optional;

/**
 * Typed access to the request's JSON fields with Tencent's conventions: PascalCase names, integers also
 * accepted as numeric strings (Tencent's own examples send them so), unknown fields ignored.
 */
final class RequestFields {

    private final JsonObject json;

    RequestFields(JsonObject json) {
        this.json = json;
    }

    String requiredString(String name) {
        return optionalString(name).filter(s -> !s.isEmpty())
                .orElseThrow(() -> new KmsException(KmsErrorCode.MISSING_PARAMETER, "Missing parameter " + name));
    }

    Optional<String> optionalString(String name) {
        JsonValue value = json.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return Optional.empty();
        }
        if (value instanceof JsonString string) {
            return Optional.of(string.getString());
        }
        throw new KmsException(KmsErrorCode.INVALID_PARAMETER, "Parameter " + name + " must be a string");
    }

    Optional<Long> optionalLong(String name) {
        JsonValue value = json.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return Optional.empty();
        }
        try {
            if (value instanceof JsonNumber number) {
                return Optional.of(number.longValueExact());
            }
            if (value instanceof JsonString string && string.getString().matches("-?\\d{1,18}")) {
                return Optional.of(Long.parseLong(string.getString()));
            }
        } catch (ArithmeticException e) {
            // falls through: not an integer
        }
        throw new KmsException(KmsErrorCode.INVALID_PARAMETER, "Parameter " + name + " must be an integer");
    }

    /** A required JSON array of strings. */
    java.util.List<String> requiredStrings(String name) {
        JsonValue value = json.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            throw new KmsException(KmsErrorCode.MISSING_PARAMETER, "Missing parameter " + name);
        }
        if (value.getValueType() != JsonValue.ValueType.ARRAY) {
            throw new KmsException(KmsErrorCode.INVALID_PARAMETER, "Parameter " + name + " must be an array of strings");
        }
        java.util.List<String> strings = new java.util.ArrayList<>();
        for (JsonValue item : value.asJsonArray()) {
            if (!(item instanceof JsonString string)) {
                throw new KmsException(KmsErrorCode.INVALID_PARAMETER, "Parameter " + name + " must be an array of strings");
            }
            strings.add(string.getString());
        }
        return strings;
    }

    /** An optional JSON array of objects, each read with the same rules; empty when absent. */
    java.util.List<RequestFields> objects(String name) {
        JsonValue value = json.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return java.util.List.of();
        }
        if (value.getValueType() != JsonValue.ValueType.ARRAY) {
            throw new KmsException(KmsErrorCode.INVALID_PARAMETER, "Parameter " + name + " must be an array of objects");
        }
        java.util.List<RequestFields> objects = new java.util.ArrayList<>();
        for (JsonValue item : value.asJsonArray()) {
            if (item.getValueType() != JsonValue.ValueType.OBJECT) {
                throw new KmsException(KmsErrorCode.INVALID_PARAMETER, "Parameter " + name + " must be an array of objects");
            }
            objects.add(new RequestFields(item.asJsonObject()));
        }
        return objects;
    }

    long longOrDefault(String name, long defaultValue) {
        return optionalLong(name).orElse(defaultValue);
    }

    boolean isPresent(String name) {
        JsonValue value = json.get(name);
        return value != null && value.getValueType() != JsonValue.ValueType.NULL;
    }

    /** Base64 field decoded; a value that is not Base64 gets {@code errorCode}. */
    byte[] requiredBase64(String name, KmsErrorCode errorCode) {
        String value = requiredString(name);
        try {
            return Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            throw new KmsException(errorCode, "Parameter " + name + " is not valid Base64");
        }
    }
}
