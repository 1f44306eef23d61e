package org.selfkms.token.pkcs11;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A SoftHSM2 token for tests, initialised in the build folder. The library reads the configuration named by
 * SOFTHSM2_CONF, which the surefire configuration sets for the test JVM; this class writes that file and
 * initialises a token with softhsm2-util (Debian package softhsm2).
 */
final class SoftHsm {

    static final String LIBRARY = "/usr/lib/softhsm/libsofthsm2.so";
    static final String PIN = "it-user-pin-1234";

    private SoftHsm() {
    }

    /**
     * Compiles the outage shim (src/test/c/pkcs11-outage-shim.c): a PKCS#11 module that forwards to SoftHSM2
     * and plays a removed token while the file named by KMS_SHIM_OUTAGE_FILE exists. Needs gcc and the
     * PKCS#11 header of Debian's libp11-kit-dev.
     */
    static Path outageShim() throws IOException, InterruptedException {
        Path source = Path.of("src/test/c/pkcs11-outage-shim.c").toAbsolutePath();
        Path library = Path.of(System.getenv("SOFTHSM2_CONF")).getParent().resolve("pkcs11-outage-shim.so");
        Process gcc = new ProcessBuilder("gcc", "-Wall", "-Werror", "-shared", "-fPIC", "-I/usr/include/p11-kit-1",
                "-o", library.toString(), source.toString(), "-ldl").redirectErrorStream(true).start();
        String output = new String(gcc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (gcc.waitFor() != 0) {
            throw new IllegalStateException("could not build the PKCS#11 outage shim (apt-get install gcc libp11-kit-dev): " + output);
        }
        return library;
    }

    /** @return the slot id of a freshly initialised token */
    static long initToken(String label) throws IOException, InterruptedException {
        String conf = System.getenv("SOFTHSM2_CONF");
        if (conf == null || !Files.isReadable(Path.of(LIBRARY))) {
            throw new IllegalStateException("SoftHSM2 is required for the PKCS#11 tests: apt-get install softhsm2 "
                    + "(and run through Maven, which sets SOFTHSM2_CONF)");
        }
        Path tokens = Path.of(conf).getParent().resolve("tokens");
        Files.createDirectories(tokens);
        Files.writeString(Path.of(conf), "directories.tokendir = " + tokens + "\nobjectstore.backend = file\nlog.level = ERROR\n");
        Process process = new ProcessBuilder("softhsm2-util", "--init-token", "--free", "--label", label,
                "--pin", PIN, "--so-pin", "it-so-pin-5678").redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("softhsm2-util failed: " + output);
        }
        Matcher slot = Pattern.compile("reassigned to slot (\\d+)").matcher(output);
        if (!slot.find()) {
            throw new IllegalStateException("softhsm2-util did not report a slot: " + output);
        }
        return Long.parseLong(slot.group(1));
    }
}
