package org.selfkms.console.audit;

import org.selfkms.api.identity.Permission;
import org.selfkms.console.auth.RequiresPermission;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.selfkms.api.audit.AuditCheckpoint;
import org.selfkms.api.audit.AuditOutcome;
import org.selfkms.api.audit.AuditPage;
import org.selfkms.api.audit.AuditPosition;
import org.selfkms.api.audit.AuditQuery;
import org.selfkms.api.audit.AuditRecord;
import org.selfkms.api.audit.ChainVerification;
import org.selfkms.api.error.KmsException;
import org.selfkms.console.feedback.Notifications;
import org.selfkms.console.gate.ConsoleGate;
import org.selfkms.console.layout.MainLayout;

/**
 * The tenant's audit trail, newest first, {@value #PAGE_SIZE} records a page, with the service's filters, and
 * the chain verification. Paging is by key set, as the service offers it: "Older" continues after the last
 * record shown, "Newest" starts again. Times are UTC. Element ids are stable for the browser test.
 */
@RequiresPermission(Permission.READ_AUDIT)
@Route(value = "audit", layout = MainLayout.class)
@PageTitle("Audit | SelfKMS")
public class AuditView extends VerticalLayout {

    static final int PAGE_SIZE = 50;
    private static final String ANY_OUTCOME = "ANY";
    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

    @Inject
    private ConsoleGate gate;

    private final TextField action = filter("Action", "audit-action");
    private final TextField keyId = filter("Key ID", "audit-key-id");
    private final TextField principal = filter("Principal", "audit-principal");
    /** Radio buttons rather than a drop-down: four fixed choices, visible at once, one click each. */
    private final RadioButtonGroup<String> outcome = new RadioButtonGroup<>("Outcome", ANY_OUTCOME,
            AuditOutcome.ALLOWED.name(), AuditOutcome.DENIED.name(), AuditOutcome.FAILED.name());
    private final DateTimePicker from = new DateTimePicker("From (UTC)");
    private final DateTimePicker to = new DateTimePicker("Before (UTC)");
    private final Checkbox platform = new Checkbox("Platform chain");
    private final Grid<AuditRecord> grid = new Grid<>();
    private final Button older = new Button("Older", VaadinIcon.ANGLE_RIGHT.create(), click -> loadOlder());
    private final Span verification = new Span();
    private AuditPosition nextBefore;

    public AuditView() {
        setSizeFull();
        outcome.setId("audit-outcome");
        outcome.setValue(ANY_OUTCOME);
        from.setId("audit-from");
        to.setId("audit-to");
        platform.setId("audit-platform");
        platform.setTooltipText("Requests that named no known SecretId or user (operator administrators only)");

        Button search = new Button("Search", VaadinIcon.SEARCH.create(), click -> load(null));
        search.setId("audit-search");
        search.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        older.setId("audit-older");
        Button verify = new Button("Verify chain", VaadinIcon.CHECK_CIRCLE.create(), click -> verify(null));
        verify.setId("verify-chain-button");
        verification.setId("verify-chain-result");
        Button export = new Button("Export checkpoint", VaadinIcon.DOWNLOAD.create(), click -> exportCheckpoint());
        export.setId("export-checkpoint-button");
        Button anchored = new Button("Verify against checkpoint", VaadinIcon.CHECK_SQUARE_O.create(),
                click -> new AnchorDialog(this::verify, Notifications::error).open());
        anchored.setId("verify-anchor-button");

        HorizontalLayout header = new HorizontalLayout(new H2("Audit trail"),
                new HorizontalLayout(verify, anchored, export, verification));
        header.setWidthFull();
        header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        header.setJustifyContentMode(FlexComponent.JustifyContentMode.BETWEEN);

        HorizontalLayout filters = new HorizontalLayout(action, keyId, principal, outcome, from, to, platform, search, older);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);

        configureGrid();
        add(header, filters, grid);
        setFlexGrow(1, grid);
    }

    @PostConstruct
    void loadNewest() {
        load(null);
    }

    private void configureGrid() {
        grid.setId("audit-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.addColumn(AuditRecord::sequence).setHeader("#").setKey("sequence").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(r -> TIME.format(Instant.ofEpochMilli(r.time()))).setHeader("Time (UTC)").setKey("time").setAutoWidth(true);
        grid.addColumn(AuditRecord::principal).setHeader("Principal").setKey("principal").setAutoWidth(true);
        grid.addColumn(AuditRecord::action).setHeader("Action").setKey("action").setAutoWidth(true);
        grid.addColumn(r -> r.keyId() == null ? "" : r.keyId()).setHeader("Key ID").setKey("keyId").setAutoWidth(true);
        grid.addColumn(r -> r.outcome().name()).setHeader("Outcome").setKey("outcome").setAutoWidth(true);
        grid.addColumn(r -> r.errorCode() == null ? "" : r.errorCode()).setHeader("Error").setKey("error").setAutoWidth(true);
        grid.addColumn(AuditRecord::sourceAddress).setHeader("Source").setKey("source").setAutoWidth(true);
        grid.addColumn(AuditRecord::door).setHeader("Door").setKey("door").setAutoWidth(true);
        grid.addColumn(AuditRecord::requestId).setHeader("Request ID").setKey("requestId").setAutoWidth(true);
        grid.setSizeFull();
    }

    private void load(AuditPosition before) {
        AuditQuery query = new AuditQuery(millis(from.getValue()), millis(to.getValue()), keyId.getValue(), action.getValue(),
                principal.getValue(), outcome(), before, PAGE_SIZE, platform.getValue());
        try {
            AuditPage page = gate.call("SearchAuditTrail", null, (kms, caller) -> kms.auditTrail().query(caller, query));
            grid.setItems(page.records());
            nextBefore = page.nextBefore();
            older.setEnabled(nextBefore != null);
        } catch (KmsException e) {
            Notifications.error(e.getMessage());
        }
    }

    private void loadOlder() {
        load(nextBefore);
    }

    /** @param anchor an exported checkpoint to hold the trail against, or null */
    private void verify(AuditCheckpoint anchor) {
        boolean platformChain = platform.getValue();
        try {
            ChainVerification result = gate.call("VerifyAuditChain", null,
                    (kms, caller) -> kms.auditTrail().verify(caller, platformChain, anchor));
            if (result.intact()) {
                verification.setText("Intact: " + result.recordsChecked() + " records checked (segments: "
                        + result.segmentsChecked() + ", signed checkpoints: " + result.checkpointsChecked() + ")");
                verification.getStyle().set("color", "var(--lumo-success-text-color)");
            } else {
                verification.setText("Broken: " + result.problem());
                verification.getStyle().set("color", "var(--lumo-error-text-color)");
            }
        } catch (KmsException e) {
            Notifications.error(e.getMessage());
        }
    }

    private void exportCheckpoint() {
        boolean platformChain = platform.getValue();
        try {
            record Export(AuditCheckpoint checkpoint, String publicKey) { }
            Export export = gate.call("ExportAuditCheckpoint", null, (kms, caller) -> new Export(
                    kms.auditTrail().latestCheckpoint(caller, platformChain), kms.auditTrail().checkpointPublicKey(caller)));
            new CheckpointDialog(export.checkpoint(), export.publicKey()).open();
        } catch (KmsException e) {
            Notifications.error(e.getMessage());
        }
    }

    private AuditOutcome outcome() {
        return outcome.getValue() == null || ANY_OUTCOME.equals(outcome.getValue()) ? null : AuditOutcome.valueOf(outcome.getValue());
    }

    private static Long millis(LocalDateTime value) {
        return value == null ? null : value.toInstant(ZoneOffset.UTC).toEpochMilli();
    }

    private static TextField filter(String label, String id) {
        TextField field = new TextField(label);
        field.setId(id);
        field.setClearButtonVisible(true);
        field.setWidth("12rem");
        return field;
    }
}
