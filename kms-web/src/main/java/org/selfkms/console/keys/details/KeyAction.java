package org.selfkms.console.keys.details;

import org.selfkms.api.error.KmsException;
import org.selfkms.console.feedback.Notifications;

/**
 * One call to the key service from a details panel: success is announced, a refusal shows the service's
 * message, and the page is reloaded either way - a refusal may come from a change made elsewhere.
 */
@FunctionalInterface
interface KeyAction {

    void run();

    /** @return whether the service accepted the action */
    static boolean perform(String successMessage, KeyAction action, Runnable reload) {
        boolean accepted;
        try {
            action.run();
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
