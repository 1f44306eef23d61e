package org.selfkms.cli;

import jakarta.json.JsonObject;
import org.selfkms.cli.output.Column;
import picocli.CommandLine.Option;

import java.util.List;

/**
 * --limit, --cursor and --all of a listing that pages (docs/rest-api.md, "Paging"): one page as the server answered
 * it, or with --all every page merged into one answer.
 */
public final class PageOptions {

    @Option(names = "--limit", paramLabel = "N", description = "Entries per page (server default and maximum apply)")
    Integer limit;

    @Option(names = "--cursor", paramLabel = "CURSOR", description = "The page after the one that answered this nextCursor")
    String cursor;

    @Option(names = "--all", description = "Every page, merged into one answer")
    boolean all;

    /**
     * Fetches the listing and prints it: in table format its array's elements as rows, and on stderr how to get the
     * next page, if there is one.
     *
     * @param filters  the listing's filters (the same for every page)
     * @param field    the name of the answer's array
     * @param maxLimit the largest page the server gives, asked for with --all unless --limit says otherwise
     */
    public void list(Run run, String path, Query filters, String field, int maxLimit, List<Column> columns) {
        Query query = filters.copy().add("limit", limit != null ? limit : all ? maxLimit : null);
        if (!all) {
            query.add("cursor", cursor);
        }
        JsonObject answer = Pages.fetch(run.server(), path, query, field, all);
        run.output().list(answer, field, columns);
        Pages.hintNextPage(answer, run.output(), run.invocation().stderr());
    }
}
