package org.selfkms.cli.keys;

import jakarta.json.Json;
import org.selfkms.cli.ExitCode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Scheduled deletion: POST /keys/{keyRef}/schedule-deletion and .../cancel-deletion. */
final class KeyDeletionCommands {

    private KeyDeletionCommands() {
    }

    @Command(name = "schedule-deletion", description = "Delete a disabled key after DAYS days (7-30)")
    static final class Schedule extends KeyCommand {


        @Option(names = "--days", required = true, paramLabel = "DAYS", description = "The pending window, 7-30 days")
        int days;

        @Override
        public Integer call() {
            output().object(server().post(keyPath("/schedule-deletion"),
                    Json.createObjectBuilder().add("pendingWindowInDays", days).build()));
            return ExitCode.OK;
        }
    }

    @Command(name = "cancel-deletion", description = "Cancel a scheduled deletion; the key is Disabled again")
    static final class Cancel extends KeyStateCommands.StateChange {
        Cancel() {
            super("cancel-deletion", "no longer pending deletion (Disabled)");
        }
    }
}
