package org.selfkms.console.audit;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.TextField;
import java.time.Instant;
import org.selfkms.api.audit.AuditRecord;

/** One audit record with every field in full, read-only and selectable for copying. */
final class AuditRecordDialog extends Dialog {

    private static final long serialVersionUID = 1L;

    AuditRecordDialog(AuditRecord record) {
        setId("audit-record-details");
        setHeaderTitle("Audit record " + record.sequence() + " of segment " + record.segment());
        setWidth("40rem");
        FormLayout fields = new FormLayout();
        fields.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        fields.add(field("Time (UTC)", Instant.ofEpochMilli(record.time()).toString(), "time"),
                field("Door", record.door(), "door"),
                field("Principal", record.principal(), "principal"),
                field("Action", record.action(), "action"),
                field("Key ID", record.keyId(), "key-id"),
                field("Outcome", record.outcome().name(), "outcome"),
                field("Error", record.errorCode(), "error"),
                field("Source address", record.sourceAddress(), "source"),
                field("Request ID", record.requestId(), "request-id"),
                field("Tenant", String.valueOf(record.tenantId()), "tenant"));
        add(fields);
        Button close = new Button("Close", click -> close());
        close.setId("audit-record-close");
        getFooter().add(close);
    }

    private static TextField field(String label, String value, String id) {
        TextField field = new TextField(label);
        field.setValue(value == null ? "" : value);
        field.setReadOnly(true);
        field.setWidthFull();
        field.setId("audit-record-" + id);
        return field;
    }
}
