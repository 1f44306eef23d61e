package org.selfkms.token.spi;

import org.selfkms.token.TokenOperations;

/**
 * What a token implementation (software keystore, PKCS#11 library) offers the resource adapter. One
 * instance per resource adapter, shared by all connections: implementations are thread-safe.
 */
public interface TokenBackend extends TokenOperations, AutoCloseable {

    @Override
    void close();
}
