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

/** Everything the test server's database holds, as text, for tests that look at what is stored. */
final class DatabaseContent {

    private DatabaseContent() {
    }

    /**
     * Waits (at most 10 s) until {@code marker} is visible, since H2 writes committed pages to its file in the
     * background within about a second, then returns the content.
     */
    static String readOnce(String marker) throws Exception {
        String dump = read();
        for (int i = 0; i < 20 && !dump.contains(marker); i++) {
            Thread.sleep(500);
            dump = read();
        }
        return dump;
    }

    /** All the database holds, as ISO-8859-1 text so that every byte maps to one char. */
    static String read() throws Exception {
        String url = System.getenv("KMS_DB_URL");
        if (url == null || !url.startsWith("jdbc:postgresql:")) {
            Path file = Path.of(System.getProperty("kms.it.server.dir"), "standalone", "data", "kms", "kmsdb.mv.db");
            return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
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
}
