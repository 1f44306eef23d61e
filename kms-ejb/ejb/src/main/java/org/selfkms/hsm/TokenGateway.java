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
        try (TokenConnection token = factory.getConnection()) {
            return token.generateWrapped(length, purpose);
        } catch (TokenException e) {
            throw translate(e, purpose);
        }
    }

    public WrappedKey wrap(byte[] material, String purpose) {
        try (TokenConnection token = factory.getConnection()) {
            return token.wrap(material, purpose);
        } catch (TokenException e) {
            throw translate(e, purpose);
        }
    }

    public byte[] unwrap(WrappedKey wrapped, String purpose) {
        try (TokenConnection token = factory.getConnection()) {
            return token.unwrap(wrapped, purpose);
        } catch (TokenException e) {
            throw translate(e, purpose);
        }
    }

    public byte[] random(int length) {
        try (TokenConnection token = factory.getConnection()) {
            return token.random(length);
        } catch (TokenException e) {
            throw translate(e, "random");
        }
    }

    public void generateTokenKey(String label) {
        try (TokenConnection token = factory.getConnection()) {
            token.generateTokenKey(label);
        } catch (TokenException e) {
            throw translate(e, label);
        }
    }

    /** The per-message key for an HSM-level CMK version; the caller zeroises it. */
    public byte[] deriveKey(String label, byte[] salt) {
        try (TokenConnection token = factory.getConnection()) {
            return token.deriveKey(label, salt);
        } catch (TokenException e) {
            throw translate(e, label);
        }
    }

    public TokenStatus status() {
        try (TokenConnection token = factory.getConnection()) {
            return token.status();
        } catch (TokenException e) {
            throw translate(e, "status");
        }
    }

    public int addDomainKeyVersion() {
        try (TokenConnection token = factory.getConnection()) {
            return token.addDomainKeyVersion();
        } catch (TokenException e) {
            throw translate(e, "domain key");
        }
    }

    public WrappedKey rewrap(WrappedKey wrapped, String purpose) {
        try (TokenConnection token = factory.getConnection()) {
            return token.rewrap(wrapped, purpose);
        } catch (TokenException e) {
            throw translate(e, purpose);
        }
    }

    public void destroyDomainKeyVersion(int version) {
        try (TokenConnection token = factory.getConnection()) {
            token.destroyDomainKeyVersion(version);
        } catch (TokenException e) {
            throw translate(e, "domain key");
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
