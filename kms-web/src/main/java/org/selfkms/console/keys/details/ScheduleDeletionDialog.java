package org.selfkms.console.keys.details;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.IntegerField;
import org.selfkms.api.key.KeyMetadata;

/** Asks for the pending window (7-30 days) and says plainly what deletion means. */
final class ScheduleDeletionDialog extends Dialog {

    private static final long serialVersionUID = 1L;

    ScheduleDeletionDialog(KeyMetadata key, KeyChange change) {
        setHeaderTitle("Schedule deletion of " + key.alias());
        setId("schedule-deletion-dialog");
        IntegerField days = new IntegerField("Pending window (days)");
        days.setId("pending-window-field");
        days.setMin(7);
        days.setMax(30);
        days.setValue(30);
        days.setStepButtonsVisible(true);
        add(new Paragraph("When the window ends, the key's material is destroyed and nothing it encrypted can "
                + "ever be decrypted again. Until then the deletion can be cancelled."), days);

        Button cancel = new Button("Keep the key", click -> close());
        cancel.setId("schedule-deletion-cancel");
        Button confirm = new Button("Schedule deletion", click -> {
            close();
            int window = days.getValue() == null ? 0 : days.getValue();
            change.apply("ScheduleKeyDeletion", key.keyId(), "Deletion scheduled",
                    (kms, caller) -> kms.keys().scheduleKeyDeletion(caller, key.keyId(), window));
        });
        confirm.setId("schedule-deletion-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        getFooter().add(cancel, confirm);
    }
}
