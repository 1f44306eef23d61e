package org.selfkms.console.access;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import org.selfkms.api.identity.Role;

import java.util.Arrays;
import java.util.function.Predicate;

/** Asks for user name, role and first password; the service checks them and the dialog stays open on a refusal. */
final class NewUserDialog extends Dialog {

    private static final long serialVersionUID = 1L;

    record Request(String username, Role role, char[] password) {
    }

    NewUserDialog(Predicate<Request> create) {
        setHeaderTitle("Add user");
        setId("new-user-dialog");
        TextField username = new TextField("User name");
        username.setId("new-user-name");
        username.setMaxLength(64);
        Select<Role> role = new Select<>();
        role.setId("new-user-role");
        role.setLabel("Role");
        role.setItems(Arrays.stream(Role.values()).filter(Role::assignableToUsers).toList());
        role.setValue(Role.KEY_USER);
        role.setHelperText("TENANT_ADMIN: everything. KEY_USER: use keys, read metadata. AUDITOR: read metadata and audit.");
        PasswordField password = new PasswordField("Password");
        password.setId("new-user-password");
        password.setHelperText("At least 12 characters");
        FormLayout form = new FormLayout(username, role, password);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        form.setWidth("26rem");
        add(form);

        Button cancel = new Button("Cancel", click -> close());
        Button add = new Button("Add", click -> {
            if (create.test(new Request(username.getValue().trim(), role.getValue(), password.getValue().toCharArray()))) {
                close();
            }
        });
        add.setId("new-user-submit");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.addClickShortcut(Key.ENTER).listenOn(this);
        getFooter().add(cancel, add);
    }
}
