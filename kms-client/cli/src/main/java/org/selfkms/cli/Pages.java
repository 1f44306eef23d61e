package org.selfkms.cli;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import org.selfkms.cli.output.Output;
import org.selfkms.client.RestV1Session;

import java.io.PrintStream;

/**
 * A listing of the REST API, which pages with {@code nextCursor} (docs/rest-api.md, "Paging"): one page as the
 * server answered it, or every page merged into one answer of the same shape, without a cursor.
 */
public final class Pages {

    private Pages() {
    }

    /**
     * @param path  the listing's path, without query
     * @param query its filters and, for one page, limit and cursor
     * @param field the name of the answer's array ({@code keys}, {@code records})
     */
    public static JsonObject fetch(RestV1Session server, String path, Query query, String field, boolean all) {
        if (!all) {
            return server.get(path + query);
        }
        JsonArrayBuilder items = Json.createArrayBuilder();
        JsonObject page;
        String cursor = null;
        JsonObject first = null;
        do {
            page = server.get(path + query.copy().add("cursor", cursor));
            first = first == null ? page : first;
            page.getJsonArray(field).forEach(items::add);
            cursor = page.getString("nextCursor", null);
        } while (cursor != null);
        JsonObjectBuilder merged = Json.createObjectBuilder().add(field, items);
        // the other fields (totalCount) as the first page told them
        first.forEach((name, value) -> {
            if (!name.equals(field) && !name.equals("nextCursor")) {
                merged.add(name, value);
            }
        });
        return merged.build();
    }

    /** Tells a person, on stderr so that the table stays clean, how to get the next page. */
    public static void hintNextPage(JsonObject page, Output output, PrintStream stderr) {
        String cursor = page.getString("nextCursor", null);
        if (cursor != null && !output.isJson()) {
            stderr.println("(more: the same command with --cursor " + cursor + ", or --all)");
        }
    }
}
