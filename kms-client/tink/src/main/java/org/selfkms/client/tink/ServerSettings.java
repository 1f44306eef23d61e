package org.selfkms.client.tink;

import org.selfkms.client.Credential;
import org.selfkms.client.KmsClientException;
import org.selfkms.client.RestV1Session;
import org.selfkms.client.TrustedCertificates;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.UnaryOperator;

/**
 * Where the server is and how to log in, as {@link SelfKmsClient#withDefaultCredentials()} reads it from the
 * environment and {@link SelfKmsClient#withCredentials(String)} from a file of the same names (Java properties
 * format, so one file serves as this and as a shell or systemd environment file):
 * <pre>
 * SELFKMS_URL=https://kms.example.com      # the server, without a path
 * SELFKMS_SECRET_ID=AKID...
 * SELFKMS_SECRET_KEY=...
 * SELFKMS_CA=/etc/selfkms/ca.pem           # optional: trust only this PEM certificate (relative: to the file)
 * </pre>
 * {@link #toString()} never shows the SecretKey.
 */
record ServerSettings(URI server, Credential credential, Path caFile) {

    static final String URL = "SELFKMS_URL";
    static final String SECRET_ID = "SELFKMS_SECRET_ID";
    static final String SECRET_KEY = "SELFKMS_SECRET_KEY";
    static final String CA = "SELFKMS_CA";

    /** From a source of named values (the environment, a file); {@code caBase} resolves a relative CA path. */
    static ServerSettings from(UnaryOperator<String> values, String source, Path caBase) throws GeneralSecurityException {
        List<String> missing = new ArrayList<>();
        for (String name : List.of(URL, SECRET_ID, SECRET_KEY)) {
            String value = values.apply(name);
            if (value == null || value.isBlank()) {
                missing.add(name);
            }
        }
        if (!missing.isEmpty()) {
            throw new GeneralSecurityException(source + " does not set " + String.join(", ", missing));
        }
        String ca = values.apply(CA);
        Path caFile = ca == null || ca.isBlank() ? null : caBase.resolve(ca.trim());
        return new ServerSettings(server(values.apply(URL).trim(), source), new Credential(values.apply(SECRET_ID).trim(),
                values.apply(SECRET_KEY).trim()), caFile);
    }

    static ServerSettings fromEnvironment() throws GeneralSecurityException {
        return from(System::getenv, "The environment", Path.of(""));
    }

    static ServerSettings fromFile(Path file) throws GeneralSecurityException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            throw new GeneralSecurityException("Cannot read the SelfKMS credentials file " + file + ": " + e.getMessage(), e);
        }
        Path directory = file.toAbsolutePath().getParent();
        return from(properties::getProperty, "The credentials file " + file, directory);
    }

    /** A session that logs in now: a wrong credential or an unreachable server fails here, not at first use. */
    RestV1Session login() throws GeneralSecurityException {
        try {
            HttpClient http = caFile == null ? RestV1Session.defaultHttpClient() : TrustedCertificates.httpClient(caFile);
            return RestV1Session.login(server, credential, http);
        } catch (KmsClientException e) {
            throw new GeneralSecurityException("Cannot log in to SelfKMS at " + server + " as " + credential.secretId()
                    + ": " + e.getMessage(), e);
        }
    }

    private static URI server(String url, String source) throws GeneralSecurityException {
        try {
            URI server = new URI(url);
            if (("http".equals(server.getScheme()) || "https".equals(server.getScheme())) && server.getHost() != null
                    && (server.getRawPath() == null || server.getRawPath().isEmpty() || "/".equals(server.getRawPath()))
                    && server.getRawQuery() == null) {
                return server;
            }
        } catch (URISyntaxException e) {
            // answered below, with the rule
        }
        throw new GeneralSecurityException(source + " sets " + URL + " to " + url
                + ", which is not the server's http(s) address without a path (https://kms.example.com)");
    }
}
