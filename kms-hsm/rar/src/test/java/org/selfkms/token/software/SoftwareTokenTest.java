package org.selfkms.token.software;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.selfkms.token.TokenException;
import org.selfkms.token.WrappedKey;
import org.selfkms.token.spi.TokenConfig;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SoftwareTokenTest {

    @TempDir
    Path dir;

    private TokenConfig config() {
        return new TokenConfig("software", dir, dir.resolve("token.pin"));
    }

    @Test
    void wrapsAndUnwrapsAcrossReopen() throws Exception {
        byte[] material = "0123456789abcdef0123456789abcdef".getBytes();
        WrappedKey wrapped = SoftwareToken.open(config()).wrap(material, "cmk");
        assertEquals(1, wrapped.domainKeyVersion());
        byte[] back = SoftwareToken.open(config()).unwrap(WrappedKey.decode(wrapped.encode()), "cmk");
        assertArrayEquals(material, back);
    }

    @Test
    void refusesOtherPurposeAndTamperedBlob() throws Exception {
        SoftwareToken token = SoftwareToken.open(config());
        WrappedKey wrapped = token.generateWrapped(32, "cmk");
        TokenException wrongPurpose = assertThrows(TokenException.class, () -> token.unwrap(wrapped, "api-secret"));
        assertEquals(TokenException.Reason.INVALID_WRAPPED_KEY, wrongPurpose.reason());
        byte[] blob = wrapped.blob();
        blob[blob.length - 1] ^= 1;
        assertThrows(TokenException.class, () -> token.unwrap(new WrappedKey(1, blob), "cmk"));
        assertThrows(TokenException.class, () -> token.unwrap(new WrappedKey(7, wrapped.blob()), "cmk"));
    }

    @Test
    void pinFileIsPrivateAndWrongPinIsRefused() throws Exception {
        SoftwareToken.open(config());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("token.pin"))));
        Files.writeString(dir.resolve("token.pin"), "wrong-pin");
        TokenException e = assertThrows(TokenException.class, () -> SoftwareToken.open(config()));
        assertEquals(TokenException.Reason.UNAVAILABLE, e.reason());
    }

    @Test
    void wrappedKeyToStringShowsNoMaterial() {
        WrappedKey key = new WrappedKey(3, new byte[]{1, 2, 3, 4});
        assertEquals("WrappedKey[domainKeyVersion=3, 4 bytes]", key.toString());
    }
}
