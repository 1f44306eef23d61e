package org.selfkms.cli.session;

import org.selfkms.cli.Invocation;
import org.selfkms.cli.UsageException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Where a secret typed for kmsctl comes from. Never from an argument: arguments end up in shell history and in
 * every process listing. From standard input when asked (--secret-key-stdin, for a secrets manager's pipe), else
 * from an environment variable, else prompted on the terminal without echo.
 */
final class SecretKeyReader {

    private final Invocation invocation;

    SecretKeyReader(Invocation invocation) {
        this.invocation = invocation;
    }

    /** The first line of standard input, without its line break. */
    String fromStdin(String what) {
        try {
            String line = new BufferedReader(new InputStreamReader(invocation.stdin(), StandardCharsets.UTF_8)).readLine();
            if (line == null || line.isEmpty()) {
                throw new UsageException("no " + what + " on standard input");
            }
            return line;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the " + what + " from standard input: " + e.getMessage(), e);
        }
    }

    /** The environment variable, else a prompt without echo; a usage error when neither exists. */
    String fromEnvironmentOrTerminal(String variable, String what, String stdinOption) {
        String value = invocation.env(variable);
        if (value != null) {
            return value;
        }
        if (invocation.console() != null) {
            char[] typed = invocation.console().readPassword("%s: ", what);
            if (typed != null && typed.length > 0) {
                return new String(typed);
            }
        }
        throw new UsageException("no " + what + ": set " + variable + ", pass " + stdinOption + " or run in a terminal");
    }

    /** A value that is not secret (a SecretId): the environment variable, else a prompt with echo. */
    String visible(String variable, String what, String option) {
        String value = invocation.env(variable);
        if (value != null) {
            return value;
        }
        if (invocation.console() != null) {
            String typed = invocation.console().readLine("%s: ", what);
            if (typed != null && !typed.isBlank()) {
                return typed.strip();
            }
        }
        throw new UsageException("no " + what + ": pass " + option + " or set " + variable);
    }
}
