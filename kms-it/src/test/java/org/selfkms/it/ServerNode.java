package org.selfkms.it;

import com.tencentcloudapi.kms.v20190118.KmsClient;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A server of its own for the tests that need more than the one Arquillian runs (a cluster's nodes, an upgraded
 * installation): the provisioned installation started with a base directory of its own - its configuration, the
 * EAR, its data - and a port offset of its own, as an operator runs several servers from one installation.
 */
final class ServerNode {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private final String name;
    private final int offset;
    private final Path root;
    private volatile Process process;

    private ServerNode(String name, int offset, Path root) {
        this.name = name;
        this.offset = offset;
        this.root = root;
    }

    /** Lays out the node's base directory under {@code root} (the configuration and the EAR); starts nothing. */
    static ServerNode create(Path root, String name, int offset) throws IOException {
        Path installation = installation();
        Path base = root.resolve(name);
        copyTree(installation.resolve("standalone/configuration"), base.resolve("configuration"));
        Files.createDirectories(base.resolve("deployments"));
        Files.copy(installation.resolve("standalone/deployments/kms.ear"), base.resolve("deployments/kms.ear"));
        return new ServerNode(name, offset, root);
    }

    /** Where the test run leaves the files of its extra servers: {@code target/<name>}, emptied first. */
    static Path freshRoot(String name) throws IOException {
        Path root = Path.of(System.getProperty("kms.it.build.dir", "target"), name).toAbsolutePath();
        deleteTree(root);
        Files.createDirectories(root);
        return root;
    }

    private static Path installation() {
        return Path.of(System.getProperty("kms.it.dist.dir")).toAbsolutePath();
    }

    /** The KMS's data directory of this node ({@code kms.data-dir}: the base directory's {@code data/kms}). */
    Path dataDir() {
        return root.resolve(name).resolve("data/kms");
    }

    /**
     * Starts the node with {@code serverConfig} (standalone.xml, standalone-ha.xml) and waits until it has booted;
     * {@code environment} adds to the inherited environment.
     */
    ServerNode start(String serverConfig, Map<String, String> environment, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(installation().resolve("bin/standalone.sh").toString(),
                "-c", serverConfig,
                "-Djboss.server.base.dir=" + root.resolve(name),
                "-Djboss.node.name=" + name,
                "-Djboss.socket.binding.port-offset=" + offset));
        command.addAll(List.of(arguments));
        process = ServerProcess.spawn(command, log(), environment);
        ServerProcess.awaitBoot(process, log(), managementPort());
        return this;
    }

    /**
     * Starts this node as a member of a cluster of {@code members} on {@code database}: standalone-ha.xml, JGroups over
     * TCP with TCPPING (its port moves with the port offset), and one software token in {@code tokenDir} for all - a
     * test fixture on one host; a production cluster shares a PKCS#11 HSM (docs/operations.md, "Running a cluster").
     * Fails unless the EAR deployed.
     */
    ServerNode startClustered(PostgresDatabase database, Path tokenDir, ServerNode... members) throws Exception {
        StringBuilder list = new StringBuilder();
        for (ServerNode member : members) {
            list.append(list.isEmpty() ? "" : ",").append("127.0.0.1[").append(7600 + member.offset).append("]");
        }
        // the node's name as its connections' application_name: pg_stat_activity tells whose a connection is
        start("standalone-ha.xml", Map.of("KMS_DB_URL", database.url() + "?ApplicationName=" + name, "KMS_CLUSTER_MEMBERS", list.toString(),
                "KMS_CLUSTER_NAME", database.name()), "-Dkms.db=postgresql", "-Dkms.token.dir=" + tokenDir);
        assertEquals("OK", deploymentStatus(), "the EAR deployed on " + name);
        return this;
    }

    /** The EAR's deployment status: OK once it deployed. */
    String deploymentStatus() throws IOException {
        return ServerProcess.deploymentStatus(managementPort(), "kms.ear");
    }

    /** An orderly shutdown, as an operator's; a server that does not stop within a minute is killed. */
    void stop() throws Exception {
        Process running = process;
        if (running == null || !running.isAlive()) {
            return;
        }
        try {
            ServerProcess.shutdown(managementPort());
        } catch (IOException notAnswering) {
            running.destroy();
        }
        if (!running.waitFor(60, TimeUnit.SECONDS)) {
            running.destroyForcibly().waitFor();
        }
    }

    String name() {
        return name;
    }

    Process process() {
        return process;
    }

    Path log() {
        return root.resolve(name + ".log");
    }

    int httpPort() {
        return 8080 + offset;
    }

    int managementPort() {
        return 9990 + offset;
    }

    String url() {
        return "http://127.0.0.1:" + httpPort();
    }

    KmsClient kms(String secretId, String secretKey) {
        return DeployedKms.kmsAt(httpPort(), secretId, secretKey);
    }

    KmsClient kms() {
        return kms(DeployedKms.secretId(), DeployedKms.secretKey());
    }

    /** A bearer token of this node's REST door for an API credential. */
    String restToken(String secretId, String secretKey) throws Exception {
        String basic = Base64.getEncoder().encodeToString((secretId + ":" + secretKey).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> issued = HTTP.send(HttpRequest.newBuilder(URI.create(url() + "/api/v1/tokens"))
                .POST(HttpRequest.BodyPublishers.noBody()).header("Authorization", "Basic " + basic).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(201, issued.statusCode(), issued.body());
        return RestApiV1IT.json(issued).getString("token");
    }

    /** A call to this node's REST door ({@code path} under {@code /api/v1}), a JSON {@code body} or none. */
    HttpResponse<String> rest(String token, String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url() + "/api/v1" + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Authorization", "Bearer " + token);
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A database of its own on the PostgreSQL server of {@code KMS_DB_URL}, for a test's servers to share. */
    record PostgresDatabase(String adminUrl, String name) {

        /** Drops and creates {@code name} on the server that {@code adminUrl} (a PostgreSQL JDBC URL) points at. */
        static PostgresDatabase fresh(String adminUrl, String name) throws Exception {
            PostgresDatabase database = new PostgresDatabase(adminUrl, name);
            database.admin("DROP DATABASE IF EXISTS " + name, "CREATE DATABASE " + name);
            return database;
        }

        String url() {
            return adminUrl.substring(0, adminUrl.lastIndexOf('/') + 1) + name;
        }

        Connection connect() throws Exception {
            return DriverManager.getConnection(url(), System.getenv("KMS_DB_USER"), System.getenv("KMS_DB_PASSWORD"));
        }

        void drop() throws Exception {
            admin("DROP DATABASE IF EXISTS " + name);
        }

        private void admin(String... statements) throws Exception {
            try (Connection db = DriverManager.getConnection(adminUrl, System.getenv("KMS_DB_USER"), System.getenv("KMS_DB_PASSWORD"));
                 Statement statement = db.createStatement()) {
                for (String sql : statements) {
                    statement.execute(sql);
                }
            }
        }
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
