package org.selfkms.console.keys.details;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import org.selfkms.api.key.KeyMetadata;
import org.selfkms.console.feedback.ConfirmAction;
import org.selfkms.console.keys.UnixTime;

/** Automatic rotation on or off with its period, the last and next rotation, and "Rotate now". */
final class KeyRotationPanel extends VerticalLayout {

    private static final long serialVersionUID = 1L;

    private final KeyChange change;
    private final Checkbox enabled = new Checkbox("Rotate automatically");
    private final IntegerField days = new IntegerField("Every (days)");
    private final Span times = new Span();
    private KeyMetadata key;

    KeyRotationPanel(KeyChange change) {
        this.change = change;
        setPadding(false);
        enabled.setId("rotation-enabled");
        days.setId("rotation-days");
        days.setMin(7);
        days.setMax(365);
        days.setHelperText("7-365");
        times.setId("rotation-times");
        Button save = new Button("Save rotation", click -> save());
        save.setId("rotation-save");
        Button rotate = new Button("Rotate now", click -> ConfirmAction.ask("Rotate key " + key.alias() + " now?",
                "A new version encrypts from now on; what older versions encrypted still decrypts. The key can be"
                        + " rotated by hand at most once a day.", "Rotate now",
                () -> change.apply("RotateKey", key.keyId(), "Rotated: a new version encrypts from now on",
                        (kms, caller) -> kms.keys().rotateKey(caller, key.keyId()))));
        rotate.setId("rotate-now");
        rotate.addThemeVariants(ButtonVariant.LUMO_CONTRAST);
        HorizontalLayout settings = new HorizontalLayout(enabled, days, save, rotate);
        settings.setAlignItems(Alignment.BASELINE);
        add(new H3("Rotation"), settings, times);
    }

    void show(KeyMetadata key) {
        this.key = key;
        enabled.setValue(key.rotationEnabled());
        days.setValue(key.rotateDays());
        times.setText("Current version " + key.currentVersion() + " - last rotated " + UnixTime.formatUtcOrDash(key.lastRotateTime())
                + " - next rotation " + UnixTime.formatUtcOrDash(key.nextRotateTime()) + " (UTC)");
    }

    private void save() {
        if (enabled.getValue()) {
            int period = days.getValue() == null ? 0 : days.getValue();
            change.apply("EnableKeyRotation", key.keyId(), "Automatic rotation every " + period + " days",
                    (kms, caller) -> kms.keys().enableKeyRotation(caller, key.keyId(), period));
        } else {
            change.apply("DisableKeyRotation", key.keyId(), "Automatic rotation off",
                    (kms, caller) -> kms.keys().disableKeyRotation(caller, key.keyId()));
        }
    }
}
