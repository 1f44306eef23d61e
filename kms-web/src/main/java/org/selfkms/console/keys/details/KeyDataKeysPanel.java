package org.selfkms.console.keys.details;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import org.selfkms.api.datakey.DataKeyMetadata;
import org.selfkms.api.datakey.DataKeyPage;
import org.selfkms.api.datakey.DataKeyQuery;
import org.selfkms.api.datakey.DataKeyState;
import org.selfkms.api.error.KmsException;
import org.selfkms.api.gate.Services;
import org.selfkms.api.identity.Caller;
import org.selfkms.api.identity.Permission;
import org.selfkms.api.key.KeyMetadata;
import org.selfkms.api.key.KeyOrigin;
import org.selfkms.api.key.KeyState;
import org.selfkms.console.feedback.ConfirmAction;
import org.selfkms.console.feedback.EmptyState;
import org.selfkms.console.feedback.Notifications;
import org.selfkms.console.keys.StateBadge;
import org.selfkms.console.keys.UnixTime;
import org.selfkms.console.share.CopyButton;

import java.util.List;

/**
 * The data keys the KMS hosts under a symmetric key (GenerateDataKey with IsHostedByKms=1), newest first, a page at a
 * time: the page's DescribeKey read brings the page shown, Previous and Next read another (one ListDataKeyDetail each).
 * Roles that may manage keys get the state changes each data key's state allows; roles that may use keys get New data
 * key. Element ids: {@code data-keys-grid}, {@code data-keys-empty}, {@code data-keys-count} (its {@code data-count}
 * holds the total), {@code data-key-new}, {@code data-keys-previous}, {@code data-keys-next}, {@code data-keys-range},
 * and per data key {@code data-key-copy-<id>}, {@code data-key-state-<id>} (with {@code data-state}),
 * {@code data-key-enable-<id>}, {@code data-key-disable-<id>}, {@code data-key-schedule-deletion-<id>},
 * {@code data-key-cancel-deletion-<id>}.
 */
final class KeyDataKeysPanel extends VerticalLayout {

    /** Data keys a page: well within the service's cap ({@link org.selfkms.api.datakey.HostedDataKeys#MAX_PAGE}). */
    static final int PAGE = 20;
    private static final long serialVersionUID = 1L;

    private final KeyChange change;
    private final Grid<DataKeyMetadata> grid = new Grid<>();
    private final Grid.Column<DataKeyMetadata> actions;
    private final Span count = new Span();
    private final Button create = new Button("New data key");
    private final Button previous = new Button("Previous page");
    private final Button next = new Button("Next page");
    private final Span range = new Span();
    private final HorizontalLayout pager;
    private KeyMetadata key;
    private int offset;
    private long total;

    /** One page of a key's data keys and where it starts. */
    record Shown(int offset, DataKeyPage page) {
    }

    KeyDataKeysPanel(KeyChange change) {
        this.change = change;
        setPadding(false);
        setId("data-keys");
        grid.setId("data-keys-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.setAllRowsVisible(true);
        // the name takes the room the others leave, in full in its tooltip with the description
        grid.addColumn(DataKeyMetadata::name).setHeader("Name").setWidth("10rem").setFlexGrow(1)
                .setTooltipGenerator(d -> d.description() == null || d.description().isEmpty() ? d.name() : d.name() + ": " + d.description());
        grid.addComponentColumn(KeyDataKeysPanel::identifier).setHeader("Data key ID").setAutoWidth(true);
        grid.addColumn(d -> d.numberOfBytes() + " bytes").setHeader("Length").setAutoWidth(true).setFlexGrow(0);
        // fixed widths: auto widths are measured on the first rows only, and a later "Pending deletion" would not fit
        grid.addComponentColumn(KeyDataKeysPanel::badge).setHeader("State").setWidth("9rem").setFlexGrow(0)
                .setTooltipGenerator(d -> d.state() == DataKeyState.PendingDelete
                        ? "Destroyed on " + UnixTime.formatUtc(d.deletionDate()) + " UTC unless the deletion is cancelled" : "");
        grid.addColumn(d -> d.origin() == KeyOrigin.EXTERNAL ? "Imported" : "Generated").setHeader("Origin").setAutoWidth(true);
        grid.addColumn(d -> UnixTime.formatUtc(d.createTime())).setHeader("Created (UTC)").setAutoWidth(true);
        actions = grid.addComponentColumn(this::actions).setHeader("Actions").setWidth("13rem").setFlexGrow(0);

        count.setId("data-keys-count");
        create.setId("data-key-new");
        create.addClickListener(click -> new NewDataKeyDialog(key, change, () -> {
            offset = 0; // the new data key is the newest: it heads the first page
            change.reload();
        }).open());
        HorizontalLayout header = new HorizontalLayout(new H3("Data keys"), count, create);
        header.setAlignItems(Alignment.BASELINE);

        Paragraph about = new Paragraph("Data keys the KMS keeps for applications, stored only encrypted under this key: "
                + "its state and policy govern every use of them, and deleting it deletes them. Applications fetch a data "
                + "key's plaintext with GetDataKeyPlaintext; the console never shows it.");
        about.getStyle().set("max-width", "60rem").set("margin", "0");

        previous.setId("data-keys-previous");
        previous.addClickListener(click -> turn(Math.max(0, offset - PAGE)));
        next.setId("data-keys-next");
        next.addClickListener(click -> turn(offset + PAGE));
        range.setId("data-keys-range");
        pager = new HorizontalLayout(previous, range, next);
        pager.setAlignItems(Alignment.BASELINE);
        add(header, about, grid, pager);
    }

    /** Where the page's read starts: where the user paged to on this key, the first page for another key. */
    int offsetFor(String keyId) {
        return key != null && key.keyId().equals(keyId) ? offset : 0;
    }

    /**
     * Reads a page, inside the caller's one gate call. A page past the end (data keys deleted or moved on meanwhile)
     * becomes the last page, in the same call.
     */
    static Shown read(Services kms, Caller caller, String keyId, int offset) {
        DataKeyPage page = kms.dataKeys().list(caller, DataKeyQuery.ofKey(keyId, offset, PAGE));
        if (page.dataKeys().isEmpty() && offset > 0 && page.totalCount() > 0) {
            int last = (int) ((page.totalCount() - 1) / PAGE * PAGE);
            return new Shown(last, kms.dataKeys().list(caller, DataKeyQuery.ofKey(keyId, last, PAGE)));
        }
        return new Shown(offset, page);
    }

    /** @param shown null for a key that hosts no data keys (a key pair): the panel is hidden */
    void show(KeyMetadata key, Shown shown) {
        setVisible(shown != null);
        if (shown == null) {
            return;
        }
        this.key = key;
        boolean mayUse = KeyChange.may(Permission.USE_KEYS);
        // generating encrypts under the key: only an Enabled key does it
        create.setVisible(mayUse && key.state() == KeyState.Enabled);
        actions.setVisible(KeyChange.may(Permission.MANAGE_KEYS));
        grid.setEmptyStateComponent(EmptyState.of("data-keys-empty", "No data keys are hosted under this key. Applications"
                + " host one with GenerateDataKey and IsHostedByKms=1" + (create.isVisible() ? ", or create one with New data key." : ".")));
        showPage(shown);
    }

    private void showPage(Shown shown) {
        offset = shown.offset();
        total = shown.page().totalCount();
        grid.setItems(shown.page().dataKeys());
        count.setText("(" + total + ")");
        count.getElement().setAttribute("data-count", Long.toString(total));
        pager.setVisible(total > PAGE);
        previous.setEnabled(offset > 0);
        next.setEnabled(offset + PAGE < total);
        range.setText(total == 0 ? "" : (offset + 1) + "-" + (offset + shown.page().dataKeys().size()) + " of " + total);
    }

    private void turn(int newOffset) {
        String keyId = key.keyId();
        try {
            showPage(change.gate().call("ListDataKeyDetail", keyId, (kms, caller) -> read(kms, caller, keyId, newOffset)));
        } catch (KmsException e) {
            Notifications.error(e.getMessage());
        }
    }

    private static HorizontalLayout identifier(DataKeyMetadata dataKey) {
        Span id = new Span(dataKey.dataKeyId());
        id.getStyle().set("font-size", "var(--lumo-font-size-s)");
        HorizontalLayout cell = new HorizontalLayout(id, new CopyButton("data-key-copy-" + dataKey.dataKeyId(), "Data key ID",
                dataKey::dataKeyId));
        cell.setSpacing(false);
        cell.setAlignItems(Alignment.CENTER);
        return cell;
    }

    /** The key's badge: a data key's states are a key's, named and coloured alike. */
    private static StateBadge badge(DataKeyMetadata dataKey) {
        StateBadge badge = new StateBadge(KeyState.valueOf(dataKey.state().name()));
        badge.setId("data-key-state-" + dataKey.dataKeyId());
        return badge;
    }

    /** The state changes the data key's state allows; the service also checks the root key's state. */
    private HorizontalLayout actions(DataKeyMetadata dataKey) {
        String id = dataKey.dataKeyId();
        String name = dataKey.name();
        HorizontalLayout cell = new HorizontalLayout();
        cell.setSpacing(false);
        switch (dataKey.state()) {
            case Enabled -> cell.add(action("data-key-disable-" + id, "Disable", ButtonVariant.LUMO_ERROR,
                    () -> ConfirmAction.ask("Disable data key " + name + "?", "Applications are refused its plaintext and"
                            + " its blob (GetDataKeyPlaintext, GetDataKeyCiphertextBlob) until it is enabled again.", "Disable",
                            () -> change.apply("DisableDataKey", id, "Data key " + name + " disabled",
                                    (kms, caller) -> kms.dataKeys().disable(caller, List.of(id))))));
            case Disabled -> cell.add(
                    action("data-key-enable-" + id, "Enable", ButtonVariant.LUMO_SUCCESS, () -> change.apply("EnableDataKey", id,
                            "Data key " + name + " enabled", (kms, caller) -> kms.dataKeys().enable(caller, List.of(id)))),
                    action("data-key-schedule-deletion-" + id, "Schedule deletion", ButtonVariant.LUMO_ERROR,
                            () -> new ScheduleDeletionDialog("Schedule deletion of data key " + name, "Keep the data key",
                                    "When the window ends, the data key is destroyed and whatever it encrypted can never be"
                                            + " decrypted again. Until then the deletion can be cancelled.",
                                    window -> change.apply("ScheduleDataKeyDeletion", id, "Deletion of data key " + name + " scheduled",
                                            (kms, caller) -> kms.dataKeys().scheduleDeletion(caller, id, window))).open()));
            case PendingDelete -> cell.add(action("data-key-cancel-deletion-" + id, "Cancel deletion", ButtonVariant.LUMO_CONTRAST,
                    () -> change.apply("CancelDataKeyDeletion", id, "Deletion of data key " + name + " cancelled: it is disabled",
                            (kms, caller) -> kms.dataKeys().cancelDeletion(caller, id))));
        }
        return cell;
    }

    private static Button action(String id, String text, ButtonVariant variant, Runnable run) {
        Button button = new Button(text, click -> run.run());
        button.setId(id);
        button.addThemeVariants(variant, ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        return button;
    }
}
