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
import org.selfkms.api.cluster.InvalidationTransport;
import org.selfkms.api.cluster.InvalidationTransportProvider;

import java.util.ServiceLoader;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Carries {@link Invalidation}s to every node. The transport is the first that a provider in the EAR's lib/ can
 * open on this server (on WildFly: its Infinispan cache, replicated when clustered); where none can, this node is
 * the whole cluster and {@link SingleNode} hands each invalidation straight back to it.
 */
@Singleton
@Startup
@LocalBean
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class InvalidationChannel {

    private static final Logger LOG = Logger.getLogger(InvalidationChannel.class.getName());

    @Inject
    private Invalidations invalidations;

    /** The deployment's context (naming, class loader) for a transport's threads, which have none of their own. */
    @Resource
    private ContextService contexts;

    private InvalidationTransport transport;

    @PostConstruct
    void open() {
        Consumer<String> receiver = contexts.contextualConsumer(message -> invalidations.apply(Invalidation.decode(message)));
        transport = ServiceLoader.load(InvalidationTransportProvider.class, InvalidationTransportProvider.class.getClassLoader())
                .stream()
                .flatMap(provider -> provider.get().open(receiver).stream())
                .findFirst()
                .orElseGet(() -> new SingleNode(receiver));
        LOG.info("Cache invalidations go through " + transport.description());
    }

    @PreDestroy
    void close() {
        transport.close();
    }

    /**
     * To every node. If the transport refuses (e.g. a member left mid-put), this node still applies it, and the
     * failure is logged loudly: the change has committed and cannot be taken back.
     */
    public void publish(Invalidation what) {
        try {
            transport.publish(what.encode());
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Invalidation " + what.kind() + " not delivered to every node; applied on this one", e);
            invalidations.apply(what);
        }
    }

    /** One node: publishing is receiving. */
    record SingleNode(Consumer<String> receiver) implements InvalidationTransport {

        @Override
        public void publish(String message) {
            receiver.accept(message);
        }

        @Override
        public String description() {
            return "this node only (no cluster transport on this server)";
        }

        @Override
        public void close() {
        }
    }
}
