package org.selfkms.cli;

import org.selfkms.cli.output.Output;
import org.selfkms.cli.session.Connection;
import org.selfkms.cli.session.Connector;
import org.selfkms.client.RestV1Session;

/**
 * One run of kmsctl, shared by the commands it parses into: the invocation, the global options, the output, and
 * the connection to the server, made at the first request (so that --help, completion and usage errors need none).
 */
public final class Run {

    private final Invocation invocation;
    private final GlobalOptions options;
    private Connection connection;

    Run(Invocation invocation, GlobalOptions options) {
        this.invocation = invocation;
        this.options = options;
    }

    public Invocation invocation() {
        return invocation;
    }

    public GlobalOptions options() {
        return options;
    }

    /** In the format of -o, which is parsed by the time a command runs. */
    public Output output() {
        return new Output(options.output(), invocation.stdout());
    }

    public Connector connector() {
        return new Connector(invocation, options);
    }

    /** The server, connected on first use. */
    public RestV1Session server() {
        if (connection == null) {
            connection = connector().connect();
        }
        return connection.session();
    }

    /** How this run reached the server, or null before it did: refusals read differently for a login and a credential. */
    Connection.Source connectionSource() {
        return connection == null ? null : connection.source();
    }
}
