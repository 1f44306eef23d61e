package org.selfkms.console.auth;

import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinSession;
import java.util.Optional;
import org.selfkms.api.identity.Caller;
import org.selfkms.settings.Setting;
import org.selfkms.settings.Settings;

/**
 * The console login lives in the {@link VaadinSession} as the {@link Caller} that the service layer
 * returned; every service call passes it on. There is no servlet or Elytron login behind it.
 */
public final class ConsoleSession {

    private ConsoleSession() {
    }

    /** The logged-in caller, or empty outside a Vaadin request or before login. */
    public static Optional<Caller> caller() {
        VaadinSession session = VaadinSession.getCurrent();
        return session == null ? Optional.empty() : Optional.ofNullable(session.getAttribute(Caller.class));
    }

    /** For service calls from views, which {@link LoginGuard} only shows after a login. */
    public static Caller requireCaller() {
        return caller().orElseThrow(() -> new IllegalStateException("No console login in this session"));
    }

    static void signIn(Caller caller) {
        // A new session id at login, so that an id planted before the login (session fixation) is worthless.
        // changeSessionId keeps the HTTP session and therefore the VaadinSession and its UIs intact.
        VaadinServletRequest request = VaadinServletRequest.getCurrent();
        if (request != null) {
            request.getHttpServletRequest().changeSessionId();
            // idle time of a logged-in console, read at each login; with closeIdleSessions (web.xml) heartbeats
            // do not count as activity
            request.getHttpServletRequest().getSession().setMaxInactiveInterval(
                    Settings.server().intValue(Setting.CONSOLE_SESSION_TIMEOUT_SECONDS, 900));
        }
        VaadinSession.getCurrent().setAttribute(Caller.class, caller);
    }

    /** Forgets the caller and ends the HTTP session, so nothing of the UI state outlives the logout. */
    public static void signOut() {
        VaadinSession session = VaadinSession.getCurrent();
        session.setAttribute(Caller.class, null);
        session.getSession().invalidate();
    }
}
