package org.selfkms.console.feedback;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ErrorHandler;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.selfkms.api.error.KmsException;

/**
 * Last line for exceptions that no view handled. In production mode Vaadin's default handler only logs, so
 * the user would see nothing happen: this one shows a {@link KmsException}'s message (written to be safe for
 * callers) and, for anything else, a generic text while the details go to the server log only.
 *
 * <p>It installs itself on every new session; registered in
 * {@code META-INF/services/com.vaadin.flow.server.VaadinServiceInitListener}.
 */
public class ConsoleErrorHandler implements ErrorHandler, VaadinServiceInitListener {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(ConsoleErrorHandler.class.getName());

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(sessionInit -> sessionInit.getSession().setErrorHandler(this));
    }

    @Override
    public void error(ErrorEvent event) {
        KmsException kmsError = findKmsException(event.getThrowable());
        String text;
        if (kmsError != null) {
            text = kmsError.getMessage();
        } else {
            LOG.log(Level.SEVERE, "Unhandled error in the console", event.getThrowable());
            text = "Something went wrong on the server; the details are in the server log.";
        }
        if (UI.getCurrent() != null) {
            Notifications.error(text);
        }
    }

    /** EJB containers may wrap the application exception; look through the causes. */
    private static KmsException findKmsException(Throwable throwable) {
        for (Throwable t = throwable; t != null; t = t.getCause()) {
            if (t instanceof KmsException kms) {
                return kms;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }
}
