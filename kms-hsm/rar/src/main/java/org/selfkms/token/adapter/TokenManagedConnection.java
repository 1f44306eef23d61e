package org.selfkms.token.adapter;

import jakarta.resource.NotSupportedException;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionEvent;
import jakarta.resource.spi.ConnectionEventListener;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.LocalTransaction;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ManagedConnectionMetaData;
import org.selfkms.token.TokenException;
import org.selfkms.token.spi.TokenBackend;

import javax.security.auth.Subject;
import javax.transaction.xa.XAResource;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A pooled lease on the token. The software backend is thread-safe, so the lease itself holds no session. */
class TokenManagedConnection implements ManagedConnection {

    private final TokenManagedConnectionFactory factory;
    private final List<ConnectionEventListener> listeners = new CopyOnWriteArrayList<>();
    private final List<TokenConnectionHandle> handles = new CopyOnWriteArrayList<>();
    private PrintWriter logWriter;

    TokenManagedConnection(TokenManagedConnectionFactory factory) {
        this.factory = factory;
    }

    TokenManagedConnectionFactory factory() {
        return factory;
    }

    TokenBackend backend() throws TokenException {
        TokenResourceAdapter adapter = factory.tokenResourceAdapter();
        if (adapter == null) {
            throw new TokenException(TokenException.Reason.UNAVAILABLE, "token resource adapter is not associated");
        }
        return adapter.backend();
    }

    @Override
    public Object getConnection(Subject subject, ConnectionRequestInfo info) {
        TokenConnectionHandle handle = new TokenConnectionHandle(this);
        handles.add(handle);
        return handle;
    }

    /** Called by a handle's close(): tells the pool this lease can be reused. */
    void handleClosed(TokenConnectionHandle handle) {
        handles.remove(handle);
        ConnectionEvent event = new ConnectionEvent(this, ConnectionEvent.CONNECTION_CLOSED);
        event.setConnectionHandle(handle);
        for (ConnectionEventListener listener : listeners) {
            listener.connectionClosed(event);
        }
    }

    /** Called when the token failed under a handle: the pool should drop this lease. */
    void handleFailed(TokenConnectionHandle handle, Exception cause) {
        ConnectionEvent event = new ConnectionEvent(this, ConnectionEvent.CONNECTION_ERROR_OCCURRED, cause);
        event.setConnectionHandle(handle);
        for (ConnectionEventListener listener : listeners) {
            listener.connectionErrorOccurred(event);
        }
    }

    @Override
    public void associateConnection(Object connection) throws ResourceException {
        if (!(connection instanceof TokenConnectionHandle handle)) {
            throw new ResourceException("not a token connection handle");
        }
        handle.reassociate(this);
        handles.add(handle);
    }

    @Override
    public void cleanup() {
        for (TokenConnectionHandle handle : handles) {
            handle.invalidate();
        }
        handles.clear();
    }

    @Override
    public void destroy() {
        cleanup();
    }

    @Override
    public void addConnectionEventListener(ConnectionEventListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeConnectionEventListener(ConnectionEventListener listener) {
        listeners.remove(listener);
    }

    @Override
    public XAResource getXAResource() throws ResourceException {
        throw new NotSupportedException("the token takes no part in transactions");
    }

    @Override
    public LocalTransaction getLocalTransaction() throws ResourceException {
        throw new NotSupportedException("the token takes no part in transactions");
    }

    @Override
    public ManagedConnectionMetaData getMetaData() {
        return new ManagedConnectionMetaData() {
            @Override
            public String getEISProductName() {
                return "SelfKMS token";
            }

            @Override
            public String getEISProductVersion() {
                return "1.0";
            }

            @Override
            public int getMaxConnections() {
                return 0;
            }

            @Override
            public String getUserName() {
                return "";
            }
        };
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }
}
