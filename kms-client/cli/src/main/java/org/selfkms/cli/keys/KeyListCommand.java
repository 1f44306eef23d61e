package org.selfkms.cli.keys;

import org.selfkms.cli.ExitCode;
import org.selfkms.cli.KmsctlCommand;
import org.selfkms.cli.PageOptions;
import org.selfkms.cli.Query;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** GET /api/v1/keys with its filters. */
@Command(name = "list", description = "List the customer keys, oldest first (one page, or --all)")
final class KeyListCommand extends KmsctlCommand {

    @Option(names = "--state", paramLabel = "STATE", description = "Enabled, Disabled, PendingDelete, PendingImport or Archived")
    String state;

    @Option(names = "--usage", paramLabel = "USAGE", description = "ENCRYPT_DECRYPT, ASYMMETRIC_SIGN_VERIFY_ECC, ...")
    String usage;

    @Option(names = "--search", paramLabel = "TEXT", description = "Part of the key id or alias (case-insensitive)")
    String search;

    @Option(names = "--tag", paramLabel = "KEY[=VALUE]", description = "Keys carrying this tag (with this value)")
    String tag;

    @Mixin
    PageOptions pages;

    @Override
    public Integer call() {
        Query query = new Query().add("state", state).add("usage", usage).add("search", search);
        if (tag != null) {
            int equals = tag.indexOf('=');
            query.add("tagKey", equals < 0 ? tag : tag.substring(0, equals)).add("tagValue", equals < 0 ? null : tag.substring(equals + 1));
        }
        pages.list(run(), "/keys", query, "keys", 200, KeysCommand.COLUMNS);
        return ExitCode.OK;
    }
}
