package org.selfkms.cluster.infinispan;

import org.infinispan.Cache;
import org.infinispan.notifications.Listener;
import org.infinispan.notifications.cachelistener.annotation.CacheEntryCreated;
import org.infinispan.notifications.cachelistener.annotation.CacheEntryModified;
import org.infinispan.notifications.cachelistener.event.CacheEntryEvent;
import org.selfkms.api.cluster.InvalidationTransport;

import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Publishing is a put of the message with a fresh value; in a replicated, synchronous cache the put returns once
 * every member has applied it, and each member's listener (this node's too) hands the message on. Entries expire
 * after a while: they are messages, not state.
 */
final class InfinispanTransport implements InvalidationTransport {

    private static final long LIFESPAN_MINUTES = 10;
    private static final Logger LOG = Logger.getLogger(InfinispanTransport.class.getName());

    private final Cache<String, String> cache;
    private final Receiver receiver;

    private InfinispanTransport(Cache<String, String> cache, Receiver receiver) {
        this.cache = cache;
        this.receiver = receiver;
    }

    @SuppressWarnings("unchecked")
    static InfinispanTransport listen(Object cache, Consumer<String> receiver) {
        InfinispanTransport transport = new InfinispanTransport((Cache<String, String>) cache, new Receiver(receiver));
        transport.cache.addListener(transport.receiver);
        return transport;
    }

    @Override
    public void publish(String message) {
        cache.put(message, UUID.randomUUID().toString(), LIFESPAN_MINUTES, TimeUnit.MINUTES);
    }

    @Override
    public String description() {
        return "Infinispan cache " + InfinispanTransportProvider.CACHE + " ("
                + cache.getCacheConfiguration().clustering().cacheMode() + ")";
    }

    @Override
    public void close() {
        cache.removeListener(receiver);
    }

    /** Called by Infinispan on every node for every put, local or replicated - for a replicated one in a JGroups thread. */
    @Listener
    public static final class Receiver {

        private final Consumer<String> receiver;

        Receiver(Consumer<String> receiver) {
            this.receiver = receiver;
        }

        @CacheEntryCreated
        @CacheEntryModified
        public void received(CacheEntryEvent<String, String> event) {
            if (event.isPre()) {
                return;
            }
            try {
                receiver.accept(event.getKey());
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "An invalidation could not be applied", e);
            }
        }
    }
}
