package org.selfkms.cli;

import java.io.Console;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * What one run of kmsctl gets from its process: the environment, the standard streams and the terminal. A value
 * of its own so that tests run the tool in-process with an environment of their choosing (the process's own
 * cannot be changed from Java).
 *
 * @param console the terminal to prompt on without echo; null when there is none (a pipe, a test)
 */
public record Invocation(Map<String, String> environment, InputStream stdin, PrintStream stdout, PrintStream stderr,
                         Console console) {

    public Invocation {
        environment = Map.copyOf(environment);
        Objects.requireNonNull(stdin);
        Objects.requireNonNull(stdout);
        Objects.requireNonNull(stderr);
    }

    /** The process's own environment, streams and terminal. */
    public static Invocation ofProcess() {
        return new Invocation(System.getenv(), System.in, System.out, System.err, System.console());
    }

    /** An environment variable, or null when it is unset or empty. */
    public String env(String name) {
        String value = environment.get(name);
        return value == null || value.isEmpty() ? null : value;
    }

    /** Names the environment's variables, never their values: SELFKMS_SECRET_KEY may be one of them. */
    @Override
    public String toString() {
        return "Invocation[environment " + new TreeSet<>(environment.keySet()) + ", console " + (console != null) + "]";
    }

    PrintWriter outWriter() {
        return new PrintWriter(new OutputStreamWriter(stdout, StandardCharsets.UTF_8), true);
    }

    PrintWriter errWriter() {
        return new PrintWriter(new OutputStreamWriter(stderr, StandardCharsets.UTF_8), true);
    }
}
