package org.selfkms.console.gate;

import com.vaadin.flow.server.VaadinRequest;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import org.selfkms.api.gate.Credentials;
import org.selfkms.api.gate.Door;
import org.selfkms.api.gate.Operation;
import org.selfkms.api.gate.Request;
import org.selfkms.api.gate.RequestGate;
import org.selfkms.api.gate.Services;
import org.selfkms.api.identity.Caller;
import org.selfkms.console.auth.ConsoleSession;

/**
 * The console's way into the KMS: every view hands each user action (or page read) to the request gate once,
 * as the session's caller, and gets the services only inside that call - so every console request is recorded
 * before its outcome is shown, and a view cannot call a service without. A refusal comes back as the
 * {@link org.selfkms.api.error.KmsException} the views show as before.
 */
@ApplicationScoped
public class ConsoleGate {

    /** An action that answers nothing (a state change). */
    @FunctionalInterface
    public interface Change {
        void perform(Services kms, Caller caller);
    }

    @EJB
    private RequestGate gate;

    /**
     * One console request as the logged-in user.
     *
     * @param keyRef the key the action concerns, if any, for the audit record
     * @throws org.selfkms.api.error.KmsException the refusal, once recorded
     */
    public <R> R call(String action, String keyRef, Operation<R> operation) {
        // the guard shows no view without a login; without one, nothing is authenticated and no service answers
        Credentials credentials = ConsoleSession.caller().<Credentials>map(Credentials.ConsoleSession::new)
                .orElseGet(Credentials.None::new);
        return gate.serve(request(action, keyRef, credentials), operation).valueOrThrow();
    }

    /** As {@link #call}, for an action without a result. */
    public void run(String action, String keyRef, Change change) {
        call(action, keyRef, (kms, caller) -> {
            change.perform(kms, caller);
            return null;
        });
    }

    /**
     * A login: the gate checks the password and records the attempt, under the tenant of the user it named if
     * that user exists. The caller wipes the password.
     *
     * @return the caller for the session
     * @throws org.selfkms.api.error.KmsException the refusal, the same for unknown users and wrong passwords
     */
    public Caller login(String userName, char[] password) {
        return gate.serve(request("ConsoleLogin", null, new Credentials.ConsoleLogin(userName, password)),
                (kms, caller) -> caller).valueOrThrow();
    }

    private static Request request(String action, String keyRef, Credentials credentials) {
        VaadinRequest current = VaadinRequest.getCurrent();
        return new Request(Door.CONSOLE, action, keyRef, current == null ? null : current.getRemoteAddr(), credentials);
    }
}
