package org.selfkms.api.cluster;

import java.util.Optional;
import java.util.function.Consumer;

/**
 * A way to reach the other nodes that some application servers provide (WildFly's Infinispan, in module
 * kms-cluster-infinispan of the EAR's lib/), found with {@link java.util.ServiceLoader}. Where none is available the
 * services run as one node: see docs/architecture.md, "Cache consistency".
 */
public interface InvalidationTransportProvider {

    /**
     * @param receiver called for every message published by any node, this one included, possibly on a thread of
     *                 the transport's own
     * @return empty when the server this runs on does not offer what this provider needs
     */
    Optional<InvalidationTransport> open(Consumer<String> receiver);
}
