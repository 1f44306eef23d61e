package org.selfkms.console.keys.details;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import org.selfkms.api.datakey.DataKeyMetadata;
import org.selfkms.api.datakey.GeneratedDataKey;
import org.selfkms.api.datakey.HostedDataKeys;
import org.selfkms.api.datakey.NewDataKey;
import org.selfkms.api.error.KmsErrorCode;
import org.selfkms.api.error.KmsException;
import org.selfkms.api.key.KeyMetadata;
import org.selfkms.console.feedback.Notifications;

import java.util.Arrays;
import java.util.List;

/**
 * Generates a data key under the key and has the KMS host it (GenerateDataKey with IsHostedByKms=1), in one request.
 * The plaintext the service returns is overwritten inside that request: the console never holds or shows it.
 * A refused name or description is marked on its field, anything else is a notification, and the dialog stays open.
 */
final class NewDataKeyDialog extends Dialog {

    private static final long serialVersionUID = 1L;

    private final KeyMetadata key;
    private final KeyChange change;
    private final Runnable onCreated;
    private final TextField name = new TextField("Name");
    private final TextArea description = new TextArea("Description");
    private final RadioButtonGroup<Integer> length = new RadioButtonGroup<>("Length");

    NewDataKeyDialog(KeyMetadata key, KeyChange change, Runnable onCreated) {
        this.key = key;
        this.change = change;
        this.onCreated = onCreated;
        setHeaderTitle("New data key under " + key.alias());
        setId("new-data-key-dialog");

        name.setId("data-key-name-field");
        name.setRequiredIndicatorVisible(true);
        name.setMaxLength(HostedDataKeys.MAX_NAME_CHARS);
        name.setHelperText("1-" + HostedDataKeys.MAX_NAME_CHARS + " letters, digits, '-' or '_'; unique in the account");
        name.setAutofocus(true);
        description.setId("data-key-description-field");
        description.setHelperText("At most " + HostedDataKeys.MAX_DESCRIPTION_BYTES + " bytes");
        length.setId("data-key-length");
        length.setItems(32, 16);
        length.setValue(32);
        length.setItemLabelGenerator(bytes -> bytes + " bytes (AES-" + bytes * 8 + ")");

        Paragraph plaintext = new Paragraph("The KMS generates the data key and keeps it only encrypted under " + key.alias()
                + ": the console does not show its plaintext. Applications fetch it with GetDataKeyPlaintext, by the data"
                + " key's id, while the data key and this key are enabled.");
        plaintext.setId("data-key-plaintext-note");
        FormLayout form = new FormLayout(name, description, length);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        form.setWidth("32rem");
        form.setMaxWidth("100%");
        add(form, plaintext);
        plaintext.setWidth("32rem");
        plaintext.setMaxWidth("100%");

        Button cancel = new Button("Cancel", click -> close());
        cancel.setId("data-key-create-cancel");
        Button create = new Button("Create", click -> submit());
        create.setId("data-key-create-submit");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        // Enter in the name field creates the data key (the description may take line breaks)
        name.addKeyPressListener(Key.ENTER, press -> submit());
        getFooter().add(cancel, create);
    }

    private void submit() {
        String nameValue = name.getValue().trim();
        if (nameValue.isEmpty()) {
            name.setErrorMessage("Name is required");
            name.setInvalid(true);
            return;
        }
        NewDataKey request = new NewDataKey(key.keyId(), nameValue, description.getValue(), length.getValue(), null, List.of());
        DataKeyMetadata made;
        try {
            made = change.gate().call("GenerateDataKey", key.keyId(), (kms, caller) -> {
                GeneratedDataKey generated = kms.dataKeys().generate(caller, request);
                Arrays.fill(generated.plaintext(), (byte) 0); // applications fetch it; the console keeps no copy
                return generated.metadata();
            });
        } catch (KmsException e) {
            if (e.code() == KmsErrorCode.DATA_KEY_NAME_INVALID || e.code() == KmsErrorCode.DATA_KEY_NAME_EXISTS) {
                name.setErrorMessage(e.getMessage());
                name.setInvalid(true);
            } else if (e.code() == KmsErrorCode.INVALID_PARAMETER_VALUE && e.getMessage().startsWith("Description")) {
                description.setErrorMessage(e.getMessage());
                description.setInvalid(true);
            } else {
                Notifications.error(e.getMessage());
            }
            return;
        }
        close();
        Notifications.success("Data key " + made.name() + " created: " + made.dataKeyId());
        onCreated.run();
    }
}
