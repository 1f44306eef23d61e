package org.selfkms.api.json;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.stream.JsonParser;

import java.io.Reader;
import java.util.Optional;

/**
 * Reads exactly one JSON object and nothing after it. {@code JsonReader.readValue()} stops after the
 * first value and ignores trailing text, which would let {@code {"a":"b"} junk} pass as valid input.
 */
public final class StrictJson {

    private StrictJson() {
    }

    /** Empty if the text is not a single JSON object (malformed, another type, or trailing content). */
    public static Optional<JsonObject> readObject(Reader text) {
        try (JsonParser parser = Jsons.parser(text)) {
            if (!parser.hasNext() || parser.next() != JsonParser.Event.START_OBJECT) {
                return Optional.empty();
            }
            JsonObject object = parser.getObject();
            return parser.hasNext() ? Optional.empty() : Optional.of(object);
        } catch (JsonException | IllegalStateException | java.util.NoSuchElementException e) {
            return Optional.empty();
        }
    }
}
