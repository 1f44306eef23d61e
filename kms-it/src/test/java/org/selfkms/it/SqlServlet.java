package org.selfkms.it;

import jakarta.annotation.Resource;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Test-only: runs the posted SQL on the server's own datasource, so a test can act as someone with write access
 * to the database while the server runs. Needed because the embedded H2 file is locked by the server (no second
 * process can open it); on PostgreSQL it is the same as connecting directly. Never part of the product: only
 * AuditTrailIT deploys it, into the test server. Answers query rows as tab-separated lines, else the update count.
 */
@WebServlet("/sql")
public class SqlServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Resource(lookup = "java:jboss/datasources/KmsDS")
    private DataSource database;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String sql = new String(request.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String lower = sql.toLowerCase(java.util.Locale.ROOT);
        if (lower.contains("kms_audit") || lower.startsWith("script")) {
            flushAuditJournal();
        }
        StringBuilder out = new StringBuilder();
        try (Connection db = database.getConnection(); Statement statement = db.createStatement()) {
            if (statement.execute(sql)) {
                try (ResultSet rows = statement.getResultSet()) {
                    int columns = rows.getMetaData().getColumnCount();
                    while (rows.next()) {
                        for (int c = 1; c <= columns; c++) {
                            out.append(c > 1 ? "\t" : "").append(rows.getString(c));
                        }
                        out.append('\n');
                    }
                }
            } else {
                out.append(statement.getUpdateCount());
            }
        } catch (SQLException e) {
            response.setStatus(500);
            out.setLength(0);
            out.append(e.getMessage());
        }
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write(out.toString());
    }

    /**
     * On the embedded H2 acknowledged audit records reach the table from a journal in batches: ask the server's audit
     * log to hand them over first ({@code AuditLog.flush}), as its own searches do. Found by its global JNDI name and
     * called by reflection: this WAR does not share the EAR's classes.
     */
    private static void flushAuditJournal() throws IOException {
        try {
            javax.naming.InitialContext jndi = new javax.naming.InitialContext();
            var apps = jndi.list("java:global");
            while (apps.hasMore()) {
                String app = apps.next().getName();
                try {
                    Object log = jndi.lookup("java:global/" + app + "/kms-ejb/AuditWriterBean!org.selfkms.api.audit.AuditLog");
                    log.getClass().getMethod("flush").invoke(log);
                    return;
                } catch (javax.naming.NamingException notThisOne) {
                    // another deployment
                }
            }
        } catch (javax.naming.NamingException | ReflectiveOperationException e) {
            throw new IOException("cannot reach the audit log to flush it", e);
        }
    }
}
