package org.selfkms.it;

import com.tencentcloudapi.common.CommonClient;
import com.tencentcloudapi.common.Credential;
import com.tencentcloudapi.common.profile.ClientProfile;
import com.tencentcloudapi.common.profile.HttpProfile;
import com.tencentcloudapi.kms.v20190118.KmsClient;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.File;
import java.nio.file.Path;

/**
 * Base of every integration test: Arquillian deploys the EAR that the build produced (exactly what
 * wildfly-config installs) into the test server, and the tests talk to it from outside, as clients do.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public abstract class DeployedKms {

    @Deployment(testable = false)
    public static EnterpriseArchive ear() {
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, new File(System.getProperty("kms.ear")));
    }

    protected static int httpPort() {
        return Integer.getInteger("kms.it.http.port", 8180);
    }

    /** The HTTPS listener: 8443 moved by the run's port offset, like every other port of the test server. */
    protected static int httpsPort() {
        return 8443 + Integer.getInteger("kms.it.port.offset", 100);
    }

    /** The test server's KMS files (setting kms.data-dir): token keystore, audit journal, first-start credentials. */
    static Path dataDir() {
        return Path.of(System.getProperty("kms.it.data.dir"));
    }

    protected static int managementPort() {
        return Integer.getInteger("kms.it.management.port", 10090);
    }

    protected static String baseUrl() {
        return "http://127.0.0.1:" + httpPort();
    }

    protected static String adminUsername() {
        return "admin";
    }

    protected static String adminPassword() {
        return System.getProperty("kms.it.admin.password");
    }

    protected static String secretId() {
        return System.getProperty("kms.it.secret.id");
    }

    protected static String secretKey() {
        return System.getProperty("kms.it.secret.key");
    }

    /** The official SDK, configured as a user would to reach this server. */
    protected static KmsClient kms() {
        return kms(secretId(), secretKey());
    }

    protected static KmsClient kms(String secretId, String secretKey) {
        return kms(secretId, secretKey, "ap-guangzhou");
    }

    protected static KmsClient kms(String secretId, String secretKey, String region) {
        return new KmsClient(new Credential(secretId, secretKey), region, plainHttpProfile(httpPort()));
    }

    /** The official SDK for another server on this host (a node of ClusterIT's cluster), by its HTTP port. */
    protected static KmsClient kmsAt(int port, String secretId, String secretKey) {
        return new KmsClient(new Credential(secretId, secretKey), "ap-guangzhou", plainHttpProfile(port));
    }

    /**
     * The SDK's generic client, configured like {@link #kms()}: it sends any action with any JSON body, as an
     * outdated or hand-written caller may (RotateKey, which SDK 3.1.1436 lacks; fields of the wrong type).
     */
    protected static CommonClient commonClient() {
        return commonClient(secretId(), secretKey());
    }

    protected static CommonClient commonClient(String secretId, String secretKey) {
        return new CommonClient("kms", "2019-01-18", new Credential(secretId, secretKey), "ap-guangzhou", plainHttpProfile(httpPort()));
    }

    /** The server's plain-HTTP endpoint, as a user configures the SDK for it. */
    protected static ClientProfile plainHttpProfile(int port) {
        HttpProfile http = new HttpProfile();
        http.setEndpoint("127.0.0.1:" + port);
        http.setProtocol("http://");
        ClientProfile profile = new ClientProfile();
        profile.setHttpProfile(http);
        return profile;
    }

    protected static String uniqueAlias(String prefix) {
        return prefix + "-" + Long.toString(System.nanoTime(), 36);
    }
}
