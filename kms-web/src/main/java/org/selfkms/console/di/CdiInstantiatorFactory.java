package org.selfkms.console.di;

import com.vaadin.flow.di.Instantiator;
import com.vaadin.flow.di.InstantiatorFactory;
import com.vaadin.flow.server.VaadinService;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.CDI;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Gives Vaadin a CDI-aware {@link Instantiator}, because {@code com.vaadin:vaadin-cdi} cannot be obtained
 * here. Vaadin finds this class through {@code META-INF/services/com.vaadin.flow.di.InstantiatorFactory}
 * (and its own class scanning) and creates it reflectively, so it is not a CDI bean itself and has to look
 * the {@link BeanManager} up.
 */
public class CdiInstantiatorFactory implements InstantiatorFactory {

    private static final Logger LOG = Logger.getLogger(CdiInstantiatorFactory.class.getName());

    @Override
    public Instantiator createInstantitor(VaadinService service) {
        Optional<BeanManager> beanManager = findBeanManager();
        if (beanManager.isEmpty()) {
            // null tells Vaadin to use its DefaultInstantiator: the UI still starts, but views get no injection.
            LOG.warning("No CDI BeanManager found: console views will be created without @EJB/@Inject injection");
            return null;
        }
        return new CdiInstantiator(service, beanManager.get());
    }

    /**
     * {@code java:comp/BeanManager} is the portable way for a module to reach its own bean manager; Vaadin
     * calls this factory while the servlet initialises, where the module's naming context is active.
     * {@link CDI#current()} is the fallback for containers that bind nothing there.
     */
    private static Optional<BeanManager> findBeanManager() {
        try {
            return Optional.of(InitialContext.doLookup("java:comp/BeanManager"));
        } catch (NamingException e) {
            LOG.log(Level.FINE, "java:comp/BeanManager not bound, trying CDI.current()", e);
        }
        try {
            return Optional.of(CDI.current().getBeanManager());
        } catch (IllegalStateException e) {
            LOG.log(Level.FINE, "CDI.current() has no container", e);
            return Optional.empty();
        }
    }
}
