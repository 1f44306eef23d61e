package org.selfkms.console.keys;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.function.Consumer;
import org.selfkms.api.error.KmsErrorCode;
import org.selfkms.api.error.KmsException;
import org.selfkms.api.key.KeyMetadata;
import org.selfkms.api.key.KeyUsage;
import org.selfkms.api.key.NewKey;
import org.selfkms.api.key.ProtectionLevel;
import org.selfkms.console.feedback.Notifications;
import org.selfkms.console.gate.ConsoleGate;

/**
 * Asks for alias, description, key usage and protection level and creates the key. Only "alias is empty" is checked here; the
 * service owns the real rules (alias syntax, uniqueness, description length) and its message is shown as
 * it is, with the dialog left open so the user can correct the input.
 */
final class CreateKeyDialog extends Dialog {

    private static final long serialVersionUID = 1L;
    private final ConsoleGate gate;
    private final Consumer<KeyMetadata> onCreated;

    private final TextField alias = new TextField("Alias");
    private final TextArea description = new TextArea("Description");
    private final Select<ProtectionLevel> protection = new Select<>();
    private final Select<KeyUsage> usage = new Select<>();

    CreateKeyDialog(ConsoleGate gate, Consumer<KeyMetadata> onCreated) {
        this.gate = gate;
        this.onCreated = onCreated;

        setHeaderTitle("Create key");
        setId("create-key-dialog");

        alias.setId("alias-field");
        alias.setRequiredIndicatorVisible(true);
        alias.setMaxLength(60);
        alias.setHelperText("1-60 letters, digits, '-' or '_'; starts with a letter or digit");
        alias.setAutofocus(true);

        description.setId("description-field");
        description.setMaxLength(1024);

        usage.setId("key-usage-select");
        usage.setLabel("Usage");
        usage.setItems(KeyUsage.values());
        usage.setValue(KeyUsage.ENCRYPT_DECRYPT);
        usage.setItemLabelGenerator(KeyLabels::usage);
        usage.setHelperText("The first is a symmetric key; the others are key pairs (SM2 and the post-quantum ones need Software protection).");

        // Empty means the server's default, which the operator chose (KMS_DEFAULT_PROTECTION_LEVEL).
        protection.setId("protection-level-select");
        protection.setLabel("Protection level");
        protection.setItems(ProtectionLevel.values());
        protection.setEmptySelectionAllowed(true);
        protection.setEmptySelectionCaption("Server default");
        protection.setItemLabelGenerator(level -> level == null ? "Server default" : KeyLabels.protection(level));
        protection.setHelperText("HSM: the key never leaves the token. SOFTWARE: unwrapped into server memory, faster.");

        FormLayout form = new FormLayout(alias, description, usage, protection);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        form.setWidth("28rem");
        add(form);

        Button cancel = new Button("Cancel", click -> close());
        cancel.setId("create-key-cancel");
        Button create = new Button("Create", click -> submit());
        // Enter in the alias field creates the key (the description may take line breaks)
        alias.addKeyPressListener(Key.ENTER, press -> submit());
        create.setId("create-key-submit");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(cancel, create);
    }

    private void submit() {
        String aliasValue = alias.getValue().trim();
        if (aliasValue.isEmpty()) {
            alias.setErrorMessage("Alias is required");
            alias.setInvalid(true);
            return;
        }
        String descriptionValue = description.getValue().isBlank() ? null : description.getValue();
        try {
            KeyMetadata created = gate.call("CreateKey", null, (kms, caller) -> kms.keys().createKey(caller,
                    new NewKey(aliasValue, descriptionValue, usage.getValue(), null, protection.getValue(), null)));
            close();
            onCreated.accept(created);
        } catch (KmsException e) {
            // a refused alias is marked on its field, keeping what was typed; anything else is a notification
            if (e.code() == KmsErrorCode.ALIAS_INVALID || e.code() == KmsErrorCode.ALIAS_EXISTS) {
                alias.setErrorMessage(e.getMessage());
                alias.setInvalid(true);
            } else {
                Notifications.error(e.getMessage());
            }
        }
    }
}
