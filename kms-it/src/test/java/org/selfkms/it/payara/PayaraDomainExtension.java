package org.selfkms.it.payara;

import org.jboss.arquillian.container.spi.client.container.DeployableContainer;
import org.jboss.arquillian.core.spi.LoadableExtension;

/**
 * Registers {@link PayaraDomain} only when the run targets Payara ({@code arquillian.launch=payara}, set by kms-it's
 * payara profile): Arquillian takes exactly one container implementation, and otherwise that is WildFly's.
 */
public class PayaraDomainExtension implements LoadableExtension {

    @Override
    public void register(ExtensionBuilder builder) {
        if ("payara".equals(System.getProperty("arquillian.launch"))) {
            builder.service(DeployableContainer.class, PayaraDomain.class);
        }
    }
}
