package org.selfkms.token.keypair;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A Wycheproof vector file of src/test/resources/wycheproof (its README.md names the source and commit): every
 * test of every group, and a tally of what the code under test did with them. A test reports all vectors the
 * project gets wrong at once, each with its tcId and comment, and proves that it saw the whole file.
 */
final class Wycheproof {

    /** Wycheproof's verdict on a vector; ACCEPTABLE ones are legal but weak or unusual inputs. */
    enum Result { VALID, INVALID, ACCEPTABLE }

    record Vector(String file, JsonObject group, JsonObject test) {

        int tcId() {
            return test.getInt("tcId");
        }

        Result result() {
            return Result.valueOf(test.getString("result").toUpperCase());
        }

        byte[] bytes(String field) {
            return HexFormat.of().parseHex(test.getString(field));
        }

        byte[] groupBytes(String field) {
            return HexFormat.of().parseHex(group.getString(field));
        }

        /** Whether the test has a non-empty hex field (Wycheproof omits or empties a label or context alike). */
        boolean hasNonEmpty(String field) {
            return test.containsKey(field) && !test.getString(field).isEmpty();
        }

        @Override
        public String toString() {
            return file + " tcId " + tcId() + " (" + result() + ", " + test.getString("comment", "") + ", flags "
                    + test.getOrDefault("flags", JsonValue.EMPTY_JSON_ARRAY) + ")";
        }
    }

    private final String file;
    private final JsonObject root;
    private final Map<Result, Integer> counts = new EnumMap<>(Result.class);
    private final List<String> mismatches = new ArrayList<>();

    private Wycheproof(String file, JsonObject root) {
        this.file = file;
        this.root = root;
    }

    static Wycheproof load(String file) throws IOException {
        try (InputStream in = Wycheproof.class.getResourceAsStream("/wycheproof/" + file)) {
            assertNotNull(in, "test resource wycheproof/" + file);
            try (JsonReader reader = Json.createReader(in)) {
                return new Wycheproof(file, reader.readObject());
            }
        }
    }

    List<Vector> vectors() {
        List<Vector> all = new ArrayList<>();
        for (JsonValue group : root.getJsonArray("testGroups")) {
            for (JsonValue test : group.asJsonObject().getJsonArray("tests")) {
                all.add(new Vector(file, group.asJsonObject(), test.asJsonObject()));
            }
        }
        return all;
    }

    /** Counts the vector and notes it when the project did not do what was expected of it. */
    void record(Vector vector, String expected, String actual) {
        counts.merge(vector.result(), 1, Integer::sum);
        if (!expected.equals(actual)) {
            mismatches.add(vector + ": expected " + expected + ", the project " + actual);
        }
    }

    int count(Result result) {
        return counts.getOrDefault(result, 0);
    }

    /** Every vector of the file was run, and each did what it should. */
    void assertAllAsExpected() {
        assertEquals(root.getInt("numberOfTests"), counts.values().stream().mapToInt(Integer::intValue).sum(),
                file + ": vectors run");
        assertTrue(count(Result.VALID) > 0 && count(Result.INVALID) > 0, file + " has valid and invalid vectors: " + counts);
        assertEquals(List.of(), mismatches, file + ": vectors the project gets wrong");
    }
}
