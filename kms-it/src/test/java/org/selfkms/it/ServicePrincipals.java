package org.selfkms.it;

import com.tencentcloudapi.kms.v20190118.KmsClient;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The service principals kms-it asks for with {@code KMS_BOOTSTRAP_SERVICES} (see the pom), picked up the
 * way an operator does: from the 0600 file the server wrote into its data directory.
 */
final class ServicePrincipals {

    private ServicePrincipals() {
    }

    /** An SDK client signed with the service's own SecretId/SecretKey. */
    static KmsClient client(String service) throws IOException {
        String[] credential = credential(service);
        return DeployedKms.kms(credential[0], credential[1]);
    }

    /** The service's SecretId and SecretKey. */
    static String[] credential(String service) throws IOException {
        Path file = DeployedKms.dataDir().resolve("service-" + service + "-credentials.txt");
        assertEquals(EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
                Files.getPosixFilePermissions(file), "only the server's user may read a service secret");
        List<String> lines = Files.readAllLines(file);
        return new String[]{value(lines, "SecretId: "), value(lines, "SecretKey: ")};
    }

    private static String value(List<String> lines, String prefix) {
        return lines.stream().filter(l -> l.startsWith(prefix)).map(l -> l.substring(prefix.length()).trim())
                .findFirst().orElseThrow(() -> new AssertionError("no '" + prefix + "' line in the service credentials file"));
    }
}
