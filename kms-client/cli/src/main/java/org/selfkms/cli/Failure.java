package org.selfkms.cli;

import org.selfkms.cli.session.Connection;
import org.selfkms.cli.session.Connector;
import org.selfkms.cli.session.NotLoggedInException;
import org.selfkms.client.KmsClientException;
import org.selfkms.client.KmsRequestException;
import org.selfkms.client.KmsUnavailableException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;

/** What a failed command tells its caller: the exit code and one line for stderr. */
public record Failure(int exitCode, String message) {

    /**
     * The exit code and message of what a command threw (docs/clients.md, "Exit codes").
     *
     * @param source how the run reached the server, null if it did not: a token refused to a login means that
     *               the login has expired, a credential refused means the credential is wrong
     */
    public static Failure of(Throwable failure, Connection.Source source) {
        if (failure instanceof NotLoggedInException) {
            return new Failure(ExitCode.AUTHENTICATION, failure.getMessage());
        }
        if (failure instanceof UsageException || failure instanceof IllegalArgumentException) {
            return new Failure(ExitCode.USAGE, failure.getMessage());
        }
        if (failure instanceof KmsRequestException refused) {
            return ofRefusal(refused, source);
        }
        if (failure instanceof KmsUnavailableException) {
            return new Failure(ExitCode.UNAVAILABLE, failure.getMessage());
        }
        if (failure instanceof KmsClientException) {
            // what the library finds wrong on this side: a certificate file, an encrypted file that does not authenticate
            return new Failure(ExitCode.LOCAL, failure.getMessage());
        }
        if (failure instanceof UncheckedIOException unchecked) {
            return new Failure(ExitCode.LOCAL, describe(unchecked.getCause(), unchecked.getMessage()));
        }
        if (failure instanceof IOException io) {
            return new Failure(ExitCode.LOCAL, describe(io, io.getMessage()));
        }
        return new Failure(ExitCode.INTERNAL, "internal error: " + failure + " (run with --debug for where)");
    }

    private static Failure ofRefusal(KmsRequestException refused, Connection.Source source) {
        if (refused.isAuthenticationFailure() || "TENANT_SUSPENDED".equals(refused.errorCode())) {
            if (source == Connection.Source.LOGIN && refused.httpStatus() == 401) {
                return new Failure(ExitCode.AUTHENTICATION, Connector.SESSION_EXPIRED);
            }
            return new Failure(ExitCode.AUTHENTICATION, "authentication refused (HTTP " + refused.httpStatus() + "): "
                    + refused.getMessage());
        }
        if (refused.httpStatus() >= 500) {
            return new Failure(ExitCode.UNAVAILABLE, "the server failed (HTTP " + refused.httpStatus() + "): "
                    + refused.getMessage());
        }
        return new Failure(ExitCode.REFUSED, "refused (HTTP " + refused.httpStatus() + "): " + refused.getMessage());
    }

    /** The JDK's file exceptions say only the path; say what happened to it. */
    private static String describe(IOException io, String message) {
        if (io instanceof NoSuchFileException) {
            return "no such file: " + io.getMessage();
        }
        if (io instanceof AccessDeniedException) {
            return "permission denied: " + io.getMessage();
        }
        if (io instanceof FileAlreadyExistsException) {
            return "the file exists already: " + io.getMessage();
        }
        return message;
    }
}
