package org.selfkms.token;

import jakarta.resource.Referenceable;

import java.io.Serializable;

/**
 * The entry point kms-ejb looks up in JNDI ({@link #JNDI_NAME}). Each connection is a short lease on the
 * token; always use it in try-with-resources so that the pool gets it back.
 */
public interface TokenConnectionFactory extends Serializable, Referenceable {

    String JNDI_NAME = "java:app/kms/Token";

    TokenConnection getConnection() throws TokenException;
}
