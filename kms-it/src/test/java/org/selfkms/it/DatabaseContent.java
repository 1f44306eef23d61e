package org.selfkms.it;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Everything the test server's database holds, as text, for tests that look at what is stored. On H2 the
 * rows come from H2's own {@code SCRIPT} dump through {@link ServerSql} (the file's pages are compressed, so
 * its bytes say nothing), followed by the raw bytes of the audit journal that feeds the audit table. A test
 * class that reads it deploys {@link ServerSql#archive()} beside the EAR.
 */
final class DatabaseContent {

    private DatabaseContent() {
    }

    /** All the database holds; binary columns as hexadecimal, journal files as ISO-8859-1 (one char per byte). */
    static String read() throws Exception {
        String url = System.getenv("KMS_DB_URL");
        if (url == null || !url.startsWith("jdbc:postgresql:")) {
            return ServerSql.run("SCRIPT") + auditJournal();
        }
        StringBuilder dump = new StringBuilder();
        try (Connection db = DriverManager.getConnection(url, System.getenv("KMS_DB_USER"), System.getenv("KMS_DB_PASSWORD"));
             Statement statement = db.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = db.getMetaData().getTables(null, "public", "%", new String[]{"TABLE"})) {
                while (rows.next()) {
                    tables.add(rows.getString("TABLE_NAME"));
                }
            }
            for (String table : tables) {
                try (ResultSet rows = statement.executeQuery("SELECT * FROM " + table)) {
                    int columns = rows.getMetaData().getColumnCount();
                    while (rows.next()) {
                        for (int c = 1; c <= columns; c++) {
                            dump.append(rows.getString(c)).append('\n');
                        }
                    }
                }
            }
        }
        return dump.toString();
    }

    private static String auditJournal() throws Exception {
        Path journal = DeployedKms.dataDir().resolve("audit-journal");
        StringBuilder raw = new StringBuilder();
        if (Files.isDirectory(journal)) {
            try (Stream<Path> files = Files.list(journal)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    raw.append(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
                }
            }
        }
        return raw.toString();
    }
}
