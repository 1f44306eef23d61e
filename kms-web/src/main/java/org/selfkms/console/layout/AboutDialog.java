package org.selfkms.console.layout;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Span;
import org.selfkms.api.version.VersionInfo;
import org.selfkms.console.gate.ConsoleGate;

/**
 * Which build of SelfKMS serves this console, and the database schema it runs on: what an operator compares after
 * an upgrade or a restore (the same as {@code GET /api/v1/version}). One recorded console request when opened.
 */
final class AboutDialog extends Dialog {

    private static final long serialVersionUID = 1L;

    private AboutDialog(VersionInfo version) {
        setHeaderTitle("About SelfKMS");
        setId("about-dialog");
        FormLayout facts = new FormLayout();
        facts.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        facts.addFormItem(value("about-version", version.version()), "Version");
        facts.addFormItem(value("about-commit", version.commit()), "Git commit");
        facts.addFormItem(value("about-build-time", version.buildTime()), "Built (UTC)");
        facts.addFormItem(value("about-schema-version", Integer.toString(version.schemaVersion())), "Database schema");
        add(facts);
        Button close = new Button("Close", click -> close());
        close.setId("about-close");
        close.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(close);
    }

    static void open(ConsoleGate gate) {
        new AboutDialog(gate.call("GetVersion", null, (kms, caller) -> kms.version().current())).open();
    }

    private static Span value(String id, String text) {
        Span span = new Span(text);
        span.setId(id);
        // a commit is 40 characters without spaces: let it break rather than widen the dialog
        span.getStyle().set("overflow-wrap", "anywhere");
        return span;
    }
}
