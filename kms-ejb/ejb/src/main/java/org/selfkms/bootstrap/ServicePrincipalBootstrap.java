package org.selfkms.bootstrap;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import org.selfkms.identity.Credentials;
import org.selfkms.identity.ServicePrincipalRegistry;
import org.selfkms.identity.ServicePrincipalRegistry.IssuedCredential;
import org.selfkms.schema.FirstStartLock;
import org.selfkms.settings.Setting;
import org.selfkms.settings.Settings;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Logger;

/**
 * The operator's way to authorise integrated services for the first tenant until tenant administration
 * exists: {@code KMS_BOOTSTRAP_SERVICES="cos,cdb"} (setting {@code kms.bootstrap.services}). At every start, each listed service that has
 * no service principal yet gets one, and its generated SecretId/SecretKey go to
 * {@code <kms.data-dir>/service-<name>-credentials.txt}, readable only by the server's user; the log names
 * the file, never the secret. A bad name stops the deployment with a clear message and stores nothing.
 */
@Singleton
@Startup
@DependsOn("FirstStartBootstrap")
public class ServicePrincipalBootstrap {

    private static final Logger LOG = Logger.getLogger(ServicePrincipalBootstrap.class.getName());

    @EJB
    private ServicePrincipalRegistry registry;

    @EJB
    private FirstStartLock firstStart;

    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    void registerListedServices() {
        List<String> missing = unregistered(services(Settings.server().string(Setting.BOOTSTRAP_SERVICES, "")));
        if (missing.isEmpty()) {
            return;
        }
        // nodes starting at once: one registers, the others then find the services registered
        firstStart.hold();
        for (String service : unregistered(missing)) {
            IssuedCredential issued = registry.register(FirstStartBootstrap.FIRST_TENANT_ID, service);
            Path file = OperatorSecretsFile.write(fileName(service), "# SelfKMS service principal for '" + service
                    + "' (tenant " + FirstStartBootstrap.FIRST_ACCOUNT_UIN + ")\n"
                    + "SecretId: " + issued.secretId() + "\nSecretKey: " + issued.secretKey() + "\n");
            LOG.info("Registered service principal " + issued.secretId() + " for service '" + service
                    + "'. Its secret is in " + file + " (readable only by the server's user); hand it to the service and delete the file.");
        }
    }

    private List<String> unregistered(List<String> services) {
        return services.stream().filter(s -> !registry.isRegistered(FirstStartBootstrap.FIRST_TENANT_ID, s)).toList();
    }

    /** Comma- or space-separated names, each checked before anything is stored. */
    static List<String> services(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        List<String> names = Arrays.stream(value.split("[,\\s]+")).filter(s -> !s.isEmpty()).distinct().toList();
        try {
            names.forEach(Credentials::checkServiceName);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(Setting.BOOTSTRAP_SERVICES.variable() + ": " + e.getMessage(), e);
        }
        return names;
    }

    static String fileName(String service) {
        return "service-" + service + "-credentials.txt";
    }
}
