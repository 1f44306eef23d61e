package org.selfkms.key.lifecycle;

import jakarta.ejb.EJB;
import jakarta.ejb.Local;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.selfkms.api.audit.AuditLog;
import org.selfkms.hsm.TokenGateway;
import org.selfkms.key.imports.ImportTokenEntity;
import org.selfkms.key.imports.ImportTokenState;

import java.util.List;
import java.util.logging.Logger;

/**
 * Import tokens past their validity and never used: the row is marked expired (so the token is refused as
 * expired, not as unknown) and the wrapping key pair leaves the token. Works per key, under the key's row
 * lock like the other jobs, so each token expires once per cluster.
 */
@Stateless
// The view the sweep uses; an interface that is only inherited would not count as a business interface.
@Local(LifecycleJob.class)
public class ImportTokenExpiryJob implements LifecycleJob {

    private static final Logger LOG = Logger.getLogger(ImportTokenExpiryJob.class.getName());

    @PersistenceContext(unitName = "kms")
    private EntityManager em;

    @Inject
    private KeyRowLock rows;

    @Inject
    private TokenGateway token;

    @EJB
    private AuditLog audit;

    @Override
    public String name() {
        return "import-token-expiry";
    }

    @Override
    public List<String> dueKeys(long now, int limit) {
        return em.createQuery("select t.cmkId from ImportTokenEntity t where t.state = :issued and t.validTo <= :now"
                        + " group by t.cmkId order by min(t.validTo), t.cmkId", String.class)
                .setParameter("issued", ImportTokenState.ISSUED).setParameter("now", now)
                .setMaxResults(limit).getResultList();
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean process(String keyId, long now) {
        return rows.lockIfFree(keyId).map(key -> {
            List<ImportTokenEntity> due = em.createQuery("select t from ImportTokenEntity t where t.cmkId = :key"
                            + " and t.state = :issued and t.validTo <= :now", ImportTokenEntity.class)
                    .setParameter("key", keyId).setParameter("issued", ImportTokenState.ISSUED).setParameter("now", now)
                    .getResultList();
            // conditional, like the import's own use of a token: a token used meanwhile is not expired
            List<ImportTokenEntity> expired = due.stream().filter(t -> em.createQuery(
                            "update ImportTokenEntity t set t.state = :expired where t.tokenHash = :hash and t.state = :issued")
                    .setParameter("expired", ImportTokenState.EXPIRED).setParameter("issued", ImportTokenState.ISSUED)
                    .setParameter("hash", t.tokenHash()).executeUpdate() == 1).toList();
            for (ImportTokenEntity t : expired) {
                audit.record(DueKeyJob.timerEvent(key.tenantId(), "ExpireImportToken", keyId));
            }
            em.flush();
            // after the rows: a database refusal leaves the pairs, and the next sweep retries
            expired.forEach(t -> token.destroyTokenKey(t.wrappingKeyLabel()));
            if (!expired.isEmpty()) {
                LOG.info("Key " + keyId + ": " + expired.size() + " unused import token(s) expired, their wrapping keys destroyed");
            }
            return !expired.isEmpty();
        }).orElse(false);
    }
}
