package org.selfkms.console.feedback;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;

/**
 * The question before an action that breaks callers or destroys something: it names the consequence, and the
 * action runs only on the confirm button. The most dangerous ones ({@link #typed}) also want the thing's name typed.
 * Esc or Cancel leaves everything as it was. Element ids: {@code confirm-dialog}, {@code confirm-button},
 * {@code confirm-cancel}, {@code confirm-typed}.
 */
public final class ConfirmAction extends Dialog {

    private static final long serialVersionUID = 1L;

    private ConfirmAction(String title, String consequence, String confirmLabel, String nameToType, Runnable action) {
        setId("confirm-dialog");
        setHeaderTitle(title);
        getElement().setAttribute("aria-label", title);
        setWidth("32rem");
        Paragraph text = new Paragraph(consequence);
        text.setId("confirm-consequence");
        add(text);

        Button confirm = new Button(confirmLabel, click -> {
            close();
            action.run();
        });
        confirm.setId("confirm-button");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        Button cancel = new Button("Cancel", click -> close());
        cancel.setId("confirm-cancel");

        if (nameToType != null) {
            TextField typed = new TextField("Type " + nameToType + " to confirm");
            typed.setId("confirm-typed");
            typed.setWidthFull();
            typed.setValueChangeMode(ValueChangeMode.EAGER);
            confirm.setEnabled(false);
            typed.addValueChangeListener(change -> confirm.setEnabled(nameToType.equals(change.getValue())));
            add(typed);
            typed.focus();
            typed.addKeyPressListener(Key.ENTER, press -> {
                if (nameToType.equals(typed.getValue())) {
                    confirm.click();
                }
            });
        } else {
            confirm.addClickShortcut(Key.ENTER);
        }
        getFooter().add(cancel, confirm);
    }

    /** Asks before {@code action}; {@code consequence} says what breaks, in one or two sentences. */
    public static void ask(String title, String consequence, String confirmLabel, Runnable action) {
        new ConfirmAction(title, consequence, confirmLabel, null, action).open();
    }

    /** As {@link #ask}, and the confirm button waits until {@code name} is typed exactly. */
    public static void typed(String title, String consequence, String confirmLabel, String name, Runnable action) {
        new ConfirmAction(title, consequence, confirmLabel, name, action).open();
    }
}
