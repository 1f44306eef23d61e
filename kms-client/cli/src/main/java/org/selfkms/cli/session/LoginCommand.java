package org.selfkms.cli.session;

import jakarta.json.Json;
import org.selfkms.cli.ExitCode;
import org.selfkms.cli.KmsctlCommand;
import org.selfkms.cli.UsageException;
import org.selfkms.client.Credential;
import org.selfkms.client.RestV1Session;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.net.URI;
import java.nio.file.Path;

/**
 * Exchanges an API credential for a bearer token (POST /api/v1/tokens) and keeps the token, not the credential, in
 * the session file for the commands that follow. Tokens live 15 minutes (docs/rest-api.md, "Authentication").
 */
@Command(name = "login", description = {"Log in with an API credential; the following commands use the token it gets "
        + "(valid 15 minutes)", "The SecretKey comes from SELFKMS_SECRET_KEY, --secret-key-stdin or a prompt - never "
        + "from an argument."})
public final class LoginCommand extends KmsctlCommand {

    @Option(names = "--secret-id", paramLabel = "ID", description = "The credential's SecretId (else SELFKMS_SECRET_ID, else prompted)")
    String secretId;

    @Option(names = "--secret-key-stdin", description = "Read the SecretKey from the first line of standard input")
    boolean secretKeyFromStdin;

    @Override
    public Integer call() {
        URI server = run().options().server();
        if (server == null) {
            String fromEnvironment = run().invocation().env("SELFKMS_URL");
            if (fromEnvironment == null) {
                throw new UsageException("login needs --server URL (or SELFKMS_URL)");
            }
            server = URI.create(fromEnvironment);
        }
        Connector.checkedServer(server);
        Connector connector = run().connector();
        Path cacert = connector.cacert(null);
        SecretKeyReader secrets = new SecretKeyReader(run().invocation());
        String id = secretId != null ? secretId : secrets.visible("SELFKMS_SECRET_ID", "SecretId", "--secret-id");
        String key = secretKeyFromStdin ? secrets.fromStdin("SecretKey")
                : secrets.fromEnvironmentOrTerminal("SELFKMS_SECRET_KEY", "SecretKey", "--secret-key-stdin");

        RestV1Session session = RestV1Session.login(server, new Credential(id, key), Connector.httpClient(cacert));
        CachedSession cached = new CachedSession(session.server(), session.token(), session.tokenExpiry(), cacert);
        connector.sessionFile().write(cached);

        if (output().isJson()) {
            output().json(Json.createObjectBuilder().add("server", cached.server().toString()).add("secretId", id)
                    .add("expiry", cached.expiry().toString())
                    .add("sessionFile", connector.sessionFile().path().toString()).build());
        } else {
            output().note("logged in to " + cached.server() + " as " + id + " until " + cached.expiry()
                    + " (session in " + connector.sessionFile().path() + ")");
        }
        return ExitCode.OK;
    }
}
