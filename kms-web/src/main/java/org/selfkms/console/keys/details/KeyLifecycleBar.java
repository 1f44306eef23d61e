package org.selfkms.console.keys.details;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import org.selfkms.api.key.KeyMetadata;
import org.selfkms.console.feedback.ConfirmAction;
import org.selfkms.console.gate.ConsoleGate;
import org.selfkms.console.keys.UnixTime;

/**
 * The state changes a key allows in its current state, and only those: Enabled - disable, archive;
 * Disabled - enable, schedule deletion; PendingDelete - cancel deletion (the date is shown); Archived -
 * cancel archive. Service-managed keys get none: the service refuses them.
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
            case Disabled -> {
                add(button("key-enable", "Enable", ButtonVariant.LUMO_SUCCESS, "EnableKey", id, "Key enabled",
                        (kms, caller) -> kms.keys().enableKey(caller, id)));
                Button schedule = new Button("Schedule deletion",
                        click -> new ScheduleDeletionDialog(key, change).open());
                schedule.setId("key-schedule-deletion");
                schedule.addThemeVariants(ButtonVariant.LUMO_ERROR);
                add(schedule);
            }
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
