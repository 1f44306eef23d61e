package org.selfkms.console.keys.details;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import org.selfkms.api.key.KeyMetadata;
import org.selfkms.api.key.KeyOrigin;
import org.selfkms.api.key.KeyState;
import org.selfkms.console.feedback.ConfirmAction;
import org.selfkms.console.gate.ConsoleGate;
import org.selfkms.console.keys.UnixTime;
import org.selfkms.console.keys.byok.ImportMaterialDialog;

/**
 * The state changes a key allows in its current state, and only those: Enabled - disable, archive;
 * Disabled - enable, schedule deletion; PendingDelete - cancel deletion (the date is shown); Archived -
 * cancel archive; PendingImport - import material, schedule deletion. An Enabled key for imported material can
 * also take its material again (a new expiry); an Enabled or Disabled one can have it deleted. Service-managed keys get none: the service refuses them.
 */
final class KeyLifecycleBar extends HorizontalLayout {

    private static final long serialVersionUID = 1L;

    private final KeyChange change;

    KeyLifecycleBar(KeyChange change) {
        this.change = change;
        setId("key-lifecycle-actions");
        setAlignItems(Alignment.BASELINE);
    }

    void show(KeyMetadata key, boolean serviceManaged) {
        removeAll();
        if (serviceManaged) {
            Span managed = new Span("Managed by the service " + key.owner() + ": it can be read, used and rotated, nothing else");
            managed.setId("key-managed-banner");
            add(managed);
            return;
        }
        String id = key.keyId();
        switch (key.state()) {
            case Enabled -> add(
                    confirmed("key-disable", "Disable", ButtonVariant.LUMO_ERROR, "DisableKey", id, "Key disabled",
                            (kms, caller) -> kms.keys().disableKey(caller, id), "Disable key " + key.alias() + "?",
                            "Applications that encrypt, decrypt, sign or generate data keys with it are refused until it"
                                    + " is enabled again."),
                    confirmed("key-archive", "Archive", ButtonVariant.LUMO_CONTRAST, "ArchiveKey", id,
                            "Key archived: it only decrypts now", (kms, caller) -> kms.keys().archiveKey(caller, id),
                            "Archive key " + key.alias() + "?", "It will only decrypt: encrypting and generating data"
                                    + " keys with it are refused until the archive is cancelled."));
            case Disabled -> add(button("key-enable", "Enable", ButtonVariant.LUMO_SUCCESS, "EnableKey", id, "Key enabled",
                    (kms, caller) -> kms.keys().enableKey(caller, id)), scheduleDeletion(key));
            case PendingImport -> add(importMaterial(key, ButtonVariant.LUMO_PRIMARY), scheduleDeletion(key));
            case PendingDelete -> {
                Span date = new Span("Deleted for good on " + UnixTime.formatUtc(key.deletionDate()) + " UTC");
                date.setId("deletion-date");
                add(date, button("key-cancel-deletion", "Cancel deletion", ButtonVariant.LUMO_PRIMARY, "CancelKeyDeletion", id,
                        "Deletion cancelled: the key is disabled", (kms, caller) -> kms.keys().cancelKeyDeletion(caller, id)));
            }
            case Archived -> add(button("key-cancel-archive", "Cancel archive", ButtonVariant.LUMO_PRIMARY, "CancelKeyArchive", id,
                    "Key enabled again", (kms, caller) -> kms.keys().cancelKeyArchive(caller, id)));
            default -> add(new Span("No state change is possible in state " + key.state()));
        }
        if (key.origin() == KeyOrigin.EXTERNAL && key.state() == KeyState.Enabled) {
            add(importMaterial(key, ButtonVariant.LUMO_CONTRAST));
        }
        if (key.origin() == KeyOrigin.EXTERNAL && (key.state() == KeyState.Enabled || key.state() == KeyState.Disabled)) {
            add(confirmed("key-delete-material", "Delete key material",
                    ButtonVariant.LUMO_ERROR, "DeleteImportedKeyMaterial", id, "Key material deleted: the key waits for it",
                    (kms, caller) -> kms.imports().deleteImportedKeyMaterial(caller, id),
                    "Delete the key material of " + key.alias() + "?", "The key returns to Pending import: nothing"
                            + " encrypts or decrypts with it until you import the same material again."));
        }
    }

    private Button scheduleDeletion(KeyMetadata key) {
        Button schedule = new Button("Schedule deletion", click -> new ScheduleDeletionDialog(key, change).open());
        schedule.setId("key-schedule-deletion");
        schedule.addThemeVariants(ButtonVariant.LUMO_ERROR);
        return schedule;
    }

    /** The wizard; for a key that has material, importing the same material again sets a new expiry. */
    private Button importMaterial(KeyMetadata key, ButtonVariant variant) {
        return button("key-import-material", "Import key material", variant,
                () -> new ImportMaterialDialog(change.gate(), key, change::reload).open());
    }

    private Button button(String id, String text, ButtonVariant variant, String action, String keyId, String success,
                          ConsoleGate.Change call) {
        return button(id, text, variant, () -> change.apply(action, keyId, success, call));
    }

    private static Button button(String id, String text, ButtonVariant variant, Runnable run) {
        Button button = new Button(text, click -> run.run());
        button.setId(id);
        button.addThemeVariants(variant);
        return button;
    }

    /** A button whose action breaks the key's callers: it asks first, naming the consequence. */
    private Button confirmed(String id, String text, ButtonVariant variant, String action, String keyId, String success,
                             ConsoleGate.Change call, String question, String consequence) {
        return button(id, text, variant, () -> ConfirmAction.ask(question, consequence, text,
                () -> change.apply(action, keyId, success, call)));
    }
}
