package org.selfkms.dist;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The release tarball as an operator gets it (docs/install.md, docs/backup.md), on this machine's JDK alone: unpack,
 * start with bin/selfkms, use it through the Tencent Java SDK with the credential the first start wrote, stop it;
 * back it up, delete the installation, unpack the tarball afresh, restore the backup into it, and find every
 * ciphertext decrypting and the audit trail intact - and holding exactly the checkpoint exported before the backup.
 * The tarball's kmsctl (bin/kmsctl, lib/kmsctl.jar) runs on the same JDK and reaches the server.
 *
 * <p>The steps build on each other (one server at a time, on port offset {@code dist.port.offset}).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DistributionIT {

    private static final Path TARBALL = Path.of(System.getProperty("dist.tarball"));
    private static final Path WORK = Path.of(System.getProperty("dist.work.dir"));
    private static final int PORT_OFFSET = Integer.getInteger("dist.port.offset", 570);

    private static Installation installation;
    private static SdkSlice sdk;
    /** ciphertext blob -> the plaintext (Base64) it must decrypt to */
    private static final Map<String, String> CIPHERTEXTS = new LinkedHashMap<>();
    private static String checkpoint;
    private static int recordsBeforeBackup;

    @BeforeAll
    static void unpackTheTarball() throws Exception {
        assertTrue(Files.isRegularFile(TARBALL), "the build made " + TARBALL);
        Installation.run(Path.of("."), List.of("rm", "-rf", WORK.toString()));
        Files.createDirectories(WORK);
        installation = Installation.unpack(TARBALL, WORK.resolve("first"), PORT_OFFSET);
    }

    @AfterAll
    static void noServerOutlivesTheTest() throws Exception {
        if (installation != null && installation.server() != null && installation.server().isAlive()) {
            installation.command("stop");
            installation.server().destroyForcibly();
        }
    }

    @Test
    @Order(1)
    void theTarballHoldsTheServerTheScriptsAndTheDocsButNoRuntimeData() throws Exception {
        Installation.Result listing = Installation.run(WORK, List.of("tar", "-tvzf", TARBALL.toString()));
        assertEquals(0, listing.exitCode(), listing.output());
        String top = TARBALL.getFileName().toString().replaceFirst("\\.tar\\.gz$", "") + "/";
        for (String entry : List.of("bin/selfkms", "bin/standalone.sh", "etc/selfkms.env", "etc/systemd/selfkms.service",
                "docs/install.md", "docs/backup.md", "docs/operations.md", "standalone/deployments/kms.ear",
                "standalone/configuration/standalone.xml", "jboss-modules.jar", "bin/kmsctl", "lib/kmsctl.jar")) {
            assertTrue(listing.output().contains(" " + top + entry + "\n"), "the tarball holds " + entry);
        }
        assertTrue(Pattern.compile("(?m)^-rwxr-xr-x .* " + Pattern.quote(top + "bin/selfkms") + "$").matcher(listing.output()).find(),
                "bin/selfkms is executable");
        assertTrue(Pattern.compile("(?m)^-rwxr-xr-x .* " + Pattern.quote(top + "bin/kmsctl") + "$").matcher(listing.output()).find(),
                "bin/kmsctl is executable");
        for (String runtime : List.of("standalone/data/", "standalone/log/", "standalone/tmp/", "standalone_xml_history")) {
            assertFalse(listing.output().contains(top + runtime), "nothing a run writes: " + runtime);
        }
    }

    @Test
    @Order(2)
    void everySettingOfTheOperationsGuideIsInTheSettingsFile() throws Exception {
        String guide = Files.readString(installation.home.resolve("docs/operations.md"));
        String table = guide.substring(guide.indexOf("## Settings"), guide.indexOf("## Files the service keeps"));
        Set<String> documented = new TreeSet<>();
        Matcher variable = Pattern.compile("`(KMS_[A-Z0-9_]+)`").matcher(table);
        while (variable.find()) {
            documented.add(variable.group(1));
        }
        // the two older names of the PKCS#11 settings, and the switches that must never reach a server that serves
        documented.removeAll(Set.of("KMS_PKCS11_LIBRARY", "KMS_PKCS11_SLOT", "KMS_CLOCK_ADJUSTABLE", "KMS_BENCHMARK_DISCARD_AUDIT"));
        assertTrue(documented.size() > 30, "the table was read: " + documented);
        String settings = Files.readString(installation.home.resolve("etc/selfkms.env"));
        List<String> missing = documented.stream().filter(name -> !settings.contains("#" + name + "=")).toList();
        assertEquals(List.of(), missing, "etc/selfkms.env lists every setting, commented out at its default");
    }

    @Test
    @Order(3)
    void itStartsWithBinSelfkmsAndServesTheSdkWithTheFirstStartsCredential() throws Exception {
        installation.start("first-start");
        sdk = SdkSlice.ofFirstStart(installation);
        CIPHERTEXTS.putAll(sdk.encryptUnderNewKeys(installation, List.of("dist-orders", "dist-invoices")));

        JsonObject version = Rest.get(installation, token(), "/version");
        assertEquals(System.getProperty("dist.version"), version.getString("version"), "the tarball's build answers");
        assertEquals(0, installation.command("status").exitCode());

        // the tarball's kmsctl, with the credential in the environment as scripts give it
        Installation.Result kmsctl = Installation.run(WORK, List.of("env", "SELFKMS_CONFIG_DIR=" + WORK.resolve("kmsctl"),
                "SELFKMS_URL=http://127.0.0.1:" + installation.httpPort(), "SELFKMS_SECRET_ID=" + sdk.secretId,
                "SELFKMS_SECRET_KEY=" + sdk.secretKey, installation.home.resolve("bin/kmsctl").toString(), "version"));
        assertEquals(0, kmsctl.exitCode(), kmsctl.output());
        assertTrue(kmsctl.output().startsWith("kmsctl " + System.getProperty("dist.version") + "\nserver "
                + System.getProperty("dist.version") + " "), kmsctl.output());
    }

    @Test
    @Order(4)
    void aBackupOfARunningServerIsRefused() throws Exception {
        Installation.Result refused = installation.command("backup", WORK.resolve("too-early.tar.gz").toString());
        assertNotEquals(0, refused.exitCode());
        assertTrue(refused.output().contains("is running"), refused.output());
        assertFalse(Files.exists(WORK.resolve("too-early.tar.gz")));
    }

    @Test
    @Order(5)
    void theAuditTrailIsIntactAndItsNewestCheckpointIsExported() throws Exception {
        String bearer = token();
        checkpoint = Rest.getText(installation, bearer, "/audit-records/checkpoints/latest");
        JsonObject verification = Rest.get(installation, bearer, "/audit-records/verification");
        assertTrue(verification.getBoolean("intact"), verification.toString());
        recordsBeforeBackup = verification.getInt("recordsChecked");
        assertTrue(recordsBeforeBackup >= 8, "creates, encryptions, data keys, tokens were recorded: " + verification);
    }

    @Test
    @Order(6)
    void binSelfkmsStopStopsTheServer() throws Exception {
        Installation.Result stop = installation.command("stop");
        assertEquals(0, stop.exitCode(), stop.output());
        assertTrue(installation.server().waitFor(60, TimeUnit.SECONDS), "the started process ended");
        Installation.Result status = installation.command("status");
        assertEquals(3, status.exitCode(), status.output());
        assertTrue(status.output().contains("not running"), status.output());
    }

    @Test
    @Order(7)
    void theBackupHoldsDatabaseTokenAndJournalButNoSecretInPlaintext() throws Exception {
        Path backup = WORK.resolve("selfkms-backup.tar.gz");
        Installation.Result written = installation.command("backup", backup.toString());
        assertEquals(0, written.exitCode(), written.output());
        assertEquals(Set.of(PosixFilePermissions.fromString("rw-------").toArray()),
                Set.of(Files.getPosixFilePermissions(backup).toArray()), "the backup is the server user's only");

        Installation.Result listing = Installation.run(WORK, List.of("tar", "-tzf", backup.toString()));
        List<String> entries = listing.output().lines().toList();
        for (String needed : List.of("selfkms-backup/manifest.properties", "selfkms-backup/data/kmsdb.mv.db",
                "selfkms-backup/data/token/software-token.p12")) {
            assertTrue(entries.contains(needed), needed + " in " + entries);
        }
        assertTrue(entries.stream().anyMatch(entry -> entry.startsWith("selfkms-backup/data/audit-journal")),
                "the audit journal too: " + entries);
        for (String entry : entries) {
            assertFalse(entry.endsWith(".pin") || entry.endsWith("-credentials.txt") || entry.contains("/tls/"),
                    "no plaintext secret: " + entry);
        }

        // the operator keeps the token's PIN apart from the backups (docs/backup.md)
        Path vault = Files.createDirectories(WORK.resolve("vault"));
        Files.copy(installation.dataDir().resolve("token/token.pin"), vault.resolve("token.pin"));
    }

    @Test
    @Order(8)
    void aFreshInstallationGetsTheBackupBackAndRefusesToStartWithoutTheTokensPin() throws Exception {
        installation.delete();
        installation = Installation.unpack(TARBALL, WORK.resolve("second"), PORT_OFFSET);

        Installation.Result restored = installation.command("restore", WORK.resolve("selfkms-backup.tar.gz").toString());
        assertEquals(0, restored.exitCode(), restored.output());
        assertTrue(restored.output().contains("put the PIN file back"), "restore names what is missing: " + restored.output());
        assertTrue(Files.isRegularFile(installation.dataDir().resolve("kmsdb.mv.db")));

        Installation.Result withoutPin = installation.command("start");
        assertNotEquals(0, withoutPin.exitCode(), "no start that would generate a PIN the keystore does not open with");
        assertTrue(withoutPin.output().contains("not started"), withoutPin.output());
        assertFalse(Files.exists(installation.dataDir().resolve("token/token.pin")));

        Path pin = installation.dataDir().resolve("token/token.pin");
        Files.copy(WORK.resolve("vault/token.pin"), pin);
        Files.setPosixFilePermissions(pin, PosixFilePermissions.fromString("rw-------"));
    }

    @Test
    @Order(9)
    void theRestoredInstallationDecryptsEveryCiphertextAndItsTrailHoldsTheExportedCheckpoint() throws Exception {
        installation.start("restored-start");
        assertFalse(Files.exists(installation.dataDir().resolve("bootstrap-credentials.txt")),
                "not a first start: the restored tenant and credential are there");

        assertEquals(4, CIPHERTEXTS.size());
        sdk.assertDecrypts(installation, CIPHERTEXTS);

        String bearer = token();
        JsonObject verification = Rest.get(installation, bearer, "/audit-records/verification");
        assertTrue(verification.getBoolean("intact"), verification.toString());
        assertTrue(verification.getInt("recordsChecked") > recordsBeforeBackup,
                "the records from before the backup and the ones since: " + verification);
        JsonObject againstCheckpoint = Rest.post(installation, bearer, "/audit-records/verification", checkpoint);
        assertTrue(againstCheckpoint.getBoolean("intact"), "the restored database holds the exported checkpoint: "
                + againstCheckpoint);

        assertEquals(0, installation.command("stop").exitCode());
        assertTrue(installation.server().waitFor(60, TimeUnit.SECONDS));
        assertEquals(3, installation.command("status").exitCode());
    }

    @Test
    @Order(10)
    void restoredInPlaceTheInstallationKeepsItsPinAndHttpsKeyAndSetsTheFormerFilesAside() throws Exception {
        Path data = installation.dataDir();
        String pin = Files.readString(data.resolve("token/token.pin"));
        byte[] httpsKeyStore = Files.readAllBytes(data.resolve("tls/server.p12"));

        Installation.Result restored = installation.command("restore", WORK.resolve("selfkms-backup.tar.gz").toString());
        assertEquals(0, restored.exitCode(), restored.output());
        assertEquals(pin, Files.readString(data.resolve("token/token.pin")), "no PIN to fetch from the vault");
        assertArrayEquals(httpsKeyStore, Files.readAllBytes(data.resolve("tls/server.p12")), "clients keep trusting it");
        try (var entries = Files.list(data)) {
            List<Path> setAside = entries.filter(path -> path.getFileName().toString().startsWith(".before-restore-")).toList();
            assertEquals(1, setAside.size(), "the former files, kept: " + setAside);
            assertTrue(Files.isRegularFile(setAside.get(0).resolve("kmsdb.mv.db")));
        }
        assertTrue(restored.output().contains("start it with bin/selfkms start"), restored.output());
    }

    @Test
    @Order(11)
    void theSystemdUnitPassesSystemdsOwnCheck() throws Exception {
        assumeTrue(Installation.run(WORK, List.of("sh", "-c", "command -v systemd-analyze")).exitCode() == 0,
                "systemd-analyze (Debian's systemd) checks the unit where it is installed");
        // the unit names /opt/selfkms; here the installation is elsewhere
        String unit = Files.readString(installation.home.resolve("etc/systemd/selfkms.service"))
                .replace("/opt/selfkms", installation.home.toString());
        Path copy = Files.writeString(WORK.resolve("selfkms.service"), unit);
        Installation.Result verified = Installation.run(WORK, List.of("systemd-analyze", "verify", copy.toString()));
        assertEquals(0, verified.exitCode(), verified.output());
        assertEquals("", verified.output().strip(), "no warning either");
    }

    private static String token() throws Exception {
        return sdk.token(installation);
    }
}
