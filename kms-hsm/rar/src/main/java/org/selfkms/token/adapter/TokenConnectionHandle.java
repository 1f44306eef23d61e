package org.selfkms.token.adapter;

import org.selfkms.token.TokenConnection;
import org.selfkms.token.TokenException;
import org.selfkms.token.TokenStatus;
import org.selfkms.token.WrappedKey;
import org.selfkms.token.keypair.DecryptionAlgorithm;
import org.selfkms.token.keypair.KeyPairSpec;
import org.selfkms.token.keypair.SignatureAlgorithm;
import org.selfkms.token.keypair.WrappedKeyPair;
import org.selfkms.token.spi.TokenBackend;

/** The object applications hold: delegates to the backend of its managed connection until closed. */
public class TokenConnectionHandle implements TokenConnection {

    private volatile TokenManagedConnection managedConnection;

    TokenConnectionHandle(TokenManagedConnection managedConnection) {
        this.managedConnection = managedConnection;
    }

    void reassociate(TokenManagedConnection connection) {
        this.managedConnection = connection;
    }

    void invalidate() {
        this.managedConnection = null;
    }

    private TokenBackend backend() throws TokenException {
        TokenManagedConnection connection = managedConnection;
        if (connection == null) {
            throw new TokenException(TokenException.Reason.UNAVAILABLE, "token connection is closed");
        }
        return connection.backend();
    }

    @Override
    public TokenStatus status() throws TokenException {
        return backend().status();
    }

    @Override
    public WrappedKey generateWrapped(int length, String purpose) throws TokenException {
        return backend().generateWrapped(length, purpose);
    }

    @Override
    public WrappedKey wrap(byte[] material, String purpose) throws TokenException {
        return backend().wrap(material, purpose);
    }

    @Override
    public byte[] unwrap(WrappedKey wrapped, String purpose) throws TokenException {
        return backend().unwrap(wrapped, purpose);
    }

    @Override
    public byte[] random(int length) throws TokenException {
        return backend().random(length);
    }

    @Override
    public int addDomainKeyVersion() throws TokenException {
        return backend().addDomainKeyVersion();
    }

    @Override
    public WrappedKey rewrap(WrappedKey wrapped, String purpose) throws TokenException {
        return backend().rewrap(wrapped, purpose);
    }

    @Override
    public void destroyDomainKeyVersion(int version) throws TokenException {
        backend().destroyDomainKeyVersion(version);
    }

    @Override
    public void generateTokenKey(String label) throws TokenException {
        backend().generateTokenKey(label);
    }

    @Override
    public byte[] deriveKey(String label, byte[] salt) throws TokenException {
        return backend().deriveKey(label, salt);
    }

    @Override
    public void destroyTokenKey(String label) throws TokenException {
        backend().destroyTokenKey(label);
    }

    @Override
    public void importTokenKey(String label, byte[] material) throws TokenException {
        backend().importTokenKey(label, material);
    }

    @Override
    public byte[] generateTokenKeyPair(String label, KeyPairSpec spec) throws TokenException {
        return backend().generateTokenKeyPair(label, spec);
    }

    @Override
    public WrappedKeyPair generateWrappedKeyPair(KeyPairSpec spec, String purpose) throws TokenException {
        return backend().generateWrappedKeyPair(spec, purpose);
    }

    @Override
    public byte[] signWithTokenKey(String label, SignatureAlgorithm algorithm, byte[] input) throws TokenException {
        return backend().signWithTokenKey(label, algorithm, input);
    }

    @Override
    public byte[] decryptWithTokenKey(String label, DecryptionAlgorithm algorithm, byte[] data) throws TokenException {
        return backend().decryptWithTokenKey(label, algorithm, data);
    }

    @Override
    public void close() {
        TokenManagedConnection connection = managedConnection;
        managedConnection = null;
        if (connection != null) {
            connection.handleClosed(this);
        }
    }
}
