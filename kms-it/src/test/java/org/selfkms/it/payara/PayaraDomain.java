package org.selfkms.it.payara;

import org.jboss.arquillian.container.spi.ConfigurationException;
import org.jboss.arquillian.container.spi.client.container.ContainerConfiguration;
import org.jboss.arquillian.container.spi.client.container.DeployableContainer;
import org.jboss.arquillian.container.spi.client.container.DeploymentException;
import org.jboss.arquillian.container.spi.client.container.LifecycleException;
import org.jboss.arquillian.container.spi.client.protocol.ProtocolDescription;
import org.jboss.arquillian.container.spi.client.protocol.metadata.ProtocolMetaData;
import org.jboss.shrinkwrap.api.Archive;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Arquillian's way into a Payara Server domain (kms-it's payara profile): starts and stops the domain and deploys the
 * EAR with the server's own asadmin, as an operator does. Payara's published Arquillian adapters for Payara Server
 * are built for the javax namespace up to the versions this build can resolve, hence this small one. The tests run
 * as clients ({@code @RunAsClient}), so the protocol is Arquillian's local one.
 */
public class PayaraDomain implements DeployableContainer<PayaraDomain.Configuration> {

    private Configuration configuration;

    @Override
    public Class<Configuration> getConfigurationClass() {
        return Configuration.class;
    }

    @Override
    public void setup(Configuration configuration) {
        this.configuration = configuration;
    }

    @Override
    public void start() throws LifecycleException {
        try {
            asadmin(configuration.getStartupTimeoutInSeconds(), "start-domain", configuration.getDomain());
        } catch (IOException e) {
            throw new LifecycleException("Payara domain " + configuration.getDomain() + " did not start", e);
        }
    }

    @Override
    public void stop() throws LifecycleException {
        try {
            asadmin(120, "stop-domain", configuration.getDomain());
        } catch (IOException e) {
            throw new LifecycleException("Payara domain " + configuration.getDomain() + " did not stop", e);
        }
    }

    @Override
    public ProtocolDescription getDefaultProtocol() {
        return new ProtocolDescription("Local");
    }

    @Override
    public ProtocolMetaData deploy(Archive<?> archive) throws DeploymentException {
        try {
            Path file = Files.createTempDirectory("kms-it-deploy").resolve(archive.getName());
            archive.as(ZipExporter.class).exportTo(file.toFile(), true);
            asadmin(configuration.getStartupTimeoutInSeconds(), "deploy", "--force=true", "--name=" + applicationName(archive), file.toString());
            return new ProtocolMetaData();
        } catch (IOException e) {
            throw new DeploymentException(archive.getName() + " was not deployed", e);
        }
    }

    @Override
    public void undeploy(Archive<?> archive) throws DeploymentException {
        try {
            asadmin(120, "undeploy", applicationName(archive));
        } catch (IOException e) {
            throw new DeploymentException(archive.getName() + " was not undeployed", e);
        }
    }

    private static String applicationName(Archive<?> archive) {
        String name = archive.getName();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /** Runs asadmin; its output goes to the build's output, and a failure carries it. */
    private void asadmin(int timeoutSeconds, String... arguments) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(configuration.getPayaraHome(), "bin", "asadmin").toString());
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("asadmin " + arguments[0] + " took longer than " + timeoutSeconds + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        System.out.print(output);
        if (process.exitValue() != 0) {
            throw new IOException("asadmin " + String.join(" ", arguments) + " failed: " + output);
        }
    }

    /** Arquillian fills it from the "payara" container of arquillian.xml. */
    public static class Configuration implements ContainerConfiguration {

        private String payaraHome;
        private String domain = "domain1";
        private int startupTimeoutInSeconds = 300;

        @Override
        public void validate() throws ConfigurationException {
            if (payaraHome == null || !Files.isExecutable(Path.of(payaraHome, "bin", "asadmin"))) {
                throw new ConfigurationException("payaraHome must be a Payara Server folder, not " + payaraHome);
            }
        }

        public String getPayaraHome() {
            return payaraHome;
        }

        public void setPayaraHome(String payaraHome) {
            this.payaraHome = payaraHome;
        }

        public String getDomain() {
            return domain;
        }

        public void setDomain(String domain) {
            this.domain = domain;
        }

        public int getStartupTimeoutInSeconds() {
            return startupTimeoutInSeconds;
        }

        public void setStartupTimeoutInSeconds(int startupTimeoutInSeconds) {
            this.startupTimeoutInSeconds = startupTimeoutInSeconds;
        }
    }
}
