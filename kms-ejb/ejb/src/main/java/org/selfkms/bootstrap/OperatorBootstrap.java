package org.selfkms.bootstrap;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.selfkms.api.identity.Role;
import org.selfkms.identity.ConsoleUserEntity;
import org.selfkms.identity.GeneratedSecrets;
import org.selfkms.identity.PasswordHash;
import org.selfkms.schema.FirstStartLock;
import org.selfkms.settings.Secret;
import org.selfkms.settings.Settings;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Every installation has a platform operator, who creates and suspends tenants: console user {@code operator}
 * in the first tenant, made at the first start that finds none (a new installation, or one from before roles).
 * The password is {@code KMS_OPERATOR_PASSWORD} when set; otherwise it is generated and written to a file only
 * the server's user can read - the log names the file, never the password.
 */
@Singleton
@Startup
@DependsOn("FirstStartBootstrap")
public class OperatorBootstrap {

    public static final String OPERATOR_USERNAME = "operator";
    static final String CREDENTIALS_FILE = "operator-credentials.txt";
    private static final Logger LOG = Logger.getLogger(OperatorBootstrap.class.getName());

    @PersistenceContext(unitName = "kms")
    private EntityManager em;

    @Inject
    private Clock clock;

    @EJB
    private FirstStartLock firstStart;

    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    void createOperatorIfNone() {
        if (hasOperator()) {
            return;
        }
        firstStart.hold();
        if (hasOperator()) {
            return;
        }
        Optional<String> configured = Settings.server().secret(Secret.OPERATOR_PASSWORD);
        boolean generated = configured.isEmpty();
        String password = configured.orElseGet(() -> GeneratedSecrets.alphanumeric(24));
        em.persist(new ConsoleUserEntity(OPERATOR_USERNAME, FirstStartBootstrap.FIRST_TENANT_ID,
                PasswordHash.hash(password.toCharArray()), Role.PLATFORM_OPERATOR, clock.instant().getEpochSecond()));
        if (generated) {
            Path file = OperatorSecretsFile.write(CREDENTIALS_FILE, "# SelfKMS platform operator, generated on first start\n"
                    + "console user '" + OPERATOR_USERNAME + "' password (KMS_OPERATOR_PASSWORD): " + password + "\n");
            LOG.info("Created the platform operator '" + OPERATOR_USERNAME + "'. Its generated password is in " + file
                    + " (readable only by the server's user); move it to a safe place and delete the file.");
        } else {
            LOG.info("Created the platform operator '" + OPERATOR_USERNAME + "' with the password from KMS_OPERATOR_PASSWORD.");
        }
    }

    private boolean hasOperator() {
        long operators = em.createQuery("select count(u) from ConsoleUserEntity u where u.role = :role", Long.class)
                .setParameter("role", Role.PLATFORM_OPERATOR).getSingleResult();
        return operators > 0 || em.find(ConsoleUserEntity.class, OPERATOR_USERNAME) != null;
    }
}
