package org.selfkms.client.tink;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KmsClient;
import org.selfkms.client.Kms;
import org.selfkms.client.RestV1Kms;
import org.selfkms.client.RestV1Session;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Objects;

/**
 * Tink's {@link KmsClient} for this server's key URIs, {@code selfkms://<key id or alias>} ({@link KeyUri}): its
 * {@link #getAead} answers a {@link SelfKmsAead}, the remote Aead of Tink's KmsAead and KmsEnvelopeAead
 * (docs/clients.md, "Google Tink").
 *
 * <p>Made from a {@link Kms} or a {@link RestV1Session} ({@link #of}), the usual way in code; or, as Tink's
 * cloud clients are, empty and then given the server by {@link #withCredentials(String)} (a file) or
 * {@link #withDefaultCredentials()} (the environment), both through the REST API v1. A client made for one key
 * URI ({@link #SelfKmsClient(String)}, {@link #boundTo}) supports only that key, so that several can be
 * registered with Tink's {@code KmsClients} side by side.
 */
public final class SelfKmsClient implements KmsClient {

    /** The server as the Aeads reach it: the key operations and how to find the key an alias names. */
    private record Server(Kms kms, AliasResolver aliases) {
    }

    /** Null: every {@code selfkms://} URI. */
    private final KeyUri boundKey;
    /** Null until the client is given a server. */
    private volatile Server server;

    /** A client for every {@code selfkms://} URI, still to be given its server by a {@code with...Credentials}. */
    public SelfKmsClient() {
        this(null, null);
    }

    /**
     * A client for that key URI only, still to be given its server by a {@code with...Credentials}.
     *
     * @throws IllegalArgumentException if it is no key URI of this server (as Tink's own clients refuse one)
     */
    public SelfKmsClient(String keyUri) {
        this(bound(keyUri), null);
    }

    private SelfKmsClient(KeyUri boundKey, Server server) {
        this.boundKey = boundKey;
        this.server = server;
    }

    /**
     * A client on a {@link Kms} of either door. An Aead of an alias URI that decrypts before it encrypts finds its
     * key with {@link AliasResolver#byEncrypting}; give a REST session ({@link #of(RestV1Session)}) or a resolver
     * of your own to avoid that.
     */
    public static SelfKmsClient of(Kms kms) {
        return of(kms, AliasResolver.byEncrypting(kms));
    }

    public static SelfKmsClient of(Kms kms, AliasResolver aliases) {
        return new SelfKmsClient(null, new Server(Objects.requireNonNull(kms), Objects.requireNonNull(aliases)));
    }

    /** A client on the REST API v1 through that session; aliases are looked up with {@link AliasResolver#restV1}. */
    public static SelfKmsClient of(RestV1Session session) {
        return of(new RestV1Kms(session), AliasResolver.restV1(session));
    }

    /**
     * The same server, for that key URI only.
     *
     * @throws IllegalArgumentException if it is no key URI of this server
     */
    public SelfKmsClient boundTo(String keyUri) {
        return new SelfKmsClient(bound(keyUri), server);
    }

    /** Whether {@link #getAead} takes the URI: any {@code selfkms://} URI, or for a bound client its one key. */
    @Override
    public boolean doesSupport(String keyUri) {
        if (boundKey == null) {
            return KeyUri.hasPrefix(keyUri);
        }
        try {
            return boundKey.equals(KeyUri.parse(keyUri));
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /**
     * Reaches the server named in a credentials file: the variables of {@link #withDefaultCredentials()}, as
     * {@code NAME=value} lines (Java properties format); a relative {@code SELFKMS_CA} is relative to the file.
     * Logs in at once, so a wrong credential or an unreachable server fails here.
     *
     * @return this client
     */
    @Override
    public SelfKmsClient withCredentials(String credentialsFile) throws GeneralSecurityException {
        if (credentialsFile == null || credentialsFile.isBlank()) {
            throw new GeneralSecurityException("No SelfKMS credentials file given");
        }
        return connect(ServerSettings.fromFile(Path.of(credentialsFile)));
    }

    /**
     * Reaches the server named by the environment: {@code SELFKMS_URL} (without a path), {@code SELFKMS_SECRET_ID},
     * {@code SELFKMS_SECRET_KEY}, and optionally {@code SELFKMS_CA}, a PEM file of the certificate(s) to trust
     * instead of the Java runtime's. Logs in at once.
     *
     * @return this client
     */
    @Override
    public SelfKmsClient withDefaultCredentials() throws GeneralSecurityException {
        return connect(ServerSettings.fromEnvironment());
    }

    private SelfKmsClient connect(ServerSettings settings) throws GeneralSecurityException {
        RestV1Session session = settings.login();
        server = new Server(new RestV1Kms(session), AliasResolver.restV1(session));
        return this;
    }

    @Override
    public Aead getAead(String keyUri) throws GeneralSecurityException {
        if (!doesSupport(keyUri)) {
            throw new GeneralSecurityException(boundKey == null
                    ? "Not a SelfKMS key URI (selfkms://<key id or alias>): " + keyUri
                    : "This SelfKmsClient is for " + boundKey + " only, not for " + keyUri);
        }
        KeyUri key = KeyUri.parse(keyUri);
        Server current = server;
        if (current == null) {
            throw new GeneralSecurityException("This SelfKmsClient has no server yet: make it with SelfKmsClient.of(...)"
                    + " or call withCredentials(file) or withDefaultCredentials()");
        }
        return new SelfKmsAead(current.kms(), key, current.aliases());
    }

    @Override
    public String toString() {
        return "SelfKmsClient[" + (boundKey == null ? KeyUri.PREFIX + "*" : boundKey.toString()) + "]";
    }

    private static KeyUri bound(String keyUri) {
        try {
            return KeyUri.parse(keyUri);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }
}
