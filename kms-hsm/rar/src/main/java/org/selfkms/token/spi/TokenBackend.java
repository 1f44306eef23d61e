package org.selfkms.token.spi;

import org.selfkms.token.TokenException;
import org.selfkms.token.TokenStatus;
import org.selfkms.token.WrappedKey;

/**
 * What a token implementation (software keystore, PKCS#11 library) offers the resource adapter. One
 * instance per resource adapter, shared by all connections: implementations are thread-safe.
 */
public interface TokenBackend extends AutoCloseable {

    TokenStatus status() throws TokenException;

    WrappedKey generateWrapped(int length, String purpose) throws TokenException;

    WrappedKey wrap(byte[] material, String purpose) throws TokenException;

    byte[] unwrap(WrappedKey wrapped, String purpose) throws TokenException;

    byte[] random(int length) throws TokenException;

    @Override
    void close();
}
