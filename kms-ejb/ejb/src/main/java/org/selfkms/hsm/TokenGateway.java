package org.selfkms.hsm;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import org.selfkms.api.error.KmsErrorCode;
import org.selfkms.api.error.KmsException;
import org.selfkms.token.TokenConnection;
import org.selfkms.token.TokenConnectionFactory;
import org.selfkms.token.TokenException;
import org.selfkms.token.TokenStatus;
import org.selfkms.token.WrappedKey;

import java.util.logging.Logger;

/**
 * The services' one way to the token: borrows a connection from the resource adapter's pool for each
 * operation and turns token failures into domain errors. A stored blob that no longer unwraps is data
 * corruption, not the caller's fault, and is reported as an internal error (and logged, without material).
 */
@ApplicationScoped
public class TokenGateway {

    private static final Logger LOG = Logger.getLogger(TokenGateway.class.getName());

    @Resource(lookup = TokenConnectionFactory.JNDI_NAME)
    private TokenConnectionFactory factory;

    public WrappedKey generateWrapped(int length, String purpose) {
        return call(purpose, token -> token.generateWrapped(length, purpose));
    }

    public WrappedKey wrap(byte[] material, String purpose) {
        return call(purpose, token -> token.wrap(material, purpose));
    }

    public byte[] unwrap(WrappedKey wrapped, String purpose) {
        return call(purpose, token -> token.unwrap(wrapped, purpose));
    }

    public byte[] random(int length) {
        return call("random", token -> token.random(length));
    }

    public void generateTokenKey(String label) {
        call(label, token -> {
            token.generateTokenKey(label);
            return null;
        });
    }

    /** For good: whatever was sealed under keys derived from it can never be opened again. */
    public void destroyTokenKey(String label) {
        call(label, token -> {
            token.destroyTokenKey(label);
            return null;
        });
    }

    /** The per-message key for an HSM-level CMK version; the caller zeroises it. */
    public byte[] deriveKey(String label, byte[] salt) {
        return call(label, token -> token.deriveKey(label, salt));
    }

    public TokenStatus status() {
        return call("status", token -> token.status());
    }

    public int addDomainKeyVersion() {
        return call("domain key", token -> token.addDomainKeyVersion());
    }

    public WrappedKey rewrap(WrappedKey wrapped, String purpose) {
        return call(purpose, token -> token.rewrap(wrapped, purpose));
    }

    public void destroyDomainKeyVersion(int version) {
        call("domain key", token -> {
            token.destroyDomainKeyVersion(version);
            return null;
        });
    }

    @FunctionalInterface
    private interface TokenCall<T> {
        T on(TokenConnection token) throws TokenException;
    }

    /** One borrowed connection per operation, returned to the pool whatever happens. */
    private <T> T call(String purpose, TokenCall<T> operation) {
        try (TokenConnection token = factory.getConnection()) {
            return operation.on(token);
        } catch (TokenException e) {
            throw translate(e, purpose);
        }
    }

    private static KmsException translate(TokenException e, String purpose) {
        return switch (e.reason()) {
            case UNAVAILABLE -> {
                LOG.warning("Token unavailable: " + e.getMessage());
                yield new KmsException(KmsErrorCode.TOKEN_UNAVAILABLE, "The key store is temporarily unavailable");
            }
            case INVALID_WRAPPED_KEY -> {
                LOG.severe("Stored material for " + purpose + " does not unwrap: " + e.getMessage());
                yield new KmsException(KmsErrorCode.INTERNAL, "Stored key material is damaged");
            }
            case INVALID_PARAMETER -> new KmsException(KmsErrorCode.INVALID_PARAMETER_VALUE, e.getMessage());
        };
    }
}
