package org.selfkms.cluster.infinispan;

import org.selfkms.api.cluster.InvalidationTransport;
import org.selfkms.api.cluster.InvalidationTransportProvider;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Opens {@link InfinispanTransport} where WildFly provides the cache {@value #CACHE} (wildfly-config defines it: local
 * in standalone.xml, replicated in standalone-ha.xml). WildFly starts the cache only for a component that references
 * it: kms-ejb's jboss-ejb3.xml gives InvalidationChannel, which calls this provider, the reference {@value #REFERENCE}.
 * This class names no Infinispan type, so that a server without Infinispan can load it, ask, and be told no.
 */
public final class InfinispanTransportProvider implements InvalidationTransportProvider {

    static final String CACHE = "java:jboss/infinispan/cache/kms/invalidations";
    private static final String REFERENCE = "java:comp/env/kms/invalidations";

    @Override
    public Optional<InvalidationTransport> open(Consumer<String> receiver) {
        Object cache;
        try {
            cache = new InitialContext().lookup(REFERENCE);
        } catch (NamingException | RuntimeException e) {
            return Optional.empty();
        }
        return Optional.of(InfinispanTransport.listen(cache, receiver));
    }
}
