package org.selfkms.hsm;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.selfkms.api.error.KmsErrorCode;
import org.selfkms.api.error.KmsException;
import org.selfkms.api.metrics.KmsMetrics;
import org.selfkms.settings.Setting;
import org.selfkms.settings.Settings;
import org.selfkms.token.TokenConnection;
import org.selfkms.token.TokenConnectionFactory;
import org.selfkms.token.TokenException;
import org.selfkms.token.TokenStatus;
import org.selfkms.token.WrappedKey;
import org.selfkms.token.keypair.DecryptionAlgorithm;
import org.selfkms.token.keypair.KeyPairSpec;
import org.selfkms.token.keypair.SignatureAlgorithm;
import org.selfkms.token.keypair.WrappedKeyPair;

import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The services' one way to the token: borrows a connection from the resource adapter's pool for each
 * operation and turns token failures into domain errors. A stored blob that no longer unwraps is data
 * corruption, not the caller's fault, and is reported as an internal error (and logged, without material).
 *
 * <p>The pool is defined on {@link DomainKeyRotationBean}, the token's administration.
 */
@ApplicationScoped
public class TokenGateway {

    private static final Logger LOG = Logger.getLogger(TokenGateway.class.getName());

    @Resource(lookup = TokenConnectionFactory.JNDI_NAME)
    private TokenConnectionFactory factory;

    @Inject
    private KmsMetrics metrics;

    private String backend;

    @PostConstruct
    void readBackend() {
        backend = backend();
    }

    public WrappedKey generateWrapped(int length, String purpose) {
        return call("generate_wrapped", purpose, token -> token.generateWrapped(length, purpose));
    }

    public WrappedKey wrap(byte[] material, String purpose) {
        return call("wrap", purpose, token -> token.wrap(material, purpose));
    }

    public byte[] unwrap(WrappedKey wrapped, String purpose) {
        return call("unwrap", purpose, token -> token.unwrap(wrapped, purpose));
    }

    public byte[] random(int length) {
        return call("random", "random", token -> token.random(length));
    }

    public void generateTokenKey(String label) {
        call("generate_token_key", label, token -> {
            token.generateTokenKey(label);
            return null;
        });
    }

    /** For good: whatever was sealed under keys derived from it can never be opened again. */
    public void destroyTokenKey(String label) {
        call("destroy_token_key", label, token -> {
            token.destroyTokenKey(label);
            return null;
        });
    }

    /** The per-message key for an HSM-level CMK version; the caller zeroises it. */
    public byte[] deriveKey(String label, byte[] salt) {
        return call("derive_key", label, token -> token.deriveKey(label, salt));
    }

    /** Imported material of the HSM level into the token; the caller zeroises its copy. */
    public void importTokenKey(String label, byte[] material) {
        call("import_token_key", label, token -> {
            token.importTokenKey(label, material);
            return null;
        });
    }

    /** A key pair kept in the token (HSM level). @return the public key, DER SubjectPublicKeyInfo */
    public byte[] generateTokenKeyPair(String label, KeyPairSpec spec) {
        return call("generate_token_key_pair", label, token -> token.generateTokenKeyPair(label, spec));
    }

    /** A key pair of the SOFTWARE level: the private key comes back wrapped under the domain key. */
    public WrappedKeyPair generateWrappedKeyPair(KeyPairSpec spec, String purpose) {
        return call("generate_wrapped_key_pair", purpose, token -> token.generateWrappedKeyPair(spec, purpose));
    }

    /** Signs a digest with the private key of a pair in the token. */
    public byte[] signWithTokenKey(String label, SignatureAlgorithm algorithm, byte[] digest) {
        return call("sign", label, token -> token.signWithTokenKey(label, algorithm, digest));
    }

    /**
     * Decrypts with the private key of a pair in the token. Data that does not decrypt is the request's fault
     * (and the pair being gone means its token was used up meanwhile): empty, not an error of the store.
     */
    public Optional<byte[]> decryptWithTokenKey(String label, DecryptionAlgorithm algorithm, byte[] data) {
        return call("decrypt", label, token -> {
            try {
                return Optional.of(token.decryptWithTokenKey(label, algorithm, data));
            } catch (TokenException e) {
                if (e.reason() == TokenException.Reason.INVALID_WRAPPED_KEY) {
                    return Optional.empty();
                }
                throw e;
            }
        });
    }

    /**
     * A key derived in the token from a token key the KMS keeps for one purpose (not a CMK's), created on
     * first use. Two nodes creating it at once both succeed: one creates it, the other finds it.
     */
    public byte[] deriveFromServiceKey(String label, byte[] salt) {
        return call("derive_service_key", label, token -> {
            try {
                return token.deriveKey(label, salt);
            } catch (TokenException missing) {
                if (missing.reason() != TokenException.Reason.INVALID_WRAPPED_KEY) {
                    throw missing;
                }
                try {
                    token.generateTokenKey(label);
                } catch (TokenException exists) {
                    if (exists.reason() != TokenException.Reason.INVALID_PARAMETER) {
                        throw exists;
                    }
                }
                return token.deriveKey(label, salt);
            }
        });
    }

    public TokenStatus status() {
        return call("status", "status", token -> token.status());
    }

    public int addDomainKeyVersion() {
        return call("add_domain_key_version", "domain key", token -> token.addDomainKeyVersion());
    }

    public WrappedKey rewrap(WrappedKey wrapped, String purpose) {
        return call("rewrap", purpose, token -> token.rewrap(wrapped, purpose));
    }

    public void destroyDomainKeyVersion(int version) {
        call("destroy_domain_key_version", "domain key", token -> {
            token.destroyDomainKeyVersion(version);
            return null;
        });
    }

    @FunctionalInterface
    private interface TokenCall<T> {
        T on(TokenConnection token) throws TokenException;
    }

    /**
     * One borrowed connection per operation, returned to the pool whatever happens; counted and timed under its fixed
     * name (never its purpose, which names keys).
     */
    private <T> T call(String name, String purpose, TokenCall<T> operation) {
        long started = System.nanoTime();
        KmsMetrics.TokenOutcome outcome = KmsMetrics.TokenOutcome.ERROR;
        try (TokenConnection token = factory.getConnection()) {
            T result = operation.on(token);
            outcome = KmsMetrics.TokenOutcome.OK;
            return result;
        } catch (TokenException e) {
            if (e.reason() == TokenException.Reason.UNAVAILABLE) {
                outcome = KmsMetrics.TokenOutcome.UNAVAILABLE;
            }
            throw translate(e, purpose);
        } finally {
            metrics.tokenOperation(backend, name, outcome, System.nanoTime() - started);
        }
    }

    /** The configured backend as a label: one of a known few, whatever the setting says. */
    private static String backend() {
        String configured = Settings.server().string(Setting.TOKEN_BACKEND, "software").trim().toLowerCase(Locale.ROOT);
        return configured.equals("software") || configured.equals("pkcs11") ? configured : "other";
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
