package org.selfkms.cli;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import org.selfkms.cli.session.NotLoggedInException;
import org.selfkms.client.KmsClientException;
import picocli.CommandLine.Command;

/** kmsctl's version and, when a session is at hand, the server's (GET /api/v1/version). */
@Command(name = "version", description = "Print kmsctl's version and, if logged in, the server's version and schema")
final class VersionCommand extends KmsctlCommand {

    @Override
    public Integer call() {
        JsonObjectBuilder versions = Json.createObjectBuilder().add("client", Version.client());
        JsonObject server = null;
        String why = null;
        try {
            server = server().get("/version");
            versions.add("server", server);
        } catch (NotLoggedInException | KmsClientException e) {
            // the client's version is worth printing without a server: say why the server's is missing
            why = e.getMessage();
        }
        if (output().isJson()) {
            output().json(versions.build());
        } else {
            output().note("kmsctl " + Version.client());
            output().note(server == null ? "server: unknown (" + why + ")"
                    : "server " + server.getString("version", "?") + " (commit " + server.getString("commit", "?")
                    + ", schema " + server.get("schemaVersion") + ")");
        }
        return ExitCode.OK;
    }
}
