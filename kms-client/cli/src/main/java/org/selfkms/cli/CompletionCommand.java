package org.selfkms.cli;

import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** A bash (and zsh) completion script: {@code source <(kmsctl completion)}. */
@Command(name = "completion", description = "Print a bash/zsh completion script: source <(kmsctl completion)")
final class CompletionCommand extends KmsctlCommand {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        run().invocation().stdout().print(AutoComplete.bash("kmsctl", spec.root().commandLine()));
        run().invocation().stdout().flush();
        return ExitCode.OK;
    }
}
