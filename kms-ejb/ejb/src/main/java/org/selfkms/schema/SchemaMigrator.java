package org.selfkms.schema;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;

import javax.sql.DataSource;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Brings the database schema up to date before anything else uses it: applies, in order and each in its
 * own transaction, the scripts of {@code db/migration/index.txt} not yet recorded in
 * {@code kms_schema_version}. A script that fails leaves its version unrecorded and fails the deployment.
 * Nodes that start at once on one database take turns ({@link MigrationLock}): the first migrates, the others
 * then find nothing left to do.
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class SchemaMigrator {

    private static final Logger LOG = Logger.getLogger(SchemaMigrator.class.getName());
    private static final String LOCATION = "db/migration/";

    @Resource(lookup = "java:comp/DefaultDataSource")
    private DataSource dataSource;

    @PostConstruct
    void migrate() {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            try (MigrationLock lock = MigrationLock.acquire(connection)) {
                // read under the lock: a node that waited finds what the other one applied
                connection.setAutoCommit(false);
                ensureVersionTable(connection);
                Set<Integer> applied = appliedVersions(connection);
                for (String script : scripts()) {
                    int version = versionOf(script);
                    if (!applied.contains(version)) {
                        apply(connection, version, script);
                    }
                }
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("Database schema migration failed: " + e.getMessage(), e);
        }
    }

    private static void ensureVersionTable(Connection connection) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        boolean exists;
        try (ResultSet tables = meta.getTables(null, null, "%", new String[]{"TABLE"})) {
            exists = false;
            while (tables.next()) {
                if ("kms_schema_version".equalsIgnoreCase(tables.getString("TABLE_NAME"))) {
                    exists = true;
                }
            }
        }
        if (!exists) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE kms_schema_version (version INT NOT NULL PRIMARY KEY, "
                        + "script VARCHAR(200) NOT NULL, applied_at BIGINT NOT NULL)");
            }
            connection.commit();
        }
    }

    private static Set<Integer> appliedVersions(Connection connection) throws SQLException {
        Set<Integer> versions = new HashSet<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT version FROM kms_schema_version")) {
            while (rows.next()) {
                versions.add(rows.getInt(1));
            }
        }
        connection.commit();
        return versions;
    }

    private void apply(Connection connection, int version, String script) throws SQLException, IOException {
        LOG.info("Applying schema migration " + script);
        try (Statement statement = connection.createStatement()) {
            for (String sql : scriptStatements(script)) {
                statement.execute(sql);
            }
            try (PreparedStatement record = connection.prepareStatement(
                    "INSERT INTO kms_schema_version (version, script, applied_at) VALUES (?, ?, ?)")) {
                record.setInt(1, version);
                record.setString(2, script);
                record.setLong(3, System.currentTimeMillis() / 1000);
                record.executeUpdate();
            }
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        }
    }

    /**
     * The statements of one migration script, e.g. {@code V4__audit_trail.sql}. Public so that tests and
     * benchmarks outside the server build their databases from the very scripts the server applies.
     */
    public static List<String> scriptStatements(String script) throws IOException {
        return statements(read(LOCATION + script));
    }

    private List<String> scripts() throws IOException {
        List<String> scripts = new ArrayList<>();
        for (String line : read(LOCATION + "index.txt").split("\n")) {
            String name = line.trim();
            if (!name.isEmpty() && !name.startsWith("#")) {
                scripts.add(name);
            }
        }
        return scripts;
    }

    static int versionOf(String script) {
        if (!script.matches("V\\d+__\\w+\\.sql")) {
            throw new IllegalStateException("migration script name not of the form V<n>__<name>.sql: " + script);
        }
        return Integer.parseInt(script.substring(1, script.indexOf("__")));
    }

    /** Splits a script at semicolons that end a line; the scripts keep no semicolons inside literals. */
    static List<String> statements(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("--")) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                String sql = current.toString().strip();
                statements.add(sql.substring(0, sql.length() - 1));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            statements.add(current.toString().strip());
        }
        return statements;
    }

    private static String read(String resource) throws IOException {
        try (InputStream in = SchemaMigrator.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("missing migration resource " + resource);
            }
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                StringBuilder text = new StringBuilder();
                reader.lines().forEach(l -> text.append(l).append('\n'));
                return text.toString();
            }
        }
    }
}
