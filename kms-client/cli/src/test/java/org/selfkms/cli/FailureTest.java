package org.selfkms.cli;

import org.selfkms.cli.session.Connection;
import org.selfkms.cli.session.NotLoggedInException;
import org.selfkms.client.KmsClientException;
import org.selfkms.client.KmsRequestException;
import org.selfkms.client.KmsUnavailableException;
import org.selfkms.client.envelope.MessageAuthenticationException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.nio.file.NoSuchFileException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FailureTest {

    @Test
    void aRefusedTokenOfTheLoginMeansTheSessionExpired() {
        KmsRequestException refused = new KmsRequestException(401, "AUTH_SIGNATURE_EXPIRED", "The token expired", "r1");
        assertEquals(new Failure(3, "session expired: run kmsctl login"), Failure.of(refused, Connection.Source.LOGIN));
    }

    @Test
    void refusedCredentialsAndASuspendedTenantAreAuthenticationFailuresWithTheirCode() {
        Failure credentials = Failure.of(new KmsRequestException(401, "AUTH_LOGIN_FAILED", "The API credentials are not valid", "r2"),
                Connection.Source.ENVIRONMENT);
        assertEquals(3, credentials.exitCode());
        assertTrue(credentials.message().contains("AUTH_LOGIN_FAILED") && credentials.message().contains("r2"), credentials.message());
        assertEquals(3, Failure.of(new KmsRequestException(403, "TENANT_SUSPENDED", "suspended", "r3"), null).exitCode());
        assertEquals(3, Failure.of(new NotLoggedInException("not logged in"), null).exitCode());
    }

    @Test
    void aRefusalShowsStatusCodeDetailAndRequestId() {
        Failure notFound = Failure.of(new KmsRequestException(404, "KEY_NOT_FOUND", "The key does not exist", "3f0b"),
                Connection.Source.LOGIN);
        assertEquals(new Failure(4, "refused (HTTP 404): KEY_NOT_FOUND: The key does not exist (request 3f0b)"), notFound);
        assertEquals(4, Failure.of(new KmsRequestException(403, "UNAUTHORIZED", "role", "r"), Connection.Source.LOGIN).exitCode(),
                "a role refusal is the server refusing, not a failed login");
        assertEquals(4, Failure.of(new KmsRequestException(409, "KEY_DISABLED", "disabled", "r"), null).exitCode());
    }

    @Test
    void serverFailuresAndUnreachableServersAreUnavailable() {
        assertEquals(5, Failure.of(new KmsRequestException(503, "TOKEN_UNAVAILABLE", "HSM away", "r"), null).exitCode());
        assertEquals(5, Failure.of(new KmsRequestException(500, "INTERNAL", "oops", "r"), null).exitCode());
        assertEquals(5, Failure.of(new KmsUnavailableException("did not answer", new ConnectException()), null).exitCode());
    }

    @Test
    void localFilesAndMessagesThatDoNotVerifyAreLocalFailures() {
        Failure missing = Failure.of(new UncheckedIOException("in.bin", new NoSuchFileException("in.bin")), null);
        assertEquals(new Failure(6, "no such file: in.bin"), missing);
        assertEquals(6, Failure.of(new IOException("disk full"), null).exitCode());
        assertEquals(6, Failure.of(new MessageAuthenticationException("frame tag"), null).exitCode());
        assertEquals(6, Failure.of(new KmsClientException("No certificate in ca.pem"), null).exitCode());
    }

    @Test
    void usageMistakesFoundLateAreUsageErrorsAndBugsAreInternal() {
        assertEquals(2, Failure.of(new UsageException("no server"), null).exitCode());
        assertEquals(2, Failure.of(new IllegalArgumentException("empty context name"), null).exitCode());
        Failure bug = Failure.of(new NullPointerException("x"), null);
        assertEquals(70, bug.exitCode());
        assertTrue(bug.message().contains("--debug"));
    }
}
