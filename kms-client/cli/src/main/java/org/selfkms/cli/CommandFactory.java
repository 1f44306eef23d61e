package org.selfkms.cli;

import picocli.CommandLine;

/** Picocli's factory, which also hands every {@link KmsctlCommand} the run it belongs to. */
final class CommandFactory implements CommandLine.IFactory {

    private final Run run;
    private final CommandLine.IFactory defaults = CommandLine.defaultFactory();

    CommandFactory(Run run) {
        this.run = run;
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
        K instance = defaults.create(type);
        if (instance instanceof KmsctlCommand command) {
            command.attach(run);
        }
        return instance;
    }
}
