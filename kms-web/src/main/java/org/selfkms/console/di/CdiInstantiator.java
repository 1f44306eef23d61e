package org.selfkms.console.di;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.di.DefaultInstantiator;
import com.vaadin.flow.router.NavigationEvent;
import com.vaadin.flow.server.VaadinService;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.Unmanaged;
import jakarta.inject.Inject;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Creates the console's route targets, layouts and components through CDI's {@link Unmanaged}
 * (produce, inject, postConstruct), so that {@code @EJB}, {@code @Inject} and {@code @PostConstruct} work in
 * them. Everything else - Vaadin's own classes, service lookups, classes CDI cannot construct - keeps
 * Vaadin's default behaviour.
 *
 * <p>The instances are not CDI beans with a scope: they live as long as the component tree holds them, and
 * nobody disposes them, so {@code @PreDestroy} is never called. Inject only stateless things - {@code @Local}
 * EJB business interfaces (thread-safe proxies) or {@code @ApplicationScoped} beans - and keep UI state in
 * the components, as there is no {@code @UIScoped} or {@code @RouteScoped} without vaadin-cdi.
 */
final class CdiInstantiator extends DefaultInstantiator {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(CdiInstantiator.class.getName());

    // transient: the instantiator belongs to the VaadinService, which is never serialised with a session.
    private final transient BeanManager beanManager;
    /** Building an injection target means introspecting the class: do it once per class. */
    private final transient Map<Class<?>, Optional<Unmanaged<?>>> unmanagedByType = new ConcurrentHashMap<>();

    CdiInstantiator(VaadinService service, BeanManager beanManager) {
        super(service);
        this.beanManager = beanManager;
    }

    @Override
    public <T extends HasElement> T createRouteTarget(Class<T> routeTargetType, NavigationEvent event) {
        return createManaged(routeTargetType).orElseGet(() -> super.createRouteTarget(routeTargetType, event));
    }

    @Override
    public <T extends Component> T createComponent(Class<T> componentClass) {
        return createManaged(componentClass).orElseGet(() -> super.createComponent(componentClass));
    }

    private <T> Optional<T> createManaged(Class<T> type) {
        return unmanagedFor(type).map(unmanaged -> unmanaged.newInstance().produce().inject().postConstruct().get());
    }

    @SuppressWarnings("unchecked")
    private <T> Optional<Unmanaged<T>> unmanagedFor(Class<T> type) {
        Optional<Unmanaged<?>> unmanaged = unmanagedByType.computeIfAbsent(type, this::buildUnmanaged);
        return unmanaged.map(u -> (Unmanaged<T>) u);
    }

    private Optional<Unmanaged<?>> buildUnmanaged(Class<?> type) {
        if (!isConstructibleByCdi(type)) {
            return Optional.empty();
        }
        try {
            // The constructor already builds and validates the injection target, so a class CDI rejects
            // fails here, before any instance exists, and can safely take Vaadin's path instead.
            return Optional.of(new Unmanaged<>(beanManager, type));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "CDI cannot create " + type.getName()
                    + "; it is created without injection", e);
            return Optional.empty();
        }
    }

    /**
     * Vaadin's own classes have nothing to inject and are left to Vaadin. For the rest, CDI can only call a
     * no-argument or an {@code @Inject} constructor of a concrete top-level or static nested class; checking
     * that up front keeps such classes from failing later, at {@code produce()}.
     */
    private static boolean isConstructibleByCdi(Class<?> type) {
        if (type.getName().startsWith("com.vaadin.")
                || Modifier.isAbstract(type.getModifiers())
                || type.isAnonymousClass() || type.isLocalClass()
                || (type.isMemberClass() && !Modifier.isStatic(type.getModifiers()))) {
            return false;
        }
        return Arrays.stream(type.getDeclaredConstructors()).anyMatch(CdiInstantiator::isCdiConstructor);
    }

    private static boolean isCdiConstructor(Constructor<?> constructor) {
        return constructor.getParameterCount() == 0 || constructor.isAnnotationPresent(Inject.class);
    }
}
