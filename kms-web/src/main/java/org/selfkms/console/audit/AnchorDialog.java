package org.selfkms.console.audit;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import org.selfkms.api.audit.AuditCheckpoint;
import org.selfkms.api.json.StrictJson;

import java.io.StringReader;
import java.util.Optional;
import java.util.function.Consumer;

/** Takes an exported checkpoint (pasted JSON) to verify the trail against it. */
final class AnchorDialog extends Dialog {

    private static final long serialVersionUID = 1L;
    private static final int MAX_CHARS = 20_000;

    AnchorDialog(Consumer<AuditCheckpoint> verify, Consumer<String> refuse) {
        setHeaderTitle("Verify against a checkpoint");
        setId("anchor-dialog");
        setWidth("48rem");
        TextArea pasted = new TextArea("Exported checkpoint (JSON)");
        pasted.setWidthFull();
        pasted.setMaxLength(MAX_CHARS);
        pasted.setId("anchor-json");
        add(new Paragraph("The verification then also fails if the database no longer holds exactly this checkpoint."), pasted);
        Button run = new Button("Verify", click -> {
            Optional<AuditCheckpoint> anchor = parse(pasted.getValue());
            if (anchor.isEmpty()) {
                refuse.accept("That is not an exported checkpoint: {\"statement\":\"...\",\"signature\":\"...\"}");
                return;
            }
            close();
            verify.accept(anchor.get());
        });
        run.setId("anchor-verify");
        run.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button("Cancel", click -> close());
        getFooter().add(cancel, run);
    }

    static Optional<AuditCheckpoint> parse(String text) {
        if (text == null || text.length() > MAX_CHARS) {
            return Optional.empty();
        }
        try {
            Optional<JsonObject> json = StrictJson.readObject(new StringReader(text.strip()));
            if (json.isEmpty() || json.get().size() != 2) {
                return Optional.empty();
            }
            return Optional.of(new AuditCheckpoint(json.get().getString("statement"), json.get().getString("signature")));
        } catch (JsonException | ClassCastException | NullPointerException e) {
            return Optional.empty();
        }
    }
}
