package org.selfkms.cli.audit;

import jakarta.json.JsonObject;
import org.selfkms.cli.ExitCode;
import org.selfkms.cli.KmsctlCommand;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * GET /api/v1/audit-records/checkpoints/latest: a signed checkpoint of everything written so far, to keep outside
 * the database (docs/operations.md, "Export checkpoints") and hand back to kmsctl audit verify --checkpoint.
 */
@Command(name = "checkpoint", description = "Export a signed checkpoint of the trail as it is now")
final class AuditCheckpointCommand extends KmsctlCommand {

    @Option(names = "--out", paramLabel = "FILE", description = "Write the checkpoint (JSON, as exported) to FILE")
    Path out;

    @Override
    public Integer call() {
        JsonObject checkpoint = server().get("/audit-records/checkpoints/latest");
        if (out == null) {
            output().object(checkpoint);
            return ExitCode.OK;
        }
        try {
            Files.writeString(out, checkpoint.toString() + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
        output().note("checkpoint written to " + out);
        return ExitCode.OK;
    }
}
