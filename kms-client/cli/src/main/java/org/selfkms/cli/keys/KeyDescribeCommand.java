package org.selfkms.cli.keys;

import org.selfkms.cli.ExitCode;
import picocli.CommandLine.Command;

/** GET /api/v1/keys/{keyRef}. */
@Command(name = "describe", description = "Show a key")
final class KeyDescribeCommand extends KeyCommand {


    @Override
    public Integer call() {
        output().object(server().get(keyPath("")));
        return ExitCode.OK;
    }
}
