package org.selfkms.console.keys.details;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.IntegerField;
import org.selfkms.api.key.KeyMetadata;

import java.util.function.IntConsumer;

/** Asks for the pending window (7-30 days) and says plainly what deletion means; of a key or of a hosted data key. */
final class ScheduleDeletionDialog extends Dialog {

    private static final long serialVersionUID = 1L;

    ScheduleDeletionDialog(KeyMetadata key, KeyChange change) {
        this("Schedule deletion of " + key.alias(), "Keep the key", "When the window ends, the key's material is destroyed"
                + " and nothing it encrypted can ever be decrypted again. Until then the deletion can be cancelled.",
                window -> change.apply("ScheduleKeyDeletion", key.keyId(), "Deletion scheduled",
                        (kms, caller) -> kms.keys().scheduleKeyDeletion(caller, key.keyId(), window)));
    }

    /** @param schedule called with the window the user confirmed (0 when the field was cleared: the service refuses it) */
    ScheduleDeletionDialog(String title, String keepLabel, String consequence, IntConsumer schedule) {
        setHeaderTitle(title);
        setId("schedule-deletion-dialog");
        IntegerField days = new IntegerField("Pending window (days)");
        days.setId("pending-window-field");
        days.setMin(7);
        days.setMax(30);
        days.setValue(30);
        days.setStepButtonsVisible(true);
        add(new Paragraph(consequence), days);

        Button cancel = new Button(keepLabel, click -> close());
        cancel.setId("schedule-deletion-cancel");
        Button confirm = new Button("Schedule deletion", click -> {
            close();
            schedule.accept(days.getValue() == null ? 0 : days.getValue());
        });
        confirm.setId("schedule-deletion-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        getFooter().add(cancel, confirm);
    }
}
