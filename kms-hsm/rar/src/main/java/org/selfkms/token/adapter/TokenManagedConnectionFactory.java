package org.selfkms.token.adapter;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionDefinition;
import jakarta.resource.spi.ConnectionManager;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ManagedConnectionFactory;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterAssociation;
import jakarta.resource.spi.ValidatingManagedConnectionFactory;
import org.selfkms.token.TokenConnection;
import org.selfkms.token.TokenConnectionFactory;
import org.selfkms.token.TokenException;

import javax.security.auth.Subject;
import java.io.PrintWriter;
import java.util.HashSet;
import java.util.Set;

@ConnectionDefinition(
        connectionFactory = TokenConnectionFactory.class,
        connectionFactoryImpl = TokenConnectionFactoryImpl.class,
        connection = TokenConnection.class,
        connectionImpl = TokenConnectionHandle.class)
public class TokenManagedConnectionFactory implements ManagedConnectionFactory, ResourceAdapterAssociation,
        ValidatingManagedConnectionFactory {

    private static final long serialVersionUID = 1L;

    private transient TokenResourceAdapter resourceAdapter;
    private transient PrintWriter logWriter;

    @Override
    public Object createConnectionFactory(ConnectionManager connectionManager) {
        return new TokenConnectionFactoryImpl(this, connectionManager);
    }

    @Override
    public Object createConnectionFactory() throws ResourceException {
        throw new jakarta.resource.NotSupportedException("the token is only available inside the application server");
    }

    @Override
    public ManagedConnection createManagedConnection(Subject subject, ConnectionRequestInfo info) {
        return new TokenManagedConnection(this);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public ManagedConnection matchManagedConnections(Set candidates, Subject subject, ConnectionRequestInfo info) {
        for (Object candidate : candidates) {
            if (candidate instanceof TokenManagedConnection connection && connection.factory() == this) {
                return connection;
            }
        }
        return null;
    }

    /** A lease is invalid when the token behind it does not answer; the pool then discards it. */
    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public Set getInvalidConnections(Set connections) {
        Set invalid = new HashSet<>();
        for (Object candidate : connections) {
            if (candidate instanceof TokenManagedConnection connection) {
                try {
                    connection.backend().status();
                } catch (TokenException e) {
                    invalid.add(connection);
                }
            }
        }
        return invalid;
    }

    TokenResourceAdapter tokenResourceAdapter() {
        return resourceAdapter;
    }

    @Override
    public ResourceAdapter getResourceAdapter() {
        return resourceAdapter;
    }

    @Override
    public void setResourceAdapter(ResourceAdapter adapter) {
        this.resourceAdapter = (TokenResourceAdapter) adapter;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    // No configuration of its own: all factories of one adapter are interchangeable.
    @Override
    public boolean equals(Object o) {
        return o instanceof TokenManagedConnectionFactory other && other.resourceAdapter == resourceAdapter;
    }

    @Override
    public int hashCode() {
        return TokenManagedConnectionFactory.class.hashCode();
    }
}
