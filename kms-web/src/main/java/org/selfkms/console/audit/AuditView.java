package org.selfkms.console.audit;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.function.ValueProvider;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.selfkms.api.audit.AuditCheckpoint;
import org.selfkms.api.audit.AuditOutcome;
import org.selfkms.api.audit.AuditPage;
import org.selfkms.api.audit.AuditPosition;
import org.selfkms.api.audit.AuditRecord;
import org.selfkms.api.audit.ChainVerification;
import org.selfkms.api.error.KmsErrorCode;
import org.selfkms.api.error.KmsException;
import org.selfkms.api.identity.Permission;
import org.selfkms.console.auth.RequiresPermission;
import org.selfkms.console.feedback.Notifications;
import org.selfkms.console.gate.ConsoleGate;
import org.selfkms.console.share.DownloadButton;
import org.selfkms.console.layout.MainLayout;
import org.selfkms.console.layout.ViewHeading;
import org.selfkms.console.feedback.EmptyState;

/**
 * The tenant's audit trail, newest first, {@value #PAGE_SIZE} records a page, with the service's filters, and
 * the chain verification. Paging is by key set, as the service offers it: "Older" continues after the last
 * record shown, "Search" starts again at the newest. Filters are forgiving ({@link AuditFilters}); a record opens in
 * full on a click; the records a search finds download as CSV or JSON Lines ({@link AuditExport}). Times are UTC.
 * Element ids are stable for the browser test.
 */
@RequiresPermission(Permission.READ_AUDIT)
@Route(value = "audit", layout = MainLayout.class)
@PageTitle("Audit | SelfKMS")
public class AuditView extends VerticalLayout implements BeforeEnterObserver {

    /** {@code /console/audit?key=<key id or alias>} opens the view searching for that key's records. */
    public static final String KEY_PARAMETER = "key";
    static final int PAGE_SIZE = 50;
    private static final String ANY_OUTCOME = "ANY";
    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

    @Inject
    private ConsoleGate gate;

    private final TextField action = filter("Action", "audit-action");
    private final TextField keyId = filter("Key ID or alias", "audit-key-id");
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

        ViewHeading title = new ViewHeading("Audit trail");
        HorizontalLayout header = new HorizontalLayout(title, new HorizontalLayout(verify, anchored, export));
        verification.getStyle().set("font-weight", "500");
        header.setWidthFull();
        header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        header.setJustifyContentMode(FlexComponent.JustifyContentMode.BETWEEN);

        HorizontalLayout filters = new HorizontalLayout(action, keyId, principal, outcome, from, to, platform, search, older,
                download("CSV", "audit-export-csv", AuditExport.Format.CSV, "csv"),
                download("JSON Lines", "audit-export-jsonl", AuditExport.Format.JSON_LINES, "jsonl"));
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);
        action.setHelperText("Any case, e.g. disablekey");

        configureGrid();
        // the last verification stays in view above the records until the next one
        add(header, verification, filters, grid);
        setFlexGrow(1, grid);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        event.getLocation().getQueryParameters().getSingleParameter(KEY_PARAMETER).ifPresent(keyId::setValue);
        load(null);
    }

    private void configureGrid() {
        grid.setId("audit-grid");
        grid.setEmptyStateComponent(EmptyState.of("audit-empty", "No record matches these filters in this chain."));
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setColumnReorderingAllowed(true);
        column(AuditRecord::sequence, "#", "sequence").setAutoWidth(true).setFlexGrow(0);
        column(r -> TIME.format(Instant.ofEpochMilli(r.time())), "Time (UTC)", "time").setAutoWidth(true).setFlexGrow(0);
        column(AuditRecord::principal, "Principal", "principal").setWidth("14rem");
        column(AuditRecord::action, "Action", "action").setWidth("11rem");
        column(r -> r.keyId() == null ? "" : r.keyId(), "Key ID", "keyId").setWidth("19rem");
        column(r -> r.outcome().name(), "Outcome", "outcome").setAutoWidth(true).setFlexGrow(0);
        column(r -> r.errorCode() == null ? "" : r.errorCode(), "Error", "error").setWidth("12rem");
        column(AuditRecord::sourceAddress, "Source", "source").setWidth("8rem");
        column(AuditRecord::door, "Door", "door").setAutoWidth(true).setFlexGrow(0);
        column(AuditRecord::requestId, "Request ID", "requestId").setWidth("19rem");
        // a click on a record shows every field of it in full, to read and copy
        grid.addItemClickListener(click -> new AuditRecordDialog(click.getItem()).open());
        grid.setSizeFull();
    }

    /** A resizable column whose tooltip shows the whole value when the column is too narrow for it. */
    private Grid.Column<AuditRecord> column(ValueProvider<AuditRecord, ?> value, String header, String key) {
        return grid.addColumn(value).setHeader(header).setKey(key).setResizable(true)
                .setTooltipGenerator(r -> String.valueOf(value.apply(r)));
    }

    private DownloadButton download(String label, String id, AuditExport.Format format, String extension) {
        return new DownloadButton(id, label, "audit-records." + extension, () -> AuditExport.export(gate, filters(), format));
    }

    private AuditFilters filters() {
        return new AuditFilters(millis(from.getValue()), millis(to.getValue()), keyId.getValue(), action.getValue(),
                principal.getValue(), outcome(), platform.getValue());
    }

    private void load(AuditPosition before) {
        AuditFilters filters = filters();
        keyId.setInvalid(false);
        try {
            AuditPage page = gate.call("SearchAuditTrail", null,
                    (kms, caller) -> kms.auditTrail().query(caller, filters.query(kms, caller, before, PAGE_SIZE)));
            grid.setItems(page.records());
            nextBefore = page.nextBefore();
            older.setEnabled(nextBefore != null);
        } catch (KmsException e) {
            if (e.code() == KmsErrorCode.KEY_NOT_FOUND) {
                // the filter names no key of this tenant: said on the field, which keeps what was typed
                keyId.setErrorMessage("No key of this tenant has this id or alias");
                keyId.setInvalid(true);
            } else {
                Notifications.error(e.getMessage());
            }
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
