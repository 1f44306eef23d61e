package org.selfkms.api.json;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;

import java.io.Reader;
import java.util.HashSet;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;

/**
 * The one reader of JSON that comes from outside (request bodies of both doors, encryption contexts, checkpoints
 * pasted into the console): exactly one JSON object and nothing after it, no member name twice, nesting at most
 * {@value #MAX_DEPTH} deep.
 *
 * <p>Why not {@code JsonReader}: it stops after the first value and ignores trailing text ({@code {"a":"b"} junk}
 * would pass), keeps the last of duplicate members (so two readers of one text could disagree on what it says), and
 * refuses deep nesting only at the parser's own limit of 1,000 levels - with a bare {@code RuntimeException}, after
 * recursing that deep.
 */
public final class StrictJson {

    /** Deeper than anything this server reads needs (a tag list in a request body is three levels). */
    public static final int MAX_DEPTH = 8;

    private StrictJson() {
    }

    /** Why a text was refused, in words that may be shown to whoever sent it (completed by the caller's subject). */
    public static final class InvalidJson extends Exception {
        InvalidJson(String reason) {
            super(reason, null, false, false);
        }
    }

    /** Empty if the text is not a single JSON object as described above. */
    public static Optional<JsonObject> readObject(Reader text) {
        try {
            return Optional.of(parseObject(text));
        } catch (InvalidJson e) {
            return Optional.empty();
        }
    }

    /**
     * @throws InvalidJson with a reason such as "is not valid JSON (line 1, column 7)", "has the member 'a' twice",
     *                     "is nested too deeply"; the caller puts its subject in front ("The request body ...")
     */
    public static JsonObject parseObject(Reader text) throws InvalidJson {
        try (JsonParser parser = Jsons.parser(text)) {
            if (!parser.hasNext() || parser.next() != JsonParser.Event.START_OBJECT) {
                throw new InvalidJson("must be one JSON object");
            }
            JsonObject object = members(parser, 1);
            if (parser.hasNext()) {
                throw new InvalidJson("has content after its JSON object");
            }
            return object;
        } catch (JsonParsingException e) {
            throw new InvalidJson("is not valid JSON (line " + e.getLocation().getLineNumber()
                    + ", column " + e.getLocation().getColumnNumber() + ")");
        } catch (JsonException | IllegalStateException | NoSuchElementException e) {
            throw new InvalidJson("is not valid JSON");
        }
    }

    private static JsonObject members(JsonParser parser, int depth) throws InvalidJson {
        JsonObjectBuilder object = Jsons.object();
        Set<String> seen = new HashSet<>();
        for (JsonParser.Event event = parser.next(); event != JsonParser.Event.END_OBJECT; event = parser.next()) {
            String name = parser.getString();
            if (!seen.add(name)) {
                throw new InvalidJson("has the member '" + printable(name) + "' twice");
            }
            object.add(name, value(parser, parser.next(), depth));
        }
        return object.build();
    }

    private static JsonValue value(JsonParser parser, JsonParser.Event event, int depth) throws InvalidJson {
        return switch (event) {
            case START_OBJECT -> members(parser, deeper(depth));
            case START_ARRAY -> {
                int inside = deeper(depth);
                JsonArrayBuilder array = Jsons.array();
                for (JsonParser.Event next = parser.next(); next != JsonParser.Event.END_ARRAY; next = parser.next()) {
                    array.add(value(parser, next, inside));
                }
                yield array.build();
            }
            case VALUE_STRING -> Jsons.string(parser.getString());
            case VALUE_NUMBER -> Jsons.provider().createValue(parser.getBigDecimal());
            case VALUE_TRUE -> JsonValue.TRUE;
            case VALUE_FALSE -> JsonValue.FALSE;
            case VALUE_NULL -> JsonValue.NULL;
            default -> throw new InvalidJson("is not valid JSON");
        };
    }

    private static int deeper(int depth) throws InvalidJson {
        if (depth >= MAX_DEPTH) {
            throw new InvalidJson("is nested too deeply (at most " + MAX_DEPTH + " levels)");
        }
        return depth + 1;
    }

    /** A name from the text, shown back in a message: short and without control characters. */
    public static String printable(String name) {
        String cut = name.length() > 64 ? name.substring(0, 64) + "..." : name;
        return cut.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }
}
