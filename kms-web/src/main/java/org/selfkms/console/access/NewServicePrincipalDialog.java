package org.selfkms.console.access;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;

import java.util.function.Predicate;

/**
 * Asks for the name of the integrated service (cos, cdb...) a tenant administrator authorises; the service
 * checks the name and the dialog stays open on a refusal.
 */
final class NewServicePrincipalDialog extends Dialog {

    private static final long serialVersionUID = 1L;

    NewServicePrincipalDialog(Predicate<String> create) {
        setHeaderTitle("Add service principal");
        setId("new-service-principal-dialog");
        TextField service = new TextField("Service");
        service.setId("new-service-principal-name");
        service.setMaxLength(32);
        service.setWidth("26rem");
        service.setHelperText("2-32 lower-case letters or digits, e.g. cos. Its credential acts as SERVICE and owns the key kms-<service>.");
        add(new Paragraph("The service gets an API credential of its own; its SecretKey is shown once."), service);

        Button cancel = new Button("Cancel", click -> close());
        Button add = new Button("Add", click -> {
            if (create.test(service.getValue().trim())) {
                close();
            }
        });
        add.setId("new-service-principal-submit");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.addClickShortcut(Key.ENTER).listenOn(this);
        getFooter().add(cancel, add);
    }
}
