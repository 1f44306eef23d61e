package org.selfkms.token;

/**
 * A lease on the token from the resource adapter's pool; close it (try-with-resources) to give it back.
 */
public interface TokenConnection extends TokenOperations, AutoCloseable {

    @Override
    void close();
}
