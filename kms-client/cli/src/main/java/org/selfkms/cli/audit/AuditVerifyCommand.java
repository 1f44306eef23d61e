package org.selfkms.cli.audit;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import org.selfkms.cli.ExitCode;
import org.selfkms.cli.KmsctlCommand;
import org.selfkms.cli.Query;
import org.selfkms.cli.UsageException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * GET /api/v1/audit-records/verification, or POST with an exported checkpoint: exit code 1 when the trail is not
 * intact, so that a cron job or CI step fails on it.
 */
@Command(name = "verify", description = {"Verify the whole audit trail (and, with --checkpoint, that the database still "
        + "holds that exported checkpoint); exit code 0 when intact, 1 when not"})
final class AuditVerifyCommand extends KmsctlCommand {

    @Option(names = "--platform", description = "The platform trail instead (first tenant only)")
    boolean platform;

    @Option(names = "--checkpoint", paramLabel = "FILE", description = "A checkpoint exported with kmsctl audit checkpoint --out")
    Path checkpoint;

    @Override
    public Integer call() {
        String path = "/audit-records/verification" + new Query().flag("platform", platform);
        JsonObject result = checkpoint == null ? server().get(path) : server().post(path, readCheckpoint());
        output().object(result);
        return result.getBoolean("intact") ? ExitCode.OK : ExitCode.NEGATIVE;
    }

    private JsonObject readCheckpoint() {
        try (Reader reader = Files.newBufferedReader(checkpoint, StandardCharsets.UTF_8); var json = Json.createReader(reader)) {
            return json.readObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        } catch (JsonException | IllegalStateException e) {
            throw new UsageException(checkpoint + " is not an exported checkpoint (a JSON object)");
        }
    }
}
