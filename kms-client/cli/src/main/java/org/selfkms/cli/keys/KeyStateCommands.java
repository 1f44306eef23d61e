package org.selfkms.cli.keys;

import org.selfkms.cli.ExitCode;
import picocli.CommandLine.Command;

/** The key's state changes that take no body and answer no content: POST /keys/{keyRef}/{action}. */
final class KeyStateCommands {

    private KeyStateCommands() {
    }

    abstract static class StateChange extends KeyCommand {


        private final String action;
        private final String done;

        StateChange(String action, String done) {
            this.action = action;
            this.done = done;
        }

        @Override
        public Integer call() {
            server().post(keyPath("/" + action), null);
            output().note("key " + key + " " + done);
            return ExitCode.OK;
        }
    }

    @Command(name = "enable", description = "Enable a key")
    static final class Enable extends StateChange {
        Enable() {
            super("enable", "enabled");
        }
    }

    @Command(name = "disable", description = "Disable a key: it neither encrypts nor decrypts until enabled")
    static final class Disable extends StateChange {
        Disable() {
            super("disable", "disabled");
        }
    }

    @Command(name = "archive", description = "Archive a key: it only decrypts")
    static final class Archive extends StateChange {
        Archive() {
            super("archive", "archived");
        }
    }

    @Command(name = "unarchive", description = "Take a key out of the archive")
    static final class Unarchive extends StateChange {
        Unarchive() {
            super("unarchive", "unarchived");
        }
    }
}
