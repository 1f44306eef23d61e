package org.selfkms.cluster;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.selfkms.identity.CredentialDirectory;
import org.selfkms.key.KeyDirectory;
import org.selfkms.key.VersionMaterialCache;
import org.selfkms.tenant.SuspendedTenants;

import java.util.UUID;

/**
 * The one way a state change empties the in-memory caches of the hot path, on every node.
 *
 * <p>{@link #afterCompletion} drops the entry on this node at once, and again on every node of the cluster (this
 * one included) once the transaction has ended, whatever its outcome. Together with each cache's epoch guard
 * (a loader caches what it read only if no invalidation came meanwhile) no node can keep or re-insert the row
 * as it was before the change. The second drop goes through {@link InvalidationChannel} (WildFly's Infinispan,
 * replicated and synchronous when clustered): it has reached every node before the changing request answers.
 */
@ApplicationScoped
public class Invalidations {

    @Inject
    private CredentialDirectory credentials;

    @Inject
    private KeyDirectory keys;

    @Inject
    private VersionMaterialCache materials;

    @Inject
    private SuspendedTenants suspendedTenants;

    @EJB
    private InvalidationChannel channel;

    @Resource
    private TransactionSynchronizationRegistry transactions;

    /** Now on this node, and on every node once the current transaction has ended. */
    public void afterCompletion(Invalidation what) {
        apply(what);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                channel.publish(what);
            }
        });
    }

    /** This node's part: called for every invalidation any node publishes. Touches memory only. */
    public void apply(Invalidation what) {
        switch (what.kind()) {
            case CREDENTIAL -> credentials.invalidate(what.id());
            case KEY -> keys.invalidate(UUID.fromString(what.id()));
            case KEY_MATERIAL -> {
                keys.invalidate(UUID.fromString(what.id()));
                materials.evict(UUID.fromString(what.id()));
            }
            case TENANTS -> suspendedTenants.invalidate();
        }
    }
}
