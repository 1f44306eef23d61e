package org.selfkms.cli.session;

import org.selfkms.cli.GlobalOptions;
import org.selfkms.cli.Invocation;
import org.selfkms.cli.UsageException;
import org.selfkms.client.Credential;
import org.selfkms.client.RestV1Session;
import org.selfkms.client.TrustedCertificates;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * Decides how a run reaches the server. A credential in the environment wins (scripts and CI set
 * SELFKMS_SECRET_ID and SELFKMS_SECRET_KEY, and SELFKMS_URL or --server, and need no login); otherwise the
 * session of "kmsctl login" is used, as long as it has not expired and is for the server asked for.
 */
public final class Connector {

    private final Invocation invocation;
    private final GlobalOptions options;
    private final SessionFile sessionFile;

    public Connector(Invocation invocation, GlobalOptions options) {
        this.invocation = invocation;
        this.options = options;
        this.sessionFile = SessionFile.of(invocation);
    }

    public Connection connect() {
        URI server = options.server() != null ? checkedServer(options.server()) : uri(invocation.env("SELFKMS_URL"));
        String secretId = invocation.env("SELFKMS_SECRET_ID");
        String secretKey = invocation.env("SELFKMS_SECRET_KEY");
        if (server != null && secretId != null && secretKey != null) {
            RestV1Session session = RestV1Session.login(server, new Credential(secretId, secretKey), httpClient(cacert(null)));
            return new Connection(session, Connection.Source.ENVIRONMENT);
        }
        CachedSession cached = cachedSession().orElseThrow(() -> new NotLoggedInException(
                "not logged in: run kmsctl login --server URL (or set SELFKMS_URL, SELFKMS_SECRET_ID and SELFKMS_SECRET_KEY)"));
        if (server != null && !sameServer(server, cached.server())) {
            throw new NotLoggedInException("logged in to " + cached.server() + ", not to " + server
                    + ": run kmsctl login --server " + server);
        }
        if (cached.hasExpired(Instant.now())) {
            throw new NotLoggedInException(SESSION_EXPIRED);
        }
        RestV1Session session = RestV1Session.withToken(cached.server(), cached.token(), httpClient(cacert(cached.cacert())));
        return new Connection(session, Connection.Source.LOGIN);
    }

    /** What a refused or expired login session says; the same words whether kmsctl or the server noticed. */
    public static final String SESSION_EXPIRED = "session expired: run kmsctl login";

    public Optional<CachedSession> cachedSession() {
        return sessionFile.read();
    }

    public SessionFile sessionFile() {
        return sessionFile;
    }

    /** --cacert, else SELFKMS_CACERT, else the one the login kept (null: the JDK's authorities). */
    public Path cacert(Path fromLogin) {
        if (options.cacert() != null) {
            return options.cacert().toAbsolutePath();
        }
        String fromEnvironment = invocation.env("SELFKMS_CACERT");
        return fromEnvironment != null ? Path.of(fromEnvironment).toAbsolutePath() : fromLogin;
    }

    public static HttpClient httpClient(Path cacert) {
        return cacert == null ? RestV1Session.defaultHttpClient() : TrustedCertificates.httpClient(cacert);
    }

    private static URI uri(String text) {
        if (text == null) {
            return null;
        }
        try {
            return checkedServer(new URI(text));
        } catch (URISyntaxException e) {
            throw new UsageException("SELFKMS_URL is not a URL: " + e.getMessage());
        }
    }

    /** A server address kmsctl can talk to: http or https, a host, no query. */
    public static URI checkedServer(URI server) {
        String scheme = server.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("https") || scheme.equalsIgnoreCase("http"))
                || server.getHost() == null || server.getQuery() != null || server.getFragment() != null) {
            throw new UsageException("the server address must look like https://kms.example.com (not " + server + ")");
        }
        return server;
    }

    private static boolean sameServer(URI a, URI b) {
        return strip(a).equals(strip(b));
    }

    private static String strip(URI server) {
        String text = server.toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }
}
