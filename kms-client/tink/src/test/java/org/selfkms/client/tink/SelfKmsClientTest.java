package org.selfkms.client.tink;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SelfKmsClientTest {

    private final FakeKms kms = new FakeKms();
    private final String orders = kms.createKey("orders");

    @Test
    void anUnboundClientSupportsEverySelfKmsUri() {
        SelfKmsClient client = SelfKmsClient.of(kms);
        assertTrue(client.doesSupport("selfkms://orders"));
        assertTrue(client.doesSupport("selfkms://" + orders));
        assertFalse(client.doesSupport("gcp-kms://projects/p/locations/l/keyRings/r/cryptoKeys/k"));
        assertFalse(client.doesSupport(null));
    }

    @Test
    void aBoundClientSupportsItsKeyOnly() throws GeneralSecurityException {
        SelfKmsClient client = SelfKmsClient.of(kms).boundTo("selfkms://orders");
        assertTrue(client.doesSupport("selfkms://orders"));
        assertTrue(client.doesSupport("selfkms://alias/orders"));
        assertFalse(client.doesSupport("selfkms://invoices"));
        assertFalse(client.doesSupport("selfkms://" + orders));
        GeneralSecurityException e = assertThrows(GeneralSecurityException.class, () -> client.getAead("selfkms://invoices"));
        assertEquals("This SelfKmsClient is for selfkms://orders only, not for selfkms://invoices", e.getMessage());
        byte[] secret = {1, 2, 3};
        assertArrayEquals(secret, client.getAead("selfkms://orders").decrypt(client.getAead("selfkms://orders").encrypt(secret, null), null));
    }

    @Test
    void aMalformedUriIsRefusedWhereItIsGiven() {
        assertThrows(IllegalArgumentException.class, () -> new SelfKmsClient("selfkms://a/b"));
        assertThrows(IllegalArgumentException.class, () -> SelfKmsClient.of(kms).boundTo("aws-kms://x"));
        GeneralSecurityException e = assertThrows(GeneralSecurityException.class, () -> SelfKmsClient.of(kms).getAead("selfkms://a b"));
        assertTrue(e.getMessage().contains("names neither a key id"), e.getMessage());
    }

    @Test
    void aClientWithoutServerSaysHowToGiveItOne() {
        GeneralSecurityException e = assertThrows(GeneralSecurityException.class, () -> new SelfKmsClient().getAead("selfkms://orders"));
        assertTrue(e.getMessage().contains("withCredentials"), e.getMessage());
    }

    @Test
    void aCredentialsFileNamesWhatItLacks(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("selfkms.properties"), "SELFKMS_URL=https://kms.example.com\nSELFKMS_SECRET_KEY=s3cret\n");
        GeneralSecurityException e = assertThrows(GeneralSecurityException.class, () -> new SelfKmsClient().withCredentials(file.toString()));
        assertEquals("The credentials file " + file + " does not set SELFKMS_SECRET_ID", e.getMessage());
        GeneralSecurityException missing = assertThrows(GeneralSecurityException.class,
                () -> new SelfKmsClient().withCredentials(dir.resolve("absent").toString()));
        assertTrue(missing.getMessage().startsWith("Cannot read the SelfKMS credentials file"), missing.getMessage());
    }

    @Test
    void theEnvironmentNamesWhatItLacks() {
        Map<String, String> environment = Map.of("SELFKMS_CA", "/etc/selfkms/ca.pem");
        GeneralSecurityException e = assertThrows(GeneralSecurityException.class,
                () -> ServerSettings.from(environment::get, "The environment", Path.of("")));
        assertEquals("The environment does not set SELFKMS_URL, SELFKMS_SECRET_ID, SELFKMS_SECRET_KEY", e.getMessage());
    }

    @Test
    void theServerAddressMustBeHttpWithoutAPath(@TempDir Path dir) throws IOException {
        Path file = credentials(dir, "https://kms.example.com/api/v1");
        GeneralSecurityException e = assertThrows(GeneralSecurityException.class, () -> new SelfKmsClient().withCredentials(file.toString()));
        assertTrue(e.getMessage().contains("not the server's http(s) address without a path"), e.getMessage());
        assertFalse(e.getMessage().contains("s3cret"));
    }

    @Test
    void aRelativeCaFileIsBesideTheCredentialsFile(@TempDir Path dir) throws IOException, GeneralSecurityException {
        Path file = Files.writeString(dir.resolve("selfkms.properties"), "SELFKMS_URL = https://kms.example.com/\n"
                + "SELFKMS_SECRET_ID=AKIDx\nSELFKMS_SECRET_KEY=s3cret\nSELFKMS_CA=certs/ca.pem\n");
        ServerSettings settings = ServerSettings.fromFile(file);
        assertEquals(dir.toAbsolutePath().resolve("certs/ca.pem"), settings.caFile());
        assertEquals("https://kms.example.com/", settings.server().toString());
        assertEquals("s3cret", settings.credential().secretKey());
        assertFalse(settings.toString().contains("s3cret"), settings.toString());
        assertNull(ServerSettings.fromFile(credentials(dir, "http://127.0.0.1:8180")).caFile());
    }

    @Test
    void anUnreachableServerFailsAtWithCredentials(@TempDir Path dir) throws IOException {
        // port 9 (discard) on the loopback: nothing listens there on a test machine, so the connection is refused at once
        Path file = credentials(dir, "http://127.0.0.1:9");
        GeneralSecurityException e = assertThrows(GeneralSecurityException.class, () -> new SelfKmsClient().withCredentials(file.toString()));
        assertTrue(e.getMessage().startsWith("Cannot log in to SelfKMS at http://127.0.0.1:9 as AKIDx: The KMS at"), e.getMessage());
        assertFalse(e.getMessage().contains("s3cret"));
    }

    /** A credentials file of a SecretId and SecretKey for that server address. */
    private static Path credentials(Path dir, String url) throws IOException {
        return Files.writeString(dir.resolve("other.properties"),
                "SELFKMS_URL=" + url + "\nSELFKMS_SECRET_ID=AKIDx\nSELFKMS_SECRET_KEY=s3cret\n");
    }
}
