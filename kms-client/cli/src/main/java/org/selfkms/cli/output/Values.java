package org.selfkms.cli.output;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.util.stream.Collectors;

/** A JSON value as one line of text for the table format. */
public final class Values {

    /** What an absent or null value shows: a visible placeholder keeps the columns readable. */
    public static final String ABSENT = "-";

    private Values() {
    }

    /**
     * Strings bare, numbers and booleans as JSON writes them, objects as {@code name=value} pairs (tags, encryption
     * contexts), arrays as their elements separated by commas; absent or null as {@link #ABSENT}. Line breaks
     * become spaces so that one value stays on its line.
     */
    public static String text(JsonValue value) {
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return ABSENT;
        }
        String text = switch (value.getValueType()) {
            case STRING -> ((JsonString) value).getString();
            case NUMBER -> ((JsonNumber) value).toString();
            case OBJECT -> ((JsonObject) value).entrySet().stream()
                    .map(pair -> pair.getKey() + "=" + text(pair.getValue()))
                    .collect(Collectors.joining(", "));
            case ARRAY -> ((JsonArray) value).stream().map(Values::text).collect(Collectors.joining(", "));
            default -> value.toString();
        };
        return text.isEmpty() && value.getValueType() != JsonValue.ValueType.STRING ? ABSENT : oneLine(text);
    }

    private static String oneLine(String text) {
        return text.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ');
    }
}
