package org.selfkms.cli.output;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where a command's answer goes, in the chosen format. In {@code json} every command prints exactly the server's
 * JSON object on one line, or nothing when the server answered no content (the exit code says it was done); in
 * {@code table} it prints what a person reads. Errors never come here: they go to stderr.
 */
public final class Output {

    private final OutputFormat format;
    private final PrintStream out;

    public Output(OutputFormat format, PrintStream out) {
        this.format = format;
        this.out = out;
    }

    public boolean isJson() {
        return format == OutputFormat.json;
    }

    /** One object: JSON as it is, or one line per field, names aligned. */
    public void object(JsonObject json) {
        if (isJson()) {
            json(json);
            return;
        }
        int width = json.keySet().stream().mapToInt(String::length).max().orElse(0);
        for (Map.Entry<String, JsonValue> field : json.entrySet()) {
            line((field.getKey() + " ".repeat(width - field.getKey().length()) + "  " + Values.text(field.getValue())).stripTrailing());
        }
    }

    /** A listing: JSON as it is, or the elements of its array {@code field} as the rows of a table. */
    public void list(JsonObject json, String field, List<Column> columns) {
        if (isJson()) {
            json(json);
        } else {
            table(json.getJsonArray(field), columns);
        }
    }

    /** Rows as a table (table format only). */
    public void table(JsonArray rows, List<Column> columns) {
        List<String> headers = columns.stream().map(Column::header).toList();
        List<List<String>> cells = new ArrayList<>();
        for (JsonValue row : rows) {
            cells.add(columns.stream().map(column -> column.cell().apply(row.asJsonObject())).toList());
        }
        Table.render(headers, cells).forEach(this::line);
    }

    /**
     * One value that scripts capture with $(...) - a ciphertext blob, a signature: bare in table format, the whole
     * object in JSON.
     */
    public void value(JsonObject json, String field) {
        if (isJson()) {
            json(json);
        } else {
            line(Values.text(json.get(field)));
        }
    }

    /** A sentence for people ("key shop-orders disabled"); nothing in JSON. */
    public void note(String sentence) {
        if (!isJson()) {
            line(sentence);
        }
    }

    public void json(JsonObject json) {
        line(json.toString());
    }

    /** Bytes as they are (a decrypted plaintext): no newline added. */
    public void bytes(byte[] data) {
        out.write(data, 0, data.length);
        out.flush();
    }

    private void line(String text) {
        byte[] bytes = (text + "\n").getBytes(StandardCharsets.UTF_8);
        out.write(bytes, 0, bytes.length);
        out.flush();
    }
}
