package org.selfkms.dist;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * docs/backup.md's PostgreSQL procedure, step by step, on the tarball: an installation on PostgreSQL is used, its
 * database dumped with pg_dump and its token backed up with bin/selfkms while it runs; then the installation and the
 * database are destroyed, the dump is restored with pg_restore into a new database and the token's backup into a
 * fresh unpack - and every ciphertext decrypts, and the trail verifies against the checkpoint exported before.
 *
 * <p>Needs a PostgreSQL, as {@code KMS_DB_URL} (with {@code KMS_DB_USER}, {@code KMS_DB_PASSWORD}) in the
 * environment, and its command-line tools: CI's PostgreSQL pass runs it; without the variable it is skipped.
 */
class DistributionPostgresqlIT {

    private static final Path TARBALL = Path.of(System.getProperty("dist.tarball"));
    private static final Path WORK = Path.of(System.getProperty("dist.work.dir")).resolveSibling("distribution-postgresql-it");
    private static final int PORT_OFFSET = Integer.getInteger("dist.port.offset", 570) + 10;

    private static String host;
    private static String port;
    private static String user;
    private static String password;
    private static String database;
    private static Installation installation;

    @BeforeAll
    static void aDatabaseOfItsOwn() throws Exception {
        String url = System.getenv("KMS_DB_URL");
        assumeTrue(url != null && url.startsWith("jdbc:postgresql://"),
                "a PostgreSQL (KMS_DB_URL): CI's PostgreSQL pass runs this test");
        Matcher server = Pattern.compile("jdbc:postgresql://([^:/]+)(?::(\\d+))?/.*").matcher(url);
        assertTrue(server.matches(), url);
        host = server.group(1);
        port = server.group(2) == null ? "5432" : server.group(2);
        user = System.getenv().getOrDefault("KMS_DB_USER", "kms");
        password = System.getenv().getOrDefault("KMS_DB_PASSWORD", "");
        database = "kms_dist_it_" + ProcessHandle.current().pid();
        Installation.run(Path.of("."), List.of("rm", "-rf", WORK.toString()));
        Files.createDirectories(WORK);
        postgres("dropdb", "--if-exists", database);
        postgres("createdb", database);
    }

    @AfterAll
    static void dropTheDatabase() throws Exception {
        if (installation != null && installation.server() != null && installation.server().isAlive()) {
            installation.command("stop");
            installation.server().destroyForcibly();
        }
        if (database != null) {
            postgres("dropdb", "--if-exists", database);
        }
    }

    @Test
    void anInstallationComesBackFromItsPgDumpAndItsTokensBackup() throws Exception {
        installation = unpack("first");
        installation.start("first-start");
        SdkSlice sdk = SdkSlice.ofFirstStart(installation);
        Map<String, String> ciphertexts = sdk.encryptUnderNewKeys(installation, List.of("pg-orders", "pg-invoices"));
        String checkpoint = Rest.getText(installation, sdk.token(installation), "/audit-records/checkpoints/latest");

        // online, as documented: the database with pg_dump, the token's files with bin/selfkms
        Path dump = WORK.resolve("kms.dump");
        postgres("pg_dump", "--format=custom", "--file=" + dump, database);
        Path tokenBackup = WORK.resolve("selfkms-token.tar.gz");
        Installation.Result backup = installation.command("backup", tokenBackup.toString());
        assertEquals(0, backup.exitCode(), backup.output());
        List<String> entries = Installation.run(WORK, List.of("tar", "-tzf", tokenBackup.toString())).output().lines().toList();
        assertTrue(entries.contains("selfkms-backup/data/token/software-token.p12"), entries.toString());
        assertFalse(entries.stream().anyMatch(entry -> entry.endsWith(".mv.db") || entry.endsWith(".pin")), entries.toString());
        Path vault = Files.createDirectories(WORK.resolve("vault"));
        Files.copy(installation.dataDir().resolve("token/token.pin"), vault.resolve("token.pin"));

        assertEquals(0, installation.command("stop").exitCode());
        assertTrue(installation.server().waitFor(60, TimeUnit.SECONDS));
        installation.delete();
        postgres("dropdb", database);

        postgres("createdb", database);
        postgres("pg_restore", "--no-owner", "--dbname=" + database, dump.toString());
        installation = unpack("second");
        Installation.Result restore = installation.command("restore", tokenBackup.toString());
        assertEquals(0, restore.exitCode(), restore.output());
        Path pin = installation.dataDir().resolve("token/token.pin");
        Files.copy(vault.resolve("token.pin"), pin);
        Files.setPosixFilePermissions(pin, PosixFilePermissions.fromString("rw-------"));
        installation.start("restored-start");

        sdk.assertDecrypts(installation, ciphertexts);
        JsonObject verification = Rest.post(installation, sdk.token(installation), "/audit-records/verification", checkpoint);
        assertTrue(verification.getBoolean("intact"), "the restored database holds the exported checkpoint: " + verification);

        assertEquals(0, installation.command("stop").exitCode());
        assertTrue(installation.server().waitFor(60, TimeUnit.SECONDS));
    }

    private static Installation unpack(String name) throws Exception {
        Installation unpacked = Installation.unpack(TARBALL, WORK.resolve(name), PORT_OFFSET);
        unpacked.settings("KMS_DB=postgresql", "KMS_DB_URL=jdbc:postgresql://" + host + ":" + port + "/" + database,
                "KMS_DB_USER=" + user, "KMS_DB_PASSWORD=" + password);
        return unpacked;
    }

    /** A PostgreSQL command-line tool against the test's server, as the test's database user. */
    private static void postgres(String tool, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(tool, "--host=" + host, "--port=" + port, "--username=" + user,
                "--no-password"));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PGPASSWORD", password);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), tool + " finished");
        assertEquals(0, process.exitValue(), String.join(" ", command) + ": " + output);
    }
}
