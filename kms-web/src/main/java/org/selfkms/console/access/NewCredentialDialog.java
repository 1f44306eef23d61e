package org.selfkms.console.access;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import java.nio.charset.StandardCharsets;
import org.selfkms.api.identity.NewCredential;
import org.selfkms.console.share.CopyButton;
import org.selfkms.console.share.DownloadButton;

/**
 * The one time a SecretKey is shown: copy or download it now. Only the button closes the dialog (not Esc, not a click
 * beside it), since closing drops the secret from the page for good; the server keeps it only wrapped under the
 * domain key and can never show it again.
 */
final class NewCredentialDialog extends Dialog {

    private static final long serialVersionUID = 1L;

    NewCredentialDialog(NewCredential credential) {
        setHeaderTitle("API credential for " + credential.owner());
        setId("new-credential-dialog");
        setCloseOnOutsideClick(false);
        setCloseOnEsc(false);
        TextField secretId = readOnly("SecretId", credential.secretId(), "new-credential-secret-id");
        TextField secretKey = readOnly("SecretKey", credential.secretKey(), "new-credential-secret-key");
        DownloadButton download = new DownloadButton("new-credential-download", "Download",
                "selfkms-credential-" + credential.secretId() + ".txt", () -> ("SecretId=" + credential.secretId()
                + "\nSecretKey=" + credential.secretKey() + "\n").getBytes(StandardCharsets.UTF_8));
        add(new Paragraph("Copy or download the SecretKey now: it is shown only this once and cannot be recovered."),
                row(secretId, copy(secretId, "new-credential-copy-id")),
                row(secretKey, copy(secretKey, "new-credential-copy-key")), download);
        Button done = new Button("I have stored it", click -> {
            secretKey.clear();
            remove(download);
            close();
        });
        done.setId("new-credential-done");
        done.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(done);
    }

    private static HorizontalLayout row(TextField field, Button copy) {
        HorizontalLayout row = new HorizontalLayout(field, copy);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        return row;
    }

    private static Button copy(TextField field, String id) {
        return CopyButton.labelled(id, field.getLabel(), field::getValue);
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
