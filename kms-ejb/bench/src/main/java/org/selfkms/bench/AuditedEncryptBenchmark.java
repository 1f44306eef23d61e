package org.selfkms.bench;

import org.h2.jdbcx.JdbcConnectionPool;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.selfkms.api.audit.AuditEvent;
import org.selfkms.api.audit.AuditOutcome;
import org.selfkms.audit.AuditChain;
import org.selfkms.audit.AuditTable;
import org.selfkms.audit.GroupCommitWriter;
import org.selfkms.crypto.BlobCipher;
import org.selfkms.crypto.EncryptionContext;
import org.selfkms.schema.SchemaMigrator;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

/**
 * The cost of the audit trail on Encrypt (issue 4): a SOFTWARE-level Encrypt of 4 KiB, as in
 * {@link Encrypt4KiBBenchmark#softwareLevel}, without and with its audit record written through the real
 * {@link GroupCommitWriter} into an H2 database in file mode (the embedded default), each record committed
 * before the call returns. With one caller every record is its own commit; with eight concurrent callers the
 * writer groups what queued up during one commit into the next, which is the point of group commit.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
public class AuditedEncryptBenchmark {

    private final SecureRandom random = new SecureRandom();
    private final byte[] plaintext = new byte[4096];
    private final byte[] material = new byte[32];
    private final UUID keyId = UUID.randomUUID();
    private final EncryptionContext context = EncryptionContext.parse("{\"app\":\"bench\",\"table\":\"orders\"}");
    private Path directory;
    private GroupCommitWriter writer;
    private JdbcConnectionPool database;

    @Setup
    public void setUp() throws Exception {
        random.nextBytes(plaintext);
        random.nextBytes(material);
        directory = Files.createTempDirectory("kms-audit-bench");
        // Pooled like the server's datasource: a bare H2 data source would open and close the file per batch.
        database = JdbcConnectionPool.create("jdbc:h2:file:" + directory.resolve("audit") + ";DB_CLOSE_ON_EXIT=FALSE", "sa", "");
        try (Connection db = database.getConnection(); Statement statement = db.createStatement()) {
            for (String sql : SchemaMigrator.scriptStatements("V4__audit_trail.sql")) {
                statement.execute(sql);
            }
        }
        byte[] auditKey = new byte[32];
        random.nextBytes(auditKey);
        writer = new GroupCommitWriter(new AuditTable(database), new AuditChain(auditKey, 1), Clock.systemUTC(),
                10_000, 500, Duration.ofSeconds(5));
        writer.start(Thread::new);
    }

    @TearDown
    public void tearDown() throws Exception {
        writer.stop();
        database.dispose();
        try (var files = Files.walk(directory)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Benchmark
    public String encrypt() {
        return BlobCipher.seal(keyId, 1, material, plaintext, context).encode();
    }

    @Benchmark
    public String encryptAudited() {
        String blob = BlobCipher.seal(keyId, 1, material, plaintext, context).encode();
        writer.record(event());
        return blob;
    }

    @Benchmark
    @Threads(8)
    public String encrypt8Callers() {
        return encrypt();
    }

    @Benchmark
    @Threads(8)
    public String encryptAudited8Callers() {
        return encryptAudited();
    }

    private AuditEvent event() {
        return new AuditEvent(1, AuditEvent.DOOR_TENCENT, "AKIDbenchmark0000000001", "Encrypt", keyId.toString(),
                UUID.randomUUID().toString(), "127.0.0.1", AuditOutcome.ALLOWED, null);
    }

}
