package org.selfkms.identity;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.selfkms.hsm.TokenGateway;
import org.selfkms.tenant.TenantEntity;

import java.time.Clock;

/**
 * Registers service principals: API credentials through which an integrated service (cos, cdb...) calls
 * KMS for one tenant. Registering one is the tenant's authorisation of that service; its first use of alias
 * {@code kms-<service>} then creates the service's managed key. Today the operator's bootstrap option calls
 * this, and so does {@link IdentityAdministrationBean#createServiceCredential} on an administrator's request.
 */
@Stateless
public class ServicePrincipalRegistry {

    /** The SecretKey is shown once, here; toString leaves it out. */
    public record IssuedCredential(String service, String secretId, String secretKey) {
        @Override
        public String toString() {
            return "IssuedCredential[service=" + service + ", secretId=" + secretId + "]";
        }
    }

    @PersistenceContext(unitName = "kms")
    private EntityManager em;

    @Inject
    private TokenGateway token;

    @Inject
    private Clock clock;

    /** @throws IllegalArgumentException for a bad service name or an unknown tenant; nothing is stored then */
    public IssuedCredential register(long tenantId, String service) {
        Credentials.checkServiceName(service);
        if (em.find(TenantEntity.class, tenantId) == null) {
            throw new IllegalArgumentException("No tenant " + tenantId);
        }
        String secretId = GeneratedSecrets.secretId();
        String secretKey = GeneratedSecrets.alphanumeric(40);
        em.persist(Credentials.newCredential(token, secretId, secretKey, tenantId, "service:" + service,
                clock.instant().getEpochSecond(), service));
        em.flush();
        return new IssuedCredential(service, secretId, secretKey);
    }

    /** Whether the tenant has an enabled credential for the service. */
    public boolean isRegistered(long tenantId, String service) {
        return em.createQuery("select count(c) from ApiCredentialEntity c where c.tenantId = :tenant "
                        + "and c.service = :service and c.enabled = true", Long.class)
                .setParameter("tenant", tenantId).setParameter("service", service).getSingleResult() > 0;
    }
}
