package org.selfkms.bench.list;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/**
 * Fills the tenant of one API credential with CMK rows, straight into the server's database (the server
 * must not hold an H2 file open meanwhile), so that ListKeyDetail can be measured with 100,000 keys in
 * seconds instead of 100,000 CreateKey calls. It bypasses the service: the rows have no key material
 * (their version rows hold a placeholder), so they list, describe and count like real keys but cannot
 * encrypt. Rerunning with a larger count adds the missing keys; nothing else in the database changes.
 *
 * <p>The mix resembles a long-lived tenant: of every 100 keys 89 Enabled, 9 Disabled, 1 PendingDelete
 * (deletion far in the future, so the lifecycle sweep leaves it alone) and 1 Deleted tombstone; three keys
 * per creation second (equal seconds are ordered by key id); every key tagged {@code env} ({@code prod} for
 * 20 %, else {@code dev}) and 1 % tagged {@code team=payments}. Aliases are {@code bench-000001} onwards.
 *
 * <p>Arguments: JDBC URL, user, password, SecretId of the credential, number of keys wanted.
 */
public final class TenantKeyFill {

    static final String ALIAS_PREFIX = "bench-";
    private static final int BATCH = 2000;
    private static final long FIRST_SECOND = 1_700_000_000L;
    private static final long FAR_FUTURE = 4_000_000_000L;

    private TenantKeyFill() {
    }

    public static void main(String[] args) throws SQLException {
        if (args.length != 5) {
            throw new IllegalArgumentException("usage: TenantKeyFill <jdbc-url> <user> <password> <secret-id> <keys>");
        }
        int wanted = Integer.parseInt(args[4]);
        try (Connection db = DriverManager.getConnection(args[0], args[1], args[2])) {
            db.setAutoCommit(false);
            long tenant = tenantOf(db, args[3]);
            int present = present(db, tenant);
            long started = System.nanoTime();
            for (int from = present + 1; from <= wanted; from += BATCH) {
                insert(db, tenant, from, Math.min(wanted, from + BATCH - 1));
                db.commit();
            }
            System.out.printf("tenant %d: %d bench keys (%d added in %d ms)%n", tenant, Math.max(present, wanted),
                    Math.max(0, wanted - present), (System.nanoTime() - started) / 1_000_000);
        }
    }

    private static long tenantOf(Connection db, String secretId) throws SQLException {
        try (PreparedStatement query = db.prepareStatement("SELECT tenant_id FROM kms_api_credential WHERE secret_id = ?")) {
            query.setString(1, secretId);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalStateException("No credential with that SecretId: start the server once first");
                }
                return row.getLong(1);
            }
        }
    }

    private static int present(Connection db, long tenant) throws SQLException {
        try (PreparedStatement query = db.prepareStatement("SELECT count(*) FROM kms_cmk WHERE tenant_id = ? AND alias LIKE ?")) {
            query.setLong(1, tenant);
            query.setString(2, ALIAS_PREFIX + "%");
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }

    private static void insert(Connection db, long tenant, int first, int last) throws SQLException {
        try (PreparedStatement key = db.prepareStatement("INSERT INTO kms_cmk (id, tenant_id, alias, description, key_usage,"
                + " key_state, origin, protection_level, owner, creator_uin, created_at, deletion_date, rotation_enabled,"
                + " current_version, row_version, rotate_days, next_rotate_time, last_rotate_time)"
                + " VALUES (?, ?, ?, ?, 'ENCRYPT_DECRYPT', ?, 'TENCENT_KMS', 'SOFTWARE', 'user', 1, ?, ?, FALSE, 1, 0, 365, 0, 0)");
             PreparedStatement version = db.prepareStatement(
                     "INSERT INTO kms_cmk_version (cmk_id, version_no, wrapped_material, created_at, row_version) VALUES (?, 1, ?, ?, 0)");
             PreparedStatement tag = db.prepareStatement("INSERT INTO kms_cmk_tag (cmk_id, tag_key, tag_value) VALUES (?, ?, ?)")) {
            for (int i = first; i <= last; i++) {
                String id = UUID.randomUUID().toString();
                String state = state(i);
                long created = FIRST_SECOND + i / 3;
                key.setString(1, id);
                key.setLong(2, tenant);
                // a Deleted tombstone has released its alias; keep it unique all the same, as the schema asks
                key.setString(3, String.format("%s%06d", ALIAS_PREFIX, i));
                key.setString(4, "filled by TenantKeyFill");
                key.setString(5, state);
                key.setLong(6, created);
                key.setLong(7, state.equals("PendingDelete") ? FAR_FUTURE : 0);
                key.addBatch();
                version.setString(1, id);
                version.setString(2, state.equals("Deleted") ? null : "no-material:bench-fill");
                version.setLong(3, created);
                version.addBatch();
                addTag(tag, id, "env", i % 10 < 2 ? "prod" : "dev");
                if (i % 100 == 42) {
                    addTag(tag, id, "team", "payments");
                }
            }
            key.executeBatch();
            version.executeBatch();
            tag.executeBatch();
        }
    }

    private static String state(int i) {
        return switch (i % 100) {
            case 7 -> "PendingDelete";
            case 9 -> "Deleted";
            case 3, 13, 23, 33, 43, 53, 63, 73, 83 -> "Disabled";
            default -> "Enabled";
        };
    }

    private static void addTag(PreparedStatement tag, String id, String key, String value) throws SQLException {
        tag.setString(1, id);
        tag.setString(2, key);
        tag.setString(3, value);
        tag.addBatch();
    }
}
