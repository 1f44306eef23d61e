package org.selfkms.console.keys.details;

import org.selfkms.api.error.KmsException;
import org.selfkms.api.identity.Permission;
import org.selfkms.console.auth.ConsoleSession;
import org.selfkms.console.feedback.Notifications;
import org.selfkms.console.gate.ConsoleGate;

/**
 * One change of the shown key from a details panel: audited like every console call, success announced, a
 * refusal shown with the service's message, and the page reloaded either way - a refusal may come from a
 * change made elsewhere.
 */
final class KeyChange {

    private final ConsoleGate gate;
    private final Runnable reload;

    KeyChange(ConsoleGate gate, Runnable reload) {
        this.gate = gate;
        this.reload = reload;
    }

    /** Whether the logged-in user's role allows it: panels offer only what the service would not refuse for the role. */
    static boolean may(Permission permission) {
        return ConsoleSession.caller().map(caller -> caller.may(permission)).orElse(false);
    }

    ConsoleGate gate() {
        return gate;
    }

    void reload() {
        reload.run();
    }

    /**
     * @param action the action's name in the audit trail, as the Tencent door names it (e.g. DisableKey)
     * @return whether the service accepted the change
     */
    boolean apply(String action, String keyId, String successMessage, ConsoleGate.Change change) {
        boolean accepted;
        try {
            gate.run(action, keyId, change);
            Notifications.success(successMessage);
            accepted = true;
        } catch (KmsException e) {
            Notifications.error(e.getMessage());
            accepted = false;
        }
        reload.run();
        return accepted;
    }
}
