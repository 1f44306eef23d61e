package org.selfkms.it;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * SQL on the test server's own datasource, through {@link SqlServlet} deployed beside the EAR: the H2 file
 * is locked by the server, and tests that read or tamper with tables need the server's connection. A test
 * class deploys {@link #archive()} as a second Arquillian deployment.
 */
final class ServerSql {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private ServerSql() {
    }

    static WebArchive archive() {
        return ShrinkWrap.create(WebArchive.class, "audit-it-sql.war").addClass(SqlServlet.class);
    }

    /** Runs one statement; a query answers with one tab-separated line per row. */
    static String run(String statement) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(DeployedKms.baseUrl() + "/audit-it-sql/sql"))
                .POST(HttpRequest.BodyPublishers.ofString(statement)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), statement + " -> " + response.body());
        return response.body();
    }

    /** The audit records of one action on a key: door, principal, action and outcome, tab-separated. */
    static String auditOf(String keyId, String action) throws Exception {
        return run("SELECT door, principal, action, outcome FROM kms_audit_record WHERE key_id = '" + keyId
                + "' AND action = '" + action + "'").trim();
    }
}
