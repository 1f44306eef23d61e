package org.selfkms.cli.keys;

import org.selfkms.cli.CommandGroup;
import org.selfkms.cli.output.Column;
import picocli.CommandLine.Command;

import java.util.List;

/** {@code kmsctl keys ...}: the key resources of the REST API (docs/rest-api.md, "Keys" and "Key lifecycle"). */
@Command(name = "keys", description = "List, create, describe and manage keys",
        subcommands = {KeyListCommand.class, KeyCreateCommand.class, KeyDescribeCommand.class,
                KeyStateCommands.Enable.class, KeyStateCommands.Disable.class, KeyStateCommands.Archive.class,
                KeyStateCommands.Unarchive.class, KeyDeletionCommands.Schedule.class, KeyDeletionCommands.Cancel.class,
                KeyRotationCommands.Rotate.class, KeyRotationCommands.Rotation.class, KeyRotationCommands.Versions.class,
                KeyTagCommands.Tag.class, KeyTagCommands.Untag.class, KeyTagCommands.Tags.class,
                KeyNamingCommands.Alias.class, KeyNamingCommands.SetDescription.class, KeyPublicKeyCommand.class})
public final class KeysCommand extends CommandGroup {

    /** The columns of a key listing. */
    static final List<Column> COLUMNS = List.of(
            Column.field("KEY ID", "keyId"),
            Column.field("ALIAS", "alias"),
            Column.field("STATE", "state"),
            Column.field("USAGE", "usage"),
            Column.field("VERSION", "currentVersion"),
            Column.field("CREATED", "createTime"));
}
