package org.selfkms.console.audit;

import com.vaadin.flow.server.VaadinRequest;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.selfkms.api.audit.AuditEvent;
import org.selfkms.api.audit.AuditLog;
import org.selfkms.api.identity.Caller;
import org.selfkms.console.auth.ConsoleSession;

/**
 * The console's side of the audit trail: every service call a console user makes goes through here and
 * leaves one record - login, key actions, token and audit views - allowed or refused. Like the Tencent door,
 * the record is written before the outcome is shown; if it cannot be written the action reports an error
 * instead of its result.
 */
@ApplicationScoped
public class ConsoleAudit {

    @EJB
    private AuditLog audit;

    /** A call whose key, if any, is known before it runs. */
    public <T> T call(String action, String keyId, Supplier<T> operation) {
        return call(action, keyId, operation, result -> keyId);
    }

    public void run(String action, String keyId, Runnable operation) {
        call(action, keyId, () -> {
            operation.run();
            return null;
        });
    }

    /** A call that names its key only in its result (e.g. the id of a key it created). */
    public <T> T call(String action, String keyId, Supplier<T> operation, Function<T, String> keyOfResult) {
        Caller caller = ConsoleSession.caller().orElse(null);
        String requestId = UUID.randomUUID().toString();
        T result;
        try {
            result = operation.get();
        } catch (RuntimeException e) {
            audit.record(AuditEvent.refused(AuditEvent.DOOR_CONSOLE, caller, action, keyId, requestId, sourceAddress(), e));
            throw e;
        }
        audit.record(AuditEvent.allowed(AuditEvent.DOOR_CONSOLE, caller, action, keyOfResult.apply(result), requestId,
                sourceAddress()));
        return result;
    }

    /** A login: before it there is no caller, so the record's principal comes from the service's answer. */
    public Caller login(Supplier<Caller> login) {
        String requestId = UUID.randomUUID().toString();
        Caller caller;
        try {
            caller = login.get();
        } catch (RuntimeException e) {
            audit.record(AuditEvent.refused(AuditEvent.DOOR_CONSOLE, null, "ConsoleLogin", null, requestId, sourceAddress(), e));
            throw e;
        }
        audit.record(AuditEvent.allowed(AuditEvent.DOOR_CONSOLE, caller, "ConsoleLogin", null, requestId, sourceAddress()));
        return caller;
    }

    private static String sourceAddress() {
        VaadinRequest request = VaadinRequest.getCurrent();
        return request == null ? null : request.getRemoteAddr();
    }
}
