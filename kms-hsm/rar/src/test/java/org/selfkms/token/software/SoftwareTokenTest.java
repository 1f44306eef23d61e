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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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

    /** Opened at once on an empty directory, as nodes sharing it do: one domain key, which every opener holds. */
    @Test
    void openersOfAnEmptyTokenAtOnceShareOneDomainKey() throws Exception {
        ExecutorService openers = Executors.newFixedThreadPool(4);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<SoftwareToken>> opened = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                opened.add(openers.submit(() -> {
                    start.await();
                    return SoftwareToken.open(config());
                }));
            }
            start.countDown();
            WrappedKey wrapped = opened.get(0).get().generateWrapped(32, "test");
            byte[] material = opened.get(0).get().unwrap(wrapped, "test");
            for (Future<SoftwareToken> token : opened) {
                assertArrayEquals(material, token.get().unwrap(wrapped, "test"));
            }
        } finally {
            openers.shutdown();
        }
    }

    @Test
    void wrappedKeyToStringShowsNoMaterial() {
        assertEquals("WrappedKey[domainKeyVersion=3, 4 bytes]", new WrappedKey(3, new byte[]{1, 2, 3, 4}).toString());
    }
}
