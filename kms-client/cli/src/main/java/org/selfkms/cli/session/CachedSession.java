package org.selfkms.cli.session;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;

/**
 * What "kmsctl login" keeps between runs: the server, the bearer token it issued and when that expires, and the
 * certificate file to trust for it. Never the SecretKey. {@link #toString()} never shows the token.
 *
 * @param cacert null when the server's certificate is trusted by the JDK's own authorities (or for plain HTTP)
 */
public record CachedSession(URI server, String token, Instant expiry, Path cacert) {

    public CachedSession {
        Objects.requireNonNull(server);
        Objects.requireNonNull(token);
        Objects.requireNonNull(expiry);
    }

    public boolean hasExpired(Instant now) {
        return !now.isBefore(expiry);
    }

    JsonObject toJson() {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("server", server.toString())
                .add("token", token)
                .add("expiry", expiry.toString());
        if (cacert != null) {
            json.add("cacert", cacert.toString());
        }
        return json.build();
    }

    static CachedSession fromJson(JsonObject json) {
        String cacert = json.getString("cacert", null);
        return new CachedSession(URI.create(json.getString("server")), json.getString("token"),
                Instant.parse(json.getString("expiry")), cacert == null ? null : Path.of(cacert));
    }

    @Override
    public String toString() {
        return "CachedSession[" + server + ", expires " + expiry + "]";
    }
}
