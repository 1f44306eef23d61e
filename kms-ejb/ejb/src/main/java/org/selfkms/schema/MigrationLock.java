package org.selfkms.schema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.logging.Logger;

/**
 * Lets one node at a time migrate the schema. On PostgreSQL, which several nodes share, it is a session-level
 * advisory lock on the migration connection: a second node that starts at the same time waits until the first has
 * migrated, then finds every script recorded. The lock belongs to the database session, not to a transaction, so it
 * holds across the migrator's per-script commits, and {@link #close()} must release it: the connection goes back to
 * a pool and its session lives on. Should a node die while migrating, its session ends and PostgreSQL frees the lock.
 *
 * <p>On H2 there is nothing to take: the embedded database is a file that one server process opens (H2 refuses a
 * second process), and within that process the migrator is a single startup bean that runs once.
 */
final class MigrationLock implements AutoCloseable {

    /** The advisory lock's key, the same on every node; any constant no other application on the database uses. */
    static final long KEY = 0x53_4B_4D_53_6D_69_67_01L;
    private static final Logger LOG = Logger.getLogger(MigrationLock.class.getName());

    private final Connection connection;

    private MigrationLock(Connection connection) {
        this.connection = connection;
    }

    /** Takes the lock on {@code connection} (PostgreSQL), waiting as long as another node holds it. */
    static MigrationLock acquire(Connection connection) throws SQLException {
        if (!Databases.isPostgreSql(connection)) {
            return new MigrationLock(null);
        }
        if (!call(connection, "SELECT pg_try_advisory_lock(?)")) {
            LOG.info("Another node is migrating the database schema; waiting for it to finish");
            try (PreparedStatement wait = connection.prepareStatement("SELECT pg_advisory_lock(?)")) {
                wait.setLong(1, KEY);
                wait.execute();
            }
        }
        return new MigrationLock(connection);
    }

    @Override
    public void close() throws SQLException {
        if (connection == null) {
            return;
        }
        // a failed statement leaves the transaction aborted, and PostgreSQL would refuse the unlock inside it
        if (!connection.getAutoCommit()) {
            connection.rollback();
        }
        if (!call(connection, "SELECT pg_advisory_unlock(?)")) {
            LOG.warning("The schema migration lock was not held when released");
        }
    }

    /** Runs one of the lock functions that answer true or false. */
    private static boolean call(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, KEY);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getBoolean(1);
            }
        }
    }
}
