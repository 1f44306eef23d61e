package org.selfkms.cli.keys;

import jakarta.json.Json;
import org.selfkms.cli.ExitCode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** What names and describes a key: PUT /keys/{keyRef}/alias (UpdateAlias), PATCH /keys/{keyRef} (UpdateKeyDescription). */
final class KeyNamingCommands {

    private KeyNamingCommands() {
    }

    @Command(name = "alias", description = "Give a key a new alias (the old one no longer names it)")
    static final class Alias extends KeyCommand {


        @Parameters(index = "1", paramLabel = "NEW_ALIAS")
        String alias;

        @Override
        public Integer call() {
            server().call("PUT", keyPath("/alias"), Json.createObjectBuilder().add("alias", alias).build());
            output().note("key " + key + " is now " + alias);
            return ExitCode.OK;
        }
    }

    @Command(name = "set-description", description = "Change a key's description (\"\" clears it)")
    static final class SetDescription extends KeyCommand {


        @Parameters(index = "1", paramLabel = "DESCRIPTION")
        String description;

        @Override
        public Integer call() {
            server().call("PATCH", keyPath(""), Json.createObjectBuilder().add("description", description).build());
            output().note("key " + key + " described");
            return ExitCode.OK;
        }
    }
}
