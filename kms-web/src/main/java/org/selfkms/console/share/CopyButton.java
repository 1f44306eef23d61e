package org.selfkms.console.share;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.util.function.Supplier;
import org.selfkms.console.feedback.Notifications;

/**
 * Copies a value to the clipboard in the browser. The Clipboard API needs a secure context (HTTPS or localhost),
 * so elsewhere the older copy command does it. The value is read when clicked, so the button follows what is shown.
 */
public final class CopyButton extends Button {

    private static final long serialVersionUID = 1L;

    /**
     * @param what   what is copied, for the label read by screen readers and the confirmation ("Key ID")
     * @param value  the text to copy, read at the click
     */
    public CopyButton(String id, String what, Supplier<String> value) {
        super(VaadinIcon.COPY.create());
        setId(id);
        addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ICON);
        getElement().setAttribute("aria-label", "Copy " + what);
        setTooltipText("Copy " + what);
        addClickListener(click -> {
            getElement().executeJs("const text = $0;"
                    + "if (navigator.clipboard && window.isSecureContext) { navigator.clipboard.writeText(text); }"
                    + "else { const area = document.createElement('textarea'); area.value = text; document.body.appendChild(area);"
                    + " area.select(); document.execCommand('copy'); area.remove(); }", value.get());
            Notifications.success(what + " copied");
        });
    }

    /** A button with a visible "Copy" caption, for dialogs where the copy is the next step. */
    public static CopyButton labelled(String id, String what, Supplier<String> value) {
        CopyButton button = new CopyButton(id, what, value);
        button.setText("Copy");
        button.removeThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ICON);
        return button;
    }
}
