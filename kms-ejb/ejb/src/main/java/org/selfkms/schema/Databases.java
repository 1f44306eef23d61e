package org.selfkms.schema;

import java.sql.Connection;
import java.sql.SQLException;

/** Which database the server runs on, where SQL must differ: the advisory locks exist on PostgreSQL only. */
final class Databases {

    private Databases() {
    }

    static boolean isPostgreSql(Connection connection) throws SQLException {
        return "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
    }
}
