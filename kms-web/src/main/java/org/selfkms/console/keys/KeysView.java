package org.selfkms.console.keys;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import org.selfkms.api.error.KmsException;
import org.selfkms.api.key.KeyMetadata;
import org.selfkms.api.key.KeyState;
import org.selfkms.api.identity.Permission;
import org.selfkms.console.auth.ConsoleSession;
import org.selfkms.console.feedback.Notifications;
import org.selfkms.console.gate.ConsoleGate;
import org.selfkms.console.keys.details.KeyDetailsView;
import org.selfkms.console.layout.MainLayout;

/**
 * The console's home: the tenant's keys (its own and those integrated services manage for it), newest
 * first, with create, enable and disable. Element ids are
 * stable because the browser tests and the documentation screenshots rely on them.
 */
@Route(value = "", layout = MainLayout.class)
@RouteAlias(value = "keys", layout = MainLayout.class)
@PageTitle("Keys | SelfKMS")
public class KeysView extends VerticalLayout {

    private static final long serialVersionUID = 1L;

    @Inject
    private ConsoleGate gate;

    private final Grid<KeyMetadata> grid = new Grid<>();

    public KeysView() {
        setSizeFull();

        Button create = new Button("Create key", VaadinIcon.PLUS.create(), click -> openCreateDialog());
        create.setId("create-key-button");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        // a key user or auditor gets no button the service would refuse
        create.setVisible(mayManageKeys());

        HorizontalLayout header = new HorizontalLayout(new H2("Keys"), create);
        header.setWidthFull();
        header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        header.setJustifyContentMode(FlexComponent.JustifyContentMode.BETWEEN);

        configureGrid();
        add(header, grid);
        setFlexGrow(1, grid);
    }

    /** The gate arrives by injection after the constructor, so the grid is connected to it only now. */
    @PostConstruct
    void connectGrid() {
        grid.setItems(new KeyDataProvider(gate)).setItemCountUnknown();
    }

    private void configureGrid() {
        grid.setId("keys-grid");
        // Compact: less cell padding, so that all eight columns fit beside the drawer on a 1400 px screen.
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        // Not auto-width: that is measured on the first rows loaded, and a longer alias created later
        // would be cut. The tooltip shows aliases that still do not fit, with the description.
        grid.addComponentColumn(KeysView::detailsLink).setHeader("Alias").setKey("alias").setWidth("8rem").setFlexGrow(1)
                .setResizable(true).setTooltipGenerator(KeysView::aliasTooltip);
        grid.addColumn(KeyMetadata::keyId).setHeader("Key ID").setKey("keyId").setAutoWidth(true);
        // Fixed: auto width would fit "Enabled" and cut "Disabled" or "PendingImport" appearing later.
        grid.addColumn(key -> nameOf(key.state())).setHeader("State").setKey("state").setWidth("8.5rem")
                .setFlexGrow(0);
        grid.addColumn(key -> nameOf(key.usage())).setHeader("Usage").setKey("usage").setAutoWidth(true);
        grid.addColumn(key -> nameOf(key.protectionLevel())).setHeader("Protection").setKey("protection").setAutoWidth(true);
        grid.addColumn(key -> UnixTime.formatUtc(key.createTime())).setHeader("Created (UTC)").setKey("created")
                .setAutoWidth(true);
        // Customer keys and keys an integrated service created share the grid: the owner tells them apart.
        grid.addColumn(KeyMetadata::owner).setHeader("Owner").setKey("owner").setAutoWidth(true);
        // Frozen to the end: on a narrow window the actions stay reachable without horizontal scrolling.
        grid.addComponentColumn(this::stateAction).setHeader("Actions").setKey("actions").setAutoWidth(true)
                .setFlexGrow(0).setFrozenToEnd(true);
        grid.setSizeFull();
    }

    /** The alias leads to the key's details page. */
    private static RouterLink detailsLink(KeyMetadata key) {
        RouterLink link = new RouterLink(key.alias(), KeyDetailsView.class, new RouteParameters("keyId", key.keyId()));
        link.setId("key-link-" + key.alias());
        return link;
    }

    private static String aliasTooltip(KeyMetadata key) {
        String description = key.description() == null || key.description().isBlank() ? "" : "\n" + key.description();
        return key.alias() + description;
    }

    private static String nameOf(Enum<?> value) {
        return value == null ? "" : value.name();
    }

    /**
     * Enable for disabled keys, Disable for enabled ones, nothing for states the console does not manage.
     * The button id carries the alias (unique per tenant, and what a test or a user knows), or the key id
     * for a key without alias.
     */
    private Component stateAction(KeyMetadata key) {
        String rowName = key.alias() == null || key.alias().isEmpty() ? key.keyId() : key.alias();
        if (isServiceManaged(key)) {
            // The service refuses to disable these anyway; a button that can only fail would mislead.
            Span managed = new Span("managed by " + key.owner());
            managed.setId("managed-by-" + rowName);
            return managed;
        }
        if (!mayManageKeys()) {
            return new Span();
        }
        if (key.state() == KeyState.Enabled) {
            Button disable = new Button("Disable", click -> changeState(key, false));
            disable.setId("disable-key-" + rowName);
            disable.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
            return disable;
        }
        if (key.state() == KeyState.Disabled) {
            Button enable = new Button("Enable", click -> changeState(key, true));
            enable.setId("enable-key-" + rowName);
            enable.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_SUCCESS);
            return enable;
        }
        return new Span();
    }

    /** Whether the logged-in user's role may change keys (the service decides; this only spares refused buttons). */
    public static boolean mayManageKeys() {
        return ConsoleSession.caller().map(caller -> caller.may(Permission.MANAGE_KEYS)).orElse(false);
    }

    /** Customer keys have owner {@code user}; service-managed keys carry the integrated service's name. */
    public static boolean isServiceManaged(KeyMetadata key) {
        return key.owner() != null && !key.owner().isEmpty() && !"user".equals(key.owner());
    }

    private void changeState(KeyMetadata key, boolean enable) {
        try {
            if (enable) {
                gate.run("EnableKey", key.keyId(), (kms, caller) -> kms.keys().enableKey(caller, key.keyId()));
            } else {
                gate.run("DisableKey", key.keyId(), (kms, caller) -> kms.keys().disableKey(caller, key.keyId()));
            }
            Notifications.success("Key " + key.keyId() + (enable ? " enabled" : " disabled"));
        } catch (KmsException e) {
            Notifications.error(e.getMessage());
        }
        // Also after a failure: the refusal may come from a state change made elsewhere, now shown.
        grid.getDataProvider().refreshAll();
    }

    private void openCreateDialog() {
        new CreateKeyDialog(gate, created -> {
            Notifications.success("Key " + created.alias() + " created (" + created.keyId() + ")");
            grid.getDataProvider().refreshAll();
        }).open();
    }
}
