package org.selfkms.cli.session;

import org.selfkms.cli.ExitCode;
import org.selfkms.cli.KmsctlCommand;
import org.selfkms.client.KmsRequestException;
import org.selfkms.client.RestV1Session;
import picocli.CommandLine.Command;

import java.time.Instant;
import java.util.Optional;

/** Revokes the login's token (DELETE /api/v1/tokens/current) and deletes the session file. */
@Command(name = "logout", description = "Revoke the login's token and delete the session file")
public final class LogoutCommand extends KmsctlCommand {

    @Override
    public Integer call() {
        Connector connector = run().connector();
        Optional<CachedSession> cached = connector.cachedSession();
        if (cached.isEmpty()) {
            output().note("not logged in");
            return ExitCode.OK;
        }
        CachedSession session = cached.get();
        try {
            if (!session.hasExpired(Instant.now())) {
                RestV1Session.withToken(session.server(), session.token(),
                        Connector.httpClient(connector.cacert(session.cacert()))).call("DELETE", "/tokens/current", null);
            }
        } catch (KmsRequestException e) {
            if (!e.isAuthenticationFailure()) {
                throw e;
            }
            // the server no longer knows the token (expired, revoked, restarted): nothing left to revoke
        } finally {
            // the file goes even when the server is out of reach: the token then lives until it expires
            connector.sessionFile().delete();
        }
        output().note("logged out of " + session.server());
        return ExitCode.OK;
    }
}
