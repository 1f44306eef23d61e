package org.selfkms.cli.audit;

import org.selfkms.cli.CommandGroup;
import picocli.CommandLine.Command;

/** {@code kmsctl audit ...}: the audit trail (docs/rest-api.md, "Audit records"); TENANT_ADMIN and AUDITOR. */
@Command(name = "audit", description = "Search and verify the audit trail",
        subcommands = {AuditSearchCommand.class, AuditVerifyCommand.class, AuditCheckpointCommand.class})
public final class AuditCommand extends CommandGroup {
}
