package org.selfkms.cli;

import org.selfkms.cli.output.Output;
import org.selfkms.client.RestV1Session;

import java.util.concurrent.Callable;

/** A command that does something: it gets the run from {@link CommandFactory} and answers an {@link ExitCode}. */
public abstract class KmsctlCommand implements Callable<Integer> {

    private Run run;

    final void attach(Run run) {
        this.run = run;
    }

    protected Run run() {
        return run;
    }

    protected RestV1Session server() {
        return run.server();
    }

    protected Output output() {
        return run.output();
    }
}
