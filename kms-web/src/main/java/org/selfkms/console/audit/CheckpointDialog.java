package org.selfkms.console.audit;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.server.StreamResource;
import org.selfkms.api.audit.AuditCheckpoint;
import org.selfkms.api.json.Jsons;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

/**
 * The newest signed checkpoint of the trail, to keep outside the database: as the JSON that
 * {@code POST /api/v1/audit-records/verification} and the console's verification take back, to copy or download,
 * with the public key that verifies its signature (docs/operations.md, *Export checkpoints*).
 */
final class CheckpointDialog extends Dialog {

    private static final long serialVersionUID = 1L;

    CheckpointDialog(AuditCheckpoint checkpoint, String publicKeyPem) {
        setHeaderTitle("Audit checkpoint");
        setId("checkpoint-dialog");
        setWidth("48rem");
        String json = Jsons.object().add("statement", checkpoint.statement()).add("signature", checkpoint.signature())
                .build().toString();
        TextArea exported = readOnly("Checkpoint (keep it outside the database)", json, "checkpoint-json");
        TextArea key = readOnly("Public key that verifies checkpoint signatures (ECDSA P-256, SHA-256)", publicKeyPem,
                "checkpoint-public-key");
        Anchor download = new Anchor(new StreamResource("audit-checkpoint.json",
                () -> new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))), "Download checkpoint");
        download.getElement().setAttribute("download", true);
        download.setId("checkpoint-download");
        add(new Paragraph("A database restored from an older copy is a valid trail by itself; only a checkpoint kept "
                + "elsewhere tells. Verify against it later with \"Verify against checkpoint\"."), exported, download, key);
        Button done = new Button("Close", click -> close());
        done.setId("checkpoint-close");
        done.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(done);
    }

    static TextArea readOnly(String label, String value, String id) {
        TextArea area = new TextArea(label);
        area.setValue(value);
        area.setReadOnly(true);
        area.setWidthFull();
        area.setId(id);
        return area;
    }
}
