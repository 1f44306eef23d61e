package org.selfkms.cli.keys;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.selfkms.cli.CommandGroup;
import org.selfkms.cli.ExitCode;
import org.selfkms.cli.output.Column;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.List;

/** Rotation and versions: POST /keys/{keyRef}/rotate, /rotation, /rotation/enable|disable, GET /versions. */
final class KeyRotationCommands {

    private KeyRotationCommands() {
    }

    @Command(name = "rotate", description = "Rotate a key now: a new version encrypts, the older ones keep decrypting")
    static final class Rotate extends KeyCommand {


        @Override
        public Integer call() {
            output().object(server().post(keyPath("/rotate"), null));
            return ExitCode.OK;
        }
    }

    @Command(name = "rotation", description = "Automatic rotation of a key",
            subcommands = {RotationStatus.class, RotationEnable.class, RotationDisable.class})
    static final class Rotation extends CommandGroup {
    }

    @Command(name = "status", description = "Whether the key rotates automatically")
    static final class RotationStatus extends KeyCommand {


        @Override
        public Integer call() {
            output().object(server().get(keyPath("/rotation")));
            return ExitCode.OK;
        }
    }

    @Command(name = "enable", description = "Rotate the key automatically")
    static final class RotationEnable extends KeyCommand {


        @Option(names = "--days", paramLabel = "DAYS", description = "Every DAYS days, 7-365 (server default 365)")
        Integer days;

        @Override
        public Integer call() {
            JsonObject body = days == null ? JsonObject.EMPTY_JSON_OBJECT : Json.createObjectBuilder().add("rotateDays", days).build();
            server().post(keyPath("/rotation/enable"), body);
            output().note("key " + key + " rotates automatically" + (days == null ? "" : " every " + days + " days"));
            return ExitCode.OK;
        }
    }

    @Command(name = "disable", description = "Stop rotating the key automatically")
    static final class RotationDisable extends KeyStateCommands.StateChange {
        RotationDisable() {
            super("rotation/disable", "no longer rotates automatically");
        }
    }

    @Command(name = "versions", description = "The key's versions, oldest first")
    static final class Versions extends KeyCommand {


        @Override
        public Integer call() {
            output().list(server().get(keyPath("/versions")), "versions", List.of(
                    Column.field("VERSION", "version"), Column.field("CURRENT", "current"), Column.field("CREATED", "createTime")));
            return ExitCode.OK;
        }
    }
}
