package org.selfkms.token.adapter;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionManager;
import org.selfkms.token.TokenConnection;
import org.selfkms.token.TokenConnectionFactory;
import org.selfkms.token.TokenException;

import javax.naming.Reference;

public class TokenConnectionFactoryImpl implements TokenConnectionFactory {

    private static final long serialVersionUID = 1L;

    private final TokenManagedConnectionFactory managedConnectionFactory;
    private final transient ConnectionManager connectionManager;
    private Reference reference;

    TokenConnectionFactoryImpl(TokenManagedConnectionFactory managedConnectionFactory, ConnectionManager connectionManager) {
        this.managedConnectionFactory = managedConnectionFactory;
        this.connectionManager = connectionManager;
    }

    @Override
    public TokenConnection getConnection() throws TokenException {
        try {
            return (TokenConnection) connectionManager.allocateConnection(managedConnectionFactory, null);
        } catch (ResourceException e) {
            throw new TokenException(TokenException.Reason.UNAVAILABLE, "no token connection available: " + e.getMessage(), e);
        }
    }

    @Override
    public void setReference(Reference reference) {
        this.reference = reference;
    }

    @Override
    public Reference getReference() {
        return reference;
    }
}
