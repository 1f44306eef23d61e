package org.selfkms.console.auth;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;

/**
 * Sends every navigation to a non-{@link PublicRoute} view to the login when the session has no caller, and to
 * {@link ForbiddenView} when the caller lacks the view's {@link RequiresPermission}.
 * A listener on each UI rather than a check in a common layout, so that views without that layout (or
 * added later) cannot forget it. Vaadin runs UI-level listeners before it creates the target view, so
 * guarded views are never even instantiated without a login.
 *
 * <p>Registered in {@code META-INF/services/com.vaadin.flow.server.VaadinServiceInitListener}.
 */
public class LoginGuard implements VaadinServiceInitListener {

    private static final long serialVersionUID = 1L;

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(uiInit -> uiInit.getUI().addBeforeEnterListener(LoginGuard::check));
    }

    private static void check(BeforeEnterEvent event) {
        boolean isPublic = event.getNavigationTarget().isAnnotationPresent(PublicRoute.class);
        if (!isPublic && ConsoleSession.caller().isEmpty()) {
            // forwardTo, not rerouteTo: the address bar shows /login, and a reload stays there.
            event.forwardTo(LoginView.class);
            return;
        }
        RequiresPermission required = event.getNavigationTarget().getAnnotation(RequiresPermission.class);
        if (required != null && !ConsoleSession.caller().map(caller -> caller.may(required.value())).orElse(false)) {
            // rerouteTo: the address stays what the user asked for, the page says it is not allowed
            event.rerouteTo(ForbiddenView.class);
        }
    }
}
