package org.selfkms.it;

import com.tencentcloudapi.kms.v20190118.models.CreateKeyRequest;
import com.tencentcloudapi.kms.v20190118.models.DecryptRequest;
import com.tencentcloudapi.kms.v20190118.models.EncryptRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.selfkms.it.ServerNode.PostgresDatabase;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Two nodes of a cluster started at the same moment on one empty PostgreSQL database both come up: one creates the
 * schema while the other waits for the migration lock and then finds it complete, and the first start's rows - the
 * first tenant, its administrator and API credential, the platform operator, the bootstrap service principals, the
 * audit key - exist once, made by whichever node got there first. Both nodes then serve, with the same keys. So that
 * the nodes meet at both locks however fast each one boots, the test holds the locks itself until both nodes wait
 * for them, then lets them go.
 *
 * <p>Runs in CI's PostgreSQL pass only (tag {@code cluster}), like {@link ClusterIT}: an H2 file is opened by one
 * server process, so nothing there can start at once.
 */
@Tag("cluster")
class ClusterFirstStartIT {

    private static final String MIGRATION_LOGGED = "Applying schema migration";
    /** The advisory-lock keys of org.selfkms.schema.MigrationLock and FirstStartLock. */
    private static final long MIGRATION_LOCK = 0x53_4B_4D_53_6D_69_67_01L;
    private static final long FIRST_START_LOCK = 0x53_4B_4D_53_62_6F_6F_01L;
    private static PostgresDatabase database;
    private static final List<ServerNode> nodes = new ArrayList<>();

    @AfterAll
    static void stopNodes() throws Exception {
        for (ServerNode node : nodes) {
            node.stop();
        }
        if (database != null) {
            database.drop();
        }
    }

    @Test
    void twoNodesStartedAtOnceOnAnEmptyDatabaseBothComeUpWithOneSchemaAndOneFirstTenant() throws Exception {
        String adminUrl = System.getenv("KMS_DB_URL");
        assumeTrue(adminUrl != null && adminUrl.startsWith("jdbc:postgresql://"),
                "nodes that share a database need PostgreSQL (KMS_DB_URL): CI's PostgreSQL pass runs this test");
        database = PostgresDatabase.fresh(adminUrl, "kms_first_start_it_" + ProcessHandle.current().pid());
        Path root = ServerNode.freshRoot("cluster-first-start");
        ServerNode a = ServerNode.create(root, "node-a", Integer.getInteger("kms.it.cluster.offset.a", 200));
        ServerNode b = ServerNode.create(root, "node-b", Integer.getInteger("kms.it.cluster.offset.b", 300));
        nodes.addAll(List.of(a, b));

        // The test holds both of the server's locks while the nodes start, so that both are sure to meet at each:
        // released, the migration lock lets one node migrate while the other waits; then both wait at the first start.
        List<Future<ServerNode>> started = new ArrayList<>();
        ExecutorService starters = Executors.newFixedThreadPool(2);
        try (Connection holder = database.connect()) {
            advisoryLock(holder, "pg_advisory_lock", MIGRATION_LOCK);
            advisoryLock(holder, "pg_advisory_lock", FIRST_START_LOCK);
            CyclicBarrier together = new CyclicBarrier(2);
            for (ServerNode node : nodes) {
                started.add(starters.submit(() -> {
                    together.await();
                    return node.startClustered(database, root.resolve("token"), a, b);
                }));
            }
            awaitBothNodesWaitingFor(MIGRATION_LOCK, holder);
            advisoryLock(holder, "pg_advisory_unlock", MIGRATION_LOCK);
            awaitBothNodesWaitingFor(FIRST_START_LOCK, holder);
            advisoryLock(holder, "pg_advisory_unlock", FIRST_START_LOCK);
        } finally {
            starters.shutdown();
        }
        for (Future<ServerNode> node : started) {
            try {
                node.get();
            } catch (ExecutionException e) {
                throw new AssertionError("a node did not come up; see " + root + "/node-*.log", e.getCause());
            }
        }

        int migrating = 0;
        for (ServerNode node : nodes) {
            migrating += Files.readString(node.log()).contains(MIGRATION_LOGGED) ? 1 : 0;
        }
        assertEquals(1, migrating, "exactly one node applied the migrations, the other found them applied");
        for (ServerNode node : nodes) {
            assertTrue(Files.readString(node.log()).contains("Another node is migrating the database schema; waiting"),
                    node.name() + " said why it waited");
        }
        try (Connection db = database.connect()) {
            assertEquals(0, count(db, "SELECT count(*) - count(DISTINCT version) FROM kms_schema_version"),
                    "each script recorded once");
            assertEquals(count(db, "SELECT max(version) FROM kms_schema_version"), count(db, "SELECT count(*) FROM kms_schema_version"),
                    "every script recorded, none twice");
            assertEquals(1, count(db, "SELECT count(*) FROM kms_tenant"), "one first tenant");
            assertEquals(1, count(db, "SELECT count(*) FROM kms_console_user WHERE role = 'TENANT_ADMIN'"), "one administrator");
            assertEquals(1, count(db, "SELECT count(*) FROM kms_console_user WHERE role = 'PLATFORM_OPERATOR'"), "one operator");
            assertEquals(1, count(db, "SELECT count(*) FROM kms_api_credential WHERE service_name IS NULL"), "one API credential");
            // KMS_BOOTSTRAP_SERVICES (kms-it's pom) lists three services: each registered once, not once per node
            assertEquals(0, count(db, "SELECT count(*) - count(DISTINCT service_name) FROM kms_api_credential WHERE service_name IS NOT NULL"),
                    "each bootstrap service principal once");
            assertTrue(count(db, "SELECT count(*) FROM kms_api_credential WHERE service_name IS NOT NULL") > 0,
                    "the bootstrap service principals were registered");
            assertEquals(1, count(db, "SELECT count(*) FROM kms_audit_key"), "one audit key");
        }

        // both serve the same keys: a key made on A encrypts on B, and A decrypts what B encrypted
        CreateKeyRequest create = new CreateKeyRequest();
        create.setAlias(DeployedKms.uniqueAlias("first-start"));
        String keyId = a.kms().CreateKey(create).getKeyId();
        EncryptRequest encrypt = new EncryptRequest();
        encrypt.setKeyId(keyId);
        encrypt.setPlaintext("Ym90aCBub2RlcyB1cA==");
        DecryptRequest decrypt = new DecryptRequest();
        decrypt.setCiphertextBlob(b.kms().Encrypt(encrypt).getCiphertextBlob());
        assertEquals("Ym90aCBub2RlcyB1cA==", a.kms().Decrypt(decrypt).getPlaintext());
    }

    /** Waits until a connection of each node waits for the advisory lock {@code key}, which the test holds. */
    private static void awaitBothNodesWaitingFor(long key, Connection db) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(180));
        String waiting = "SELECT count(DISTINCT a.application_name) FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid "
                + "WHERE l.locktype = 'advisory' AND NOT l.granted AND l.objsubid = 1 "
                + "AND l.classid::bigint = " + (key >>> 32) + " AND l.objid::bigint = " + (key & 0xFFFF_FFFFL);
        while (count(db, waiting) < 2) {
            if (Instant.now().isAfter(deadline) || nodes.stream().anyMatch(n -> n.process() != null && !n.process().isAlive())) {
                throw new AssertionError("both nodes never waited for the lock " + Long.toHexString(key) + "; see the nodes' logs");
            }
            Thread.sleep(200);
        }
    }

    private static void advisoryLock(Connection db, String function, long key) throws Exception {
        try (Statement statement = db.createStatement()) {
            statement.execute("SELECT " + function + "(" + key + ")");
        }
    }

    private static long count(Connection db, String sql) throws Exception {
        try (Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
