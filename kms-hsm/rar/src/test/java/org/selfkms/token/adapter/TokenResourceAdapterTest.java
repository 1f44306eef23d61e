package org.selfkms.token.adapter;

import jakarta.resource.spi.ResourceAdapterInternalException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.selfkms.token.spi.TokenConfig;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A token that cannot be opened must stop the adapter from starting - WildFly then fails the deployment
 * with this message - instead of leaving a service up that fails every request.
 */
class TokenResourceAdapterTest {

    @TempDir
    Path dir;

    @AfterEach
    void clearProperties() {
        System.clearProperty(TokenConfig.BACKEND_PROPERTY);
        System.clearProperty(TokenConfig.DIRECTORY_PROPERTY);
        System.clearProperty(TokenConfig.PIN_FILE_PROPERTY);
    }

    private void configure(String backend, Path pinFile) {
        System.setProperty(TokenConfig.BACKEND_PROPERTY, backend);
        System.setProperty(TokenConfig.DIRECTORY_PROPERTY, dir.toString());
        System.setProperty(TokenConfig.PIN_FILE_PROPERTY, pinFile.toString());
    }

    @Test
    void startsWithTheRightPinAndRefusesToStartWithAWrongOne() throws Exception {
        Path pin = dir.resolve("token.pin");
        configure("software", pin);
        TokenResourceAdapter adapter = new TokenResourceAdapter();
        adapter.start(null);
        assertEquals("software", adapter.backend().status().backend());
        adapter.stop();

        Files.writeString(pin, "not-the-pin");
        TokenResourceAdapter refused = new TokenResourceAdapter();
        ResourceAdapterInternalException e = assertThrows(ResourceAdapterInternalException.class, () -> refused.start(null));
        assertTrue(e.getMessage().contains("wrong PIN"), e.getMessage());
        assertThrows(org.selfkms.token.TokenException.class, refused::backend, "nothing half-started to use");
    }

    @Test
    void unknownBackendIsAClearStartupError() {
        configure("tpm", dir.resolve("token.pin"));
        ResourceAdapterInternalException e = assertThrows(ResourceAdapterInternalException.class, () -> new TokenResourceAdapter().start(null));
        assertTrue(e.getMessage().contains("unknown token backend 'tpm'"), e.getMessage());
    }
}
