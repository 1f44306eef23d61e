package org.selfkms.console.keys.details;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.RouterLink;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.selfkms.api.audit.AuditRecord;
import org.selfkms.console.audit.AuditView;
import org.selfkms.console.feedback.EmptyState;

/** The key's newest audit records, and the way to all of them in the Audit view; only for roles that read the trail. */
final class KeyAuditPanel extends VerticalLayout {

    static final int SHOWN = 10;
    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private final Grid<AuditRecord> records = new Grid<>();
    private final RouterLink all = new RouterLink("All records of this key", AuditView.class);

    KeyAuditPanel() {
        setPadding(false);
        records.setId("key-audit-grid");
        records.setEmptyStateComponent(EmptyState.of("key-audit-empty", "No record names this key yet."));
        records.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        records.setAllRowsVisible(true);
        records.setMaxWidth("60rem");
        records.addColumn(r -> TIME.format(Instant.ofEpochMilli(r.time()))).setHeader("Time (UTC)").setAutoWidth(true).setFlexGrow(0);
        records.addColumn(AuditRecord::action).setHeader("Action").setAutoWidth(true);
        records.addColumn(AuditRecord::principal).setHeader("Principal").setAutoWidth(true);
        records.addColumn(AuditRecord::door).setHeader("Door").setAutoWidth(true).setFlexGrow(0);
        records.addColumn(r -> r.outcome().name() + (r.errorCode() == null ? "" : " " + r.errorCode()))
                .setHeader("Outcome").setAutoWidth(true);
        all.setId("key-audit-link");
        add(new H3("Recent activity"), records, all);
    }

    /** @param newest null when the caller may not read the trail: the panel is hidden */
    void show(String keyId, List<AuditRecord> newest) {
        setVisible(newest != null);
        if (newest != null) {
            records.setItems(newest);
            all.setQueryParameters(QueryParameters.of(AuditView.KEY_PARAMETER, keyId));
        }
    }
}
