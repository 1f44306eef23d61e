package org.selfkms.cli.output;

import jakarta.json.JsonObject;

import java.util.function.Function;

/** A column of a table: its header and how a row's JSON object gives its cell. */
public record Column(String header, Function<JsonObject, String> cell) {

    /** The column of one field of the rows, formatted as {@link Values#text} does. */
    public static Column field(String header, String field) {
        return new Column(header, row -> Values.text(row.get(field)));
    }
}
