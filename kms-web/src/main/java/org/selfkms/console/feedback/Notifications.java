package org.selfkms.console.feedback;

import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;

/** The console's two kinds of toast, so that every view reports outcomes the same way. */
public final class Notifications {

    private static final int SUCCESS_MILLIS = 3000;
    // Errors stay longer: they usually need reading.
    private static final int ERROR_MILLIS = 8000;

    private Notifications() {
    }

    public static void success(String text) {
        show(text, SUCCESS_MILLIS, NotificationVariant.LUMO_SUCCESS);
    }

    public static void error(String text) {
        show(text, ERROR_MILLIS, NotificationVariant.LUMO_ERROR);
    }

    private static void show(String text, int millis, NotificationVariant variant) {
        Notification notification = Notification.show(text, millis, Notification.Position.TOP_CENTER);
        notification.addThemeVariants(variant);
    }
}
