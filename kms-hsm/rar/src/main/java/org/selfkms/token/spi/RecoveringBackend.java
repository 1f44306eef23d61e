package org.selfkms.token.spi;

import org.selfkms.token.TokenException;
import org.selfkms.token.TokenException.Reason;
import org.selfkms.token.TokenStatus;
import org.selfkms.token.WrappedKey;
import org.selfkms.token.keypair.DecryptionAlgorithm;
import org.selfkms.token.keypair.KeyPairSpec;
import org.selfkms.token.keypair.SignatureAlgorithm;
import org.selfkms.token.keypair.WrappedKeyPair;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;

/**
 * Keeps the service alive across token outages: when an operation reports the token UNAVAILABLE (device
 * gone, session lost, PIN refused after a token reset), the backend is closed and later calls reopen it -
 * at most once per {@link #RETRY_INTERVAL}, so a dead token is not hammered - until it answers again. No
 * server restart is needed. Failures of the request itself (bad wrapped material, bad parameters) pass
 * through untouched.
 */
public final class RecoveringBackend implements TokenBackend {

    @FunctionalInterface
    public interface Opener {
        TokenBackend open() throws TokenException;
    }

    @FunctionalInterface
    private interface Operation<T> {
        T apply(TokenBackend backend) throws TokenException;
    }

    public static final Duration RETRY_INTERVAL = Duration.ofSeconds(5);
    private static final Logger LOG = Logger.getLogger(RecoveringBackend.class.getName());

    private final Opener opener;
    private final Clock clock;
    /** Read on every token call without a lock; only reconnecting and dropping synchronise. */
    private volatile TokenBackend current;
    private Instant nextAttempt = Instant.MIN;

    public RecoveringBackend(TokenBackend opened, Opener opener, Clock clock) {
        this.current = opened;
        this.opener = opener;
        this.clock = clock;
    }

    private <T> T call(Operation<T> operation) throws TokenException {
        TokenBackend backend = backend();
        try {
            return operation.apply(backend);
        } catch (TokenException e) {
            if (e.reason() == Reason.UNAVAILABLE) {
                drop(backend, e);
            }
            throw e;
        }
    }

    private TokenBackend backend() throws TokenException {
        TokenBackend connected = current;
        return connected != null ? connected : reconnect();
    }

    private synchronized TokenBackend reconnect() throws TokenException {
        if (current != null) {
            return current;
        }
        Instant now = clock.instant();
        if (now.isBefore(nextAttempt)) {
            throw new TokenException(Reason.UNAVAILABLE, "the token is unavailable; next reconnection attempt at " + nextAttempt);
        }
        nextAttempt = now.plus(RETRY_INTERVAL);
        current = opener.open();
        LOG.info("Token reconnected: " + current.status());
        return current;
    }

    private synchronized void drop(TokenBackend failed, TokenException cause) {
        if (current == failed) {
            LOG.warning("Token unavailable, will reconnect: " + cause.getMessage());
            current = null;
            nextAttempt = clock.instant();
            failed.close();
        }
    }

    @Override
    public TokenStatus status() throws TokenException {
        return call(TokenBackend::status);
    }

    @Override
    public WrappedKey generateWrapped(int length, String purpose) throws TokenException {
        return call(b -> b.generateWrapped(length, purpose));
    }

    @Override
    public WrappedKey wrap(byte[] material, String purpose) throws TokenException {
        return call(b -> b.wrap(material, purpose));
    }

    @Override
    public byte[] unwrap(WrappedKey wrapped, String purpose) throws TokenException {
        return call(b -> b.unwrap(wrapped, purpose));
    }

    @Override
    public byte[] random(int length) throws TokenException {
        return call(b -> b.random(length));
    }

    @Override
    public int addDomainKeyVersion() throws TokenException {
        return call(TokenBackend::addDomainKeyVersion);
    }

    @Override
    public WrappedKey rewrap(WrappedKey wrapped, String purpose) throws TokenException {
        return call(b -> b.rewrap(wrapped, purpose));
    }

    @Override
    public void destroyDomainKeyVersion(int version) throws TokenException {
        call(b -> {
            b.destroyDomainKeyVersion(version);
            return null;
        });
    }

    @Override
    public void generateTokenKey(String label) throws TokenException {
        call(b -> {
            b.generateTokenKey(label);
            return null;
        });
    }

    @Override
    public byte[] deriveKey(String label, byte[] salt) throws TokenException {
        return call(b -> b.deriveKey(label, salt));
    }

    @Override
    public void destroyTokenKey(String label) throws TokenException {
        call(b -> {
            b.destroyTokenKey(label);
            return null;
        });
    }

    @Override
    public void importTokenKey(String label, byte[] material) throws TokenException {
        call(b -> {
            b.importTokenKey(label, material);
            return null;
        });
    }

    @Override
    public byte[] generateTokenKeyPair(String label, KeyPairSpec spec) throws TokenException {
        return call(b -> b.generateTokenKeyPair(label, spec));
    }

    @Override
    public WrappedKeyPair generateWrappedKeyPair(KeyPairSpec spec, String purpose) throws TokenException {
        return call(b -> b.generateWrappedKeyPair(spec, purpose));
    }

    @Override
    public byte[] signWithTokenKey(String label, SignatureAlgorithm algorithm, byte[] input) throws TokenException {
        return call(b -> b.signWithTokenKey(label, algorithm, input));
    }

    @Override
    public byte[] decryptWithTokenKey(String label, DecryptionAlgorithm algorithm, byte[] data) throws TokenException {
        return call(b -> b.decryptWithTokenKey(label, algorithm, data));
    }

    @Override
    public synchronized void close() {
        if (current != null) {
            current.close();
            current = null;
        }
    }
}
