package org.selfkms.bootstrap;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.selfkms.hsm.TokenGateway;
import org.selfkms.identity.ConsoleUserEntity;
import org.selfkms.identity.Credentials;
import org.selfkms.identity.PasswordHash;
import org.selfkms.tenant.TenantEntity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.logging.Logger;

/**
 * On the first start of an empty installation: one tenant, one console administrator and one API
 * credential (design section 5). Values come from {@code KMS_ADMIN_PASSWORD}, {@code KMS_BOOTSTRAP_SECRET_ID}
 * and {@code KMS_BOOTSTRAP_SECRET_KEY} when set; whatever is generated instead is written to a file that
 * only the server's user can read, and the log names that file - never the values.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrator")
public class FirstStartBootstrap {

    public static final long FIRST_TENANT_ID = 1;
    public static final long FIRST_ACCOUNT_UIN = 100000000001L;
    public static final String ADMIN_USERNAME = "admin";
    static final String CREDENTIALS_FILE = "bootstrap-credentials.txt";
    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final Logger LOG = Logger.getLogger(FirstStartBootstrap.class.getName());

    @PersistenceContext(unitName = "kms")
    private EntityManager em;

    @Inject
    private TokenGateway token;

    @Inject
    private Clock clock;

    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    void bootstrapIfEmpty() {
        if (em.find(TenantEntity.class, FIRST_TENANT_ID) != null) {
            return;
        }
        long now = clock.instant().getEpochSecond();
        StringBuilder generated = new StringBuilder();

        String password = fromEnvironment("KMS_ADMIN_PASSWORD", 24, generated, "console administrator '" + ADMIN_USERNAME + "' password");
        String secretId = fromEnvironment("KMS_BOOTSTRAP_SECRET_ID", 0, generated, "API SecretId");
        String secretKey = fromEnvironment("KMS_BOOTSTRAP_SECRET_KEY", 32, generated, "API SecretKey");
        Credentials.checkSecretId(secretId);
        Credentials.checkSecretKey(secretKey);

        em.persist(new TenantEntity(FIRST_TENANT_ID, FIRST_ACCOUNT_UIN, "default", now));
        em.persist(new ConsoleUserEntity(ADMIN_USERNAME, FIRST_TENANT_ID, PasswordHash.hash(password.toCharArray()),
                ConsoleUserEntity.ROLE_ADMINISTRATOR, now));
        em.persist(Credentials.newCredential(token, secretId, secretKey, FIRST_TENANT_ID, ADMIN_USERNAME, now));
        em.flush();

        if (generated.length() > 0) {
            Path file = writeCredentialsFile(generated.toString());
            LOG.info("First start: created tenant " + FIRST_ACCOUNT_UIN + ", console user '" + ADMIN_USERNAME
                    + "' and API credential " + secretId + ". Generated secrets are in " + file
                    + " (readable only by the server's user); move them to a safe place and delete the file.");
        } else {
            LOG.info("First start: created tenant " + FIRST_ACCOUNT_UIN + ", console user '" + ADMIN_USERNAME
                    + "' and API credential " + secretId + " from the KMS_* environment variables.");
        }
    }

    private static String fromEnvironment(String variable, int generatedLength, StringBuilder generated, String what) {
        String value = System.getenv(variable);
        if (value != null && !value.isBlank()) {
            return value.trim();
        }
        String fresh = generatedLength == 0 ? "AKID" + random(32) : random(generatedLength);
        generated.append(what).append(" (").append(variable).append("): ").append(fresh).append('\n');
        return fresh;
    }

    private static String random(int length) {
        SecureRandom random = new SecureRandom();
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(ALPHANUMERIC.charAt(random.nextInt(ALPHANUMERIC.length())));
        }
        return out.toString();
    }

    private static Path writeCredentialsFile(String content) {
        String dataDir = System.getProperty("jboss.server.data.dir", System.getProperty("java.io.tmpdir"));
        Path dir = Path.of(dataDir, "kms");
        Path file = dir.resolve(CREDENTIALS_FILE);
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".bootstrap", ".tmp");
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            Files.writeString(tmp, "# SelfKMS bootstrap credentials, generated on first start\n" + content, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return file;
        } catch (IOException | UnsupportedOperationException e) {
            throw new IllegalStateException("Cannot write the bootstrap credentials file in " + dir, e);
        }
    }
}
