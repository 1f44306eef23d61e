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
import org.selfkms.hsm.TokenGateway;
import org.selfkms.api.identity.Role;
import org.selfkms.identity.ConsoleUserEntity;
import org.selfkms.identity.Credentials;
import org.selfkms.identity.GeneratedSecrets;
import org.selfkms.identity.PasswordHash;
import org.selfkms.schema.FirstStartLock;
import org.selfkms.settings.Secret;
import org.selfkms.settings.Settings;
import org.selfkms.tenant.TenantEntity;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * On the first start of an empty installation: one tenant, one console administrator and one API
 * credential (design section 5). Values come from {@code KMS_ADMIN_PASSWORD}, {@code KMS_BOOTSTRAP_SECRET_ID}
 * and {@code KMS_BOOTSTRAP_SECRET_KEY} when set; whatever is generated instead is written to a file that
 * only the server's user can read, and the log names that file - never the values. Of nodes that start at once on
 * an empty database, one creates them and the others find them ({@link FirstStartLock}).
 */
@Singleton
@Startup
@DependsOn("SchemaMigrator")
public class FirstStartBootstrap {

    public static final long FIRST_TENANT_ID = 1;
    public static final long FIRST_ACCOUNT_UIN = 100000000001L;
    public static final String ADMIN_USERNAME = "admin";
    static final String CREDENTIALS_FILE = "bootstrap-credentials.txt";
    private static final Logger LOG = Logger.getLogger(FirstStartBootstrap.class.getName());

    @PersistenceContext(unitName = "kms")
    private EntityManager em;

    @Inject
    private TokenGateway token;

    @Inject
    private Clock clock;

    @EJB
    private FirstStartLock firstStart;

    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    void bootstrapIfEmpty() {
        if (em.find(TenantEntity.class, FIRST_TENANT_ID) != null) {
            return;
        }
        firstStart.hold();
        if (em.find(TenantEntity.class, FIRST_TENANT_ID) != null) {
            return;
        }
        long now = clock.instant().getEpochSecond();
        StringBuilder generated = new StringBuilder();

        String password = fromEnvironment(Secret.ADMIN_PASSWORD, 24, generated, "console administrator '" + ADMIN_USERNAME + "' password");
        String secretId = fromEnvironment(Secret.BOOTSTRAP_SECRET_ID, 0, generated, "API SecretId");
        String secretKey = fromEnvironment(Secret.BOOTSTRAP_SECRET_KEY, 32, generated, "API SecretKey");
        Credentials.checkSecretId(secretId);
        Credentials.checkSecretKey(secretKey);

        em.persist(new TenantEntity(FIRST_TENANT_ID, FIRST_ACCOUNT_UIN, "default", now));
        em.persist(new ConsoleUserEntity(ADMIN_USERNAME, FIRST_TENANT_ID, PasswordHash.hash(password.toCharArray()),
                Role.TENANT_ADMIN, now));
        em.persist(Credentials.newCredential(token, secretId, secretKey, FIRST_TENANT_ID, ADMIN_USERNAME, now));
        em.flush();

        if (generated.length() > 0) {
            Path file = OperatorSecretsFile.write(CREDENTIALS_FILE,
                    "# SelfKMS bootstrap credentials, generated on first start\n" + generated);
            LOG.info("First start: created tenant " + FIRST_ACCOUNT_UIN + ", console user '" + ADMIN_USERNAME
                    + "' and API credential " + secretId + ". Generated secrets are in " + file
                    + " (readable only by the server's user); move them to a safe place and delete the file.");
        } else {
            LOG.info("First start: created tenant " + FIRST_ACCOUNT_UIN + ", console user '" + ADMIN_USERNAME
                    + "' and API credential " + secretId + " from the KMS_* environment variables.");
        }
    }

    private static String fromEnvironment(Secret variable, int generatedLength, StringBuilder generated, String what) {
        Optional<String> value = Settings.server().secret(variable);
        if (value.isPresent()) {
            return value.get();
        }
        String fresh = generatedLength == 0 ? GeneratedSecrets.secretId() : GeneratedSecrets.alphanumeric(generatedLength);
        generated.append(what).append(" (").append(variable).append("): ").append(fresh).append('\n');
        return fresh;
    }
}
