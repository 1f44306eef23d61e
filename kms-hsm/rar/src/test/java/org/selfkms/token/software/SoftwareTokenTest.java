package org.selfkms.token.software;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.selfkms.token.TokenException;
import org.selfkms.token.WrappedKey;
import org.selfkms.token.spi.TokenBackend;
import org.selfkms.token.spi.TokenBackendContract;
import org.selfkms.token.spi.TokenConfig;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SoftwareTokenTest extends TokenBackendContract {

    @TempDir
    Path dir;

    private TokenConfig config() {
        return new TokenConfig("software", dir, dir.resolve("token.pin"), "", "index:0");
    }

    @Override
    protected TokenBackend open() throws Exception {
        return SoftwareToken.open(config());
    }

    @Test
    void pinFileIsPrivateAndWrongPinIsRefused() throws Exception {
        SoftwareToken.open(config()).close();
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("token.pin"))));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
        Files.writeString(dir.resolve("token.pin"), "wrong-pin");
        TokenException e = assertThrows(TokenException.class, () -> SoftwareToken.open(config()));
        assertEquals(TokenException.Reason.UNAVAILABLE, e.reason());
    }

    @Test
    void wrappedKeyToStringShowsNoMaterial() {
        assertEquals("WrappedKey[domainKeyVersion=3, 4 bytes]", new WrappedKey(3, new byte[]{1, 2, 3, 4}).toString());
    }
}
