package org.selfkms.cli;

import picocli.CommandLine;

/** Prints a failed command's message on stderr - a stack trace only with --debug - and answers its exit code. */
final class FailureHandler implements CommandLine.IExecutionExceptionHandler {

    private final Run run;

    FailureHandler(Run run) {
        this.run = run;
    }

    @Override
    public int handleExecutionException(Exception exception, CommandLine commandLine, CommandLine.ParseResult parsed) {
        Failure failure = Failure.of(exception, run.connectionSource());
        commandLine.getErr().println("kmsctl: " + failure.message());
        if (run.options().debug()) {
            exception.printStackTrace(commandLine.getErr());
        }
        commandLine.getErr().flush();
        return failure.exitCode();
    }
}
