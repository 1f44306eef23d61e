package org.selfkms.console.auth;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import java.util.Arrays;
import org.selfkms.api.error.KmsErrorCode;
import org.selfkms.api.error.KmsException;
import org.selfkms.console.feedback.Notifications;
import org.selfkms.console.gate.ConsoleGate;

/**
 * The logged-in user's own password: the current one, the new one twice. The console checks only that the two new
 * ones match (a typing slip the service cannot see); the service decides the rest - the current password, the
 * length, the lockout after wrong guesses - and its refusal is marked on the field it concerns.
 */
public final class ChangePasswordDialog extends Dialog {

    private static final long serialVersionUID = 1L;

    private final ConsoleGate gate;
    private final PasswordField current = new PasswordField("Current password");
    private final PasswordField replacement = new PasswordField("New password");
    private final PasswordField repeated = new PasswordField("New password again");

    public ChangePasswordDialog(ConsoleGate gate) {
        this.gate = gate;
        setId("change-password-dialog");
        setHeaderTitle("Change your password");
        current.setId("current-password");
        current.setAutofocus(true);
        replacement.setId("new-password");
        replacement.setHelperText("At least 12 characters");
        repeated.setId("repeat-password");
        for (PasswordField field : new PasswordField[]{current, replacement, repeated}) {
            field.setRequiredIndicatorVisible(true);
            field.setWidthFull();
        }
        repeated.addKeyPressListener(Key.ENTER, press -> submit());
        FormLayout form = new FormLayout(current, replacement, repeated);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        form.setWidth("22rem");
        add(form);

        Button cancel = new Button("Cancel", click -> close());
        cancel.setId("change-password-cancel");
        Button change = new Button("Change password", click -> submit());
        change.setId("change-password-submit");
        change.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(cancel, change);
    }

    private void submit() {
        current.setInvalid(false);
        replacement.setInvalid(false);
        if (!replacement.getValue().equals(repeated.getValue())) {
            repeated.setErrorMessage("The two new passwords differ");
            repeated.setInvalid(true);
            return;
        }
        repeated.setInvalid(false);
        char[] currentPassword = current.getValue().toCharArray();
        char[] newPassword = replacement.getValue().toCharArray();
        try {
            gate.run("ChangePassword", null, (kms, caller) -> kms.identities().changeOwnPassword(caller, currentPassword, newPassword));
            Notifications.success("Password changed: use the new one from your next login");
            close();
        } catch (KmsException e) {
            PasswordField field = e.code() == KmsErrorCode.AUTH_LOGIN_FAILED || e.code() == KmsErrorCode.AUTH_LOGIN_LOCKED
                    ? current : e.code() == KmsErrorCode.INVALID_PARAMETER_VALUE ? replacement : null;
            if (field == null) {
                Notifications.error(e.getMessage());
            } else {
                field.setErrorMessage(e.getMessage());
                field.setInvalid(true);
            }
        } finally {
            Arrays.fill(currentPassword, '\0');
            Arrays.fill(newPassword, '\0');
        }
    }
}
