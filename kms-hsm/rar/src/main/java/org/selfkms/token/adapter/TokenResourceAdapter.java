package org.selfkms.token.adapter;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.BootstrapContext;
import jakarta.resource.spi.Connector;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterInternalException;
import jakarta.resource.spi.TransactionSupport;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import org.selfkms.token.TokenException;
import org.selfkms.token.pkcs11.Pkcs11Token;
import org.selfkms.token.spi.RecoveringBackend;
import org.selfkms.token.spi.TokenBackend;
import org.selfkms.token.spi.TokenConfig;
import org.selfkms.token.software.SoftwareToken;

import javax.transaction.xa.XAResource;
import java.time.Clock;
import java.util.logging.Logger;

/**
 * Owns the one token backend of this deployment: opened when the adapter starts (a token that cannot be
 * opened fails the deployment instead of leaving a half-started service), closed when it stops.
 */
@Connector(
        displayName = "SelfKMS token",
        description = "Access to the KMS cryptographic token (software keystore or PKCS#11)",
        vendorName = "SelfKMS",
        eisType = "Cryptographic token",
        version = "1.0",
        transactionSupport = TransactionSupport.TransactionSupportLevel.NoTransaction,
        reauthenticationSupport = false)
public class TokenResourceAdapter implements ResourceAdapter {

    private static final Logger LOG = Logger.getLogger(TokenResourceAdapter.class.getName());

    private volatile TokenBackend backend;

    @Override
    public void start(BootstrapContext context) throws ResourceAdapterInternalException {
        TokenConfig config = TokenConfig.fromSettings();
        try {
            // Opened eagerly: a token that cannot be opened now fails the deployment with its reason.
            TokenBackend opened = open(config);
            LOG.info("Token backend started: " + opened.status());
            backend = new RecoveringBackend(opened, () -> open(config), Clock.systemUTC());
        } catch (TokenException e) {
            throw new ResourceAdapterInternalException("KMS token could not be started: " + e.getMessage(), e);
        }
    }

    private static TokenBackend open(TokenConfig config) throws TokenException {
        return switch (config.backend()) {
            case "software" -> SoftwareToken.open(config);
            case "pkcs11" -> Pkcs11Token.open(config);
            default -> throw new TokenException(TokenException.Reason.INVALID_PARAMETER,
                    "unknown token backend '" + config.backend() + "' (expected: software or pkcs11)");
        };
    }

    @Override
    public void stop() {
        TokenBackend current = backend;
        backend = null;
        if (current != null) {
            current.close();
        }
    }

    TokenBackend backend() throws TokenException {
        TokenBackend current = backend;
        if (current == null) {
            throw new TokenException(TokenException.Reason.UNAVAILABLE, "token resource adapter is not started");
        }
        return current;
    }

    @Override
    public void endpointActivation(MessageEndpointFactory factory, ActivationSpec spec) throws ResourceException {
        throw new jakarta.resource.NotSupportedException("no inbound connections");
    }

    @Override
    public void endpointDeactivation(MessageEndpointFactory factory, ActivationSpec spec) {
    }

    @Override
    public XAResource[] getXAResources(ActivationSpec[] specs) {
        return new XAResource[0];
    }

    // One adapter per deployment: identity equality is what the spec expects here.
    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
