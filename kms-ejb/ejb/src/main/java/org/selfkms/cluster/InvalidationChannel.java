package org.selfkms.cluster;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ContextService;
import jakarta.inject.Inject;
import org.infinispan.Cache;
import org.infinispan.notifications.Listener;
import org.infinispan.notifications.cachelistener.annotation.CacheEntryCreated;
import org.infinispan.notifications.cachelistener.annotation.CacheEntryModified;
import org.infinispan.notifications.cachelistener.event.CacheEntryEvent;

import java.util.UUID;
import java.util.function.Consumer;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Carries {@link Invalidation}s to every node through the Infinispan cache {@code kms/invalidations} that
 * wildfly-config defines: a local cache in standalone.xml (one node: the listener below is the whole story), a
 * replicated, synchronous cache in standalone-ha.xml. Publishing is a put of the invalidation's string with a
 * fresh value; the put returns once every member has applied it, and each member's listener (this node's too)
 * empties its own caches. Entries expire after a while: they are messages, not state.
 */
@Singleton
@Startup
@LocalBean
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class InvalidationChannel {

    public static final String CACHE = "java:jboss/infinispan/cache/kms/invalidations";
    private static final long LIFESPAN_MINUTES = 10;
    private static final Logger LOG = Logger.getLogger(InvalidationChannel.class.getName());

    @Resource(lookup = CACHE)
    private Cache<String, String> cache;

    @Inject
    private Invalidations invalidations;

    /** The deployment's context (naming, class loader) for Infinispan's threads, which have none of their own. */
    @Resource
    private ContextService contexts;

    private Receiver receiver;

    @PostConstruct
    void listen() {
        receiver = new Receiver(contexts.contextualConsumer(invalidations::apply));
        cache.addListener(receiver);
        LOG.info("Cache invalidations go through " + CACHE + " (" + cache.getCacheConfiguration().clustering().cacheMode() + ")");
    }

    @PreDestroy
    void stop() {
        cache.removeListener(receiver);
    }

    /**
     * To every node. If the cache refuses (e.g. a member left mid-put), this node still applies it, and the failure
     * is logged loudly: the change has committed and cannot be taken back.
     */
    public void publish(Invalidation what) {
        try {
            cache.put(what.encode(), UUID.randomUUID().toString(), LIFESPAN_MINUTES, TimeUnit.MINUTES);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Invalidation " + what.kind() + " not delivered to every node; applied on this one", e);
            invalidations.apply(what);
        }
    }

    /**
     * Called by Infinispan on every node for every put, local or replicated - for a replicated one in a JGroups
     * thread, which is why it applies through a contextual proxy.
     */
    @Listener
    public static final class Receiver {

        private final Consumer<Invalidation> apply;

        Receiver(Consumer<Invalidation> apply) {
            this.apply = apply;
        }

        @CacheEntryCreated
        @CacheEntryModified
        public void received(CacheEntryEvent<String, String> event) {
            if (event.isPre()) {
                return;
            }
            try {
                apply.accept(Invalidation.decode(event.getKey()));
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "An invalidation could not be applied", e);
            }
        }
    }
}
