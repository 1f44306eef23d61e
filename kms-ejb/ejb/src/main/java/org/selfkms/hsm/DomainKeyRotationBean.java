package org.selfkms.hsm;

import jakarta.interceptor.Interceptors;
import org.selfkms.api.identity.Permission;
import org.selfkms.identity.AuthorizationGuard;
import org.selfkms.identity.Requires;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.resource.ConnectionFactoryDefinition;
import jakarta.resource.spi.TransactionSupport.TransactionSupportLevel;
import org.selfkms.api.error.KmsErrorCode;
import org.selfkms.api.error.KmsException;
import org.selfkms.api.identity.Caller;
import org.selfkms.api.token.TokenAdministration;
import org.selfkms.api.token.TokenOverview;
import org.selfkms.token.TokenConnectionFactory;
import org.selfkms.token.TokenStatus;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Domain-key rotation: a new version is created in the token, then a background job re-wraps every stored
 * CMK version and API secret under it in small transactions ({@link RewrapBatch}), and finally destroys the
 * old versions once nothing refers to them. The job also runs at every start, so a rotation interrupted by
 * a crash or shutdown resumes by itself; until it finishes, old and new versions both unwrap, so no
 * request notices.
 */
@Singleton
@Startup
@DependsOn("FirstStartBootstrap")
// The pool of token connections that TokenGateway uses: defined the portable way (a connection-factory definition
// for the resource adapter module kms-hsm.rar of this EAR) so that every application server binds it alike; on an
// enterprise bean because that is where every server looks for such definitions.
@ConnectionFactoryDefinition(name = TokenConnectionFactory.JNDI_NAME,
        interfaceName = "org.selfkms.token.TokenConnectionFactory",
        resourceAdapter = "#kms-hsm",
        transactionSupport = TransactionSupportLevel.NoTransaction,
        minPoolSize = 0,
        maxPoolSize = 64)
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@Interceptors(AuthorizationGuard.class)
public class DomainKeyRotationBean implements TokenAdministration {

    static final int BATCH_SIZE = 100;
    private static final Logger LOG = Logger.getLogger(DomainKeyRotationBean.class.getName());

    @Resource
    private TimerService timers;

    @EJB
    private RewrapBatch batches;

    @Inject
    private TokenGateway token;

    private final AtomicBoolean running = new AtomicBoolean();

    /**
     * A rotation is unfinished exactly while the token holds more than one domain-key version (old ones are
     * destroyed when it completes), so that is checked without touching the database.
     */
    @PostConstruct
    void resumeAtStart() {
        TokenStatus status = token.status();
        if (status.domainKeyVersions().size() > 1) {
            LOG.info("Resuming the domain-key rotation to version " + status.activeDomainKeyVersion());
            scheduleRewrap();
        }
    }

    @Override
    @Requires(Permission.ADMINISTER_TENANT)
    public TokenOverview overview(Caller caller) {
        requireAdministrator(caller);
        return overview();
    }

    @Override
    @Requires(Permission.ADMINISTER_TENANT)
    public TokenOverview rotateDomainKey(Caller caller) {
        requireAdministrator(caller);
        TokenStatus status = token.status();
        if (running.get() || batches.awaiting(status.activeDomainKeyVersion()) > 0
                || status.domainKeyVersions().size() > 1) {
            throw new KmsException(KmsErrorCode.KEY_STATE_NOT_SUPPORTED, "A domain-key rotation is still in progress");
        }
        int version = token.addDomainKeyVersion();
        LOG.info("Domain-key rotation to version " + version + " started by " + caller.principal());
        scheduleRewrap();
        return overview();
    }

    @Timeout
    void rewrap() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        try {
            TokenStatus status = token.status();
            int active = status.activeDomainKeyVersion();
            long done = 0;
            for (int n = batches.rewrap(active, BATCH_SIZE); n > 0; n = batches.rewrap(active, BATCH_SIZE)) {
                done += n;
            }
            if (done > 0) {
                LOG.info("Re-wrapped " + done + " stored items under domain-key version " + active);
            }
            for (int old : status.domainKeyVersions()) {
                if (old != active && !batches.referenced(old)) {
                    token.destroyDomainKeyVersion(old);
                    LOG.info("Destroyed domain-key version " + old + ": nothing refers to it any more");
                }
            }
        } catch (RuntimeException e) {
            // Left for the next start (or the next rotation request) to resume; nothing is lost.
            LOG.log(Level.WARNING, "Domain-key re-wrap interrupted; it resumes at the next start", e);
        } finally {
            running.set(false);
        }
    }

    private void scheduleRewrap() {
        timers.createSingleActionTimer(500, new TimerConfig("domain-key-rewrap", false));
    }

    private TokenOverview overview() {
        TokenStatus status = token.status();
        return new TokenOverview(status.backend(), status.tokenLabel(), status.activeDomainKeyVersion(),
                status.domainKeyVersions(), batches.awaiting(status.activeDomainKeyVersion()));
    }

    /**
     * The token serves every tenant: only the administrators of the first tenant, which runs the installation,
     * see and rotate it, from the console (the role check itself is {@link Requires}').
     */
    private static void requireAdministrator(Caller caller) {
        if (caller.kind() != Caller.Kind.CONSOLE_USER || caller.tenantId() != org.selfkms.bootstrap.FirstStartBootstrap.FIRST_TENANT_ID) {
            throw new KmsException(KmsErrorCode.UNAUTHORIZED, "Only the installation's console administrators may manage the token");
        }
    }
}
