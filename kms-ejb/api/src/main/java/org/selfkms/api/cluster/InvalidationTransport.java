package org.selfkms.api.cluster;

/**
 * Carries invalidation messages to every node of a cluster, this one included. Opened by an
 * {@link InvalidationTransportProvider}; the services hand it short strings and get them back, on every node, through
 * the receiver they gave when opening it.
 */
public interface InvalidationTransport extends AutoCloseable {

    /**
     * Returns once every member has received the message (or throws): the change it announces has committed, and
     * the request that made it answers only after this returns.
     */
    void publish(String message);

    /** For the log: what carries the messages (e.g. a cache and its clustering mode). */
    String description();

    @Override
    void close();
}
