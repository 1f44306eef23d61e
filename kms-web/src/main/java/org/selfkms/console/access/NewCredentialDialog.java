package org.selfkms.console.access;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import org.selfkms.api.identity.NewCredential;

/**
 * The one time a SecretKey is shown: copy it now. Closing the dialog drops it from the page; the server keeps
 * it only wrapped under the domain key and can never show it again.
 */
final class NewCredentialDialog extends Dialog {

    private static final long serialVersionUID = 1L;

    NewCredentialDialog(NewCredential credential) {
        setHeaderTitle("API credential for " + credential.owner());
        setId("new-credential-dialog");
        setCloseOnOutsideClick(false);
        TextField secretId = readOnly("SecretId", credential.secretId(), "new-credential-secret-id");
        TextField secretKey = readOnly("SecretKey", credential.secretKey(), "new-credential-secret-key");
        add(new Paragraph("Copy the SecretKey now: it is shown only this once and cannot be recovered."), secretId, secretKey);
        Button done = new Button("I have copied it", click -> {
            secretKey.clear();
            close();
        });
        done.setId("new-credential-done");
        done.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(done);
    }

    private static TextField readOnly(String label, String value, String id) {
        TextField field = new TextField(label);
        field.setValue(value);
        field.setReadOnly(true);
        field.setWidth("26rem");
        field.setId(id);
        return field;
    }
}
