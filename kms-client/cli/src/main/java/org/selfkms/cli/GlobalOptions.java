package org.selfkms.cli;

import org.selfkms.cli.output.OutputFormat;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

import java.net.URI;
import java.nio.file.Path;

/** The options every command takes, before or after its name. One instance per run, shared by all commands. */
public final class GlobalOptions {

    @Option(names = {"-o", "--output"}, scope = ScopeType.INHERIT, paramLabel = "FORMAT",
            description = "table (default: aligned columns for people) or json (the server's JSON, one line, for jq)")
    OutputFormat output = OutputFormat.table;

    @Option(names = "--server", scope = ScopeType.INHERIT, paramLabel = "URL",
            description = "The server (https://kms.example.com), instead of the logged-in one or SELFKMS_URL")
    URI server;

    @Option(names = "--cacert", scope = ScopeType.INHERIT, paramLabel = "PEM",
            description = "Trust only the certificates in this PEM file for HTTPS (a server with its own certificate); "
                    + "also SELFKMS_CACERT")
    Path cacert;

    @Option(names = "--debug", scope = ScopeType.INHERIT,
            description = "On errors, print the stack trace too")
    boolean debug;

    public OutputFormat output() {
        return output;
    }

    /** --server, or null. */
    public URI server() {
        return server;
    }

    /** --cacert, or null. */
    public Path cacert() {
        return cacert;
    }

    public boolean debug() {
        return debug;
    }
}
