package org.selfkms.cli.audit;

import org.selfkms.cli.ExitCode;
import org.selfkms.cli.KmsctlCommand;
import org.selfkms.cli.PageOptions;
import org.selfkms.cli.Query;
import org.selfkms.cli.output.Column;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** GET /api/v1/audit-records with its filters, newest first. */
@Command(name = "search", description = "Audit records, newest first (one page, or --all)")
final class AuditSearchCommand extends KmsctlCommand {

    @Option(names = "--from", paramLabel = "TIME", description = "From this time on, RFC 3339 (2026-01-31T08:00:00Z)")
    OffsetDateTime from;

    @Option(names = "--to", paramLabel = "TIME", description = "Before this time, RFC 3339")
    OffsetDateTime to;

    @Option(names = "--key", paramLabel = "KEY_ID", description = "Records of this key id")
    String keyId;

    @Option(names = "--action", paramLabel = "ACTION", description = "Encrypt, CreateKey, CreateToken, ...")
    String action;

    @Option(names = "--principal", paramLabel = "WHO", description = "A SecretId or console user")
    String principal;

    @Option(names = "--outcome", paramLabel = "OUTCOME", description = "ALLOWED, DENIED or FAILED")
    String outcome;

    @Option(names = "--platform", description = "The platform trail instead (first tenant's administrators and auditors)")
    boolean platform;

    @Mixin
    PageOptions pages;

    @Override
    public Integer call() {
        Query query = new Query().add("from", rfc3339(from)).add("to", rfc3339(to)).add("keyId", keyId).add("action", action)
                .add("principal", principal).add("outcome", outcome).flag("platform", platform);
        pages.list(run(), "/audit-records", query, "records", 500, List.of(
                Column.field("TIME", "time"),
                Column.field("ACTION", "action"),
                Column.field("OUTCOME", "outcome"),
                Column.field("ERROR", "errorCode"),
                Column.field("PRINCIPAL", "principal"),
                Column.field("DOOR", "door"),
                Column.field("KEY ID", "keyId"),
                Column.field("REQUEST ID", "requestId")));
        return ExitCode.OK;
    }

    /** With seconds always: OffsetDateTime.toString() leaves out zero seconds, which RFC 3339 does not allow. */
    private static String rfc3339(OffsetDateTime time) {
        return time == null ? null : time.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }
}
