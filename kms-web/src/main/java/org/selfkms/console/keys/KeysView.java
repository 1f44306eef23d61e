package org.selfkms.console.keys;

import org.selfkms.console.auth.RequiresPermission;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.contextmenu.SubMenu;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.selfkms.api.error.KmsException;
import org.selfkms.api.identity.Permission;
import org.selfkms.api.key.KeyMetadata;
import org.selfkms.api.key.KeyOrigin;
import org.selfkms.api.key.KeyRole;
import org.selfkms.api.key.KeyState;
import org.selfkms.api.key.KeyUsage;
import org.selfkms.api.key.ProtectionLevel;
import org.selfkms.console.auth.ConsoleSession;
import org.selfkms.console.feedback.ConfirmAction;
import org.selfkms.console.feedback.Notifications;
import org.selfkms.console.gate.ConsoleGate;
import org.selfkms.console.keys.details.KeyDetailsView;
import org.selfkms.console.layout.MainLayout;
import org.selfkms.console.layout.ViewHeading;

/**
 * The tenant's key inventory: customer keys and service-managed keys on two tabs (as Tencent's console has them),
 * every state but deleted, searched, filtered, sorted and counted by the service ({@code listKeyDetail}) and paged
 * lazily. Row actions sit in a menu; the ones that break callers ask first. Element ids are stable because the
 * browser tests and the documentation screenshots rely on them.
 */
@RequiresPermission(Permission.READ_KEYS)
@Route(value = "keys", layout = MainLayout.class)
@PageTitle("Keys | SelfKMS")
public class KeysView extends VerticalLayout {

    private static final long serialVersionUID = 1L;

    @Inject
    private ConsoleGate gate;

    private final Grid<KeyMetadata> grid = new Grid<>();
    private final Tab customerTab = new Tab("Customer managed");
    private final Tab serviceTab = new Tab("Service managed");
    private final Tabs tabs = new Tabs(customerTab, serviceTab);
    private final TextField search = new TextField();
    private final Select<KeyState> state = filterSelect("keys-filter-state", "State", "All states",
            List.of(KeyState.Enabled, KeyState.Disabled, KeyState.PendingDelete, KeyState.PendingImport, KeyState.Archived),
            KeyLabels::state);
    private final Select<KeyUsage> usage = filterSelect("keys-filter-usage", "Usage", "All usages",
            List.of(KeyUsage.values()), KeyLabels::usage);
    private final Select<ProtectionLevel> protection = filterSelect("keys-filter-protection", "Protection",
            "All levels", List.of(ProtectionLevel.values()), KeyLabels::protection);
    private final Select<KeyOrigin> origin = filterSelect("keys-filter-origin", "Origin", "All origins",
            List.of(KeyOrigin.values()), KeyLabels::origin);
    private final Select<String> owner = filterSelect("keys-filter-owner", "Service", "All services", List.of(),
            name -> name);
    private final TextField tag = new TextField("Tag");
    private final Span count = new Span();
    private final Paragraph empty = new Paragraph();
    private Grid.Column<KeyMetadata> ownerColumn;
    private KeyDataProvider keys;

    public KeysView() {
        setSizeFull();

        Button create = new Button("Create key", VaadinIcon.PLUS.create(), click -> openCreateDialog());
        create.setId("create-key-button");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        // a key user or auditor gets no button the service would refuse
        create.setVisible(mayManageKeys());

        ViewHeading title = new ViewHeading("Keys");
        HorizontalLayout header = new HorizontalLayout(title, create);
        header.setWidthFull();
        header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        header.setJustifyContentMode(FlexComponent.JustifyContentMode.BETWEEN);

        tabs.setId("keys-tabs");
        customerTab.setId("keys-tab-customer");
        serviceTab.setId("keys-tab-service");
        tabs.addSelectedChangeListener(change -> tabChanged());

        count.setId("keys-count");
        count.getStyle().set("color", "var(--lumo-secondary-text-color)");
        empty.setId("keys-empty");
        empty.setVisible(false);
        empty.getStyle().set("color", "var(--lumo-secondary-text-color)");

        configureGrid();
        add(header, tabs, filterBar(), count, empty, grid);
        setFlexGrow(1, grid);
    }

    /** The gate arrives by injection after the constructor, so the grid is connected to it only now. */
    @PostConstruct
    void connectGrid() {
        keys = new KeyDataProvider(gate, KeyListFilter.of(KeyRole.USER), this::showCount, this::showListError);
        grid.setItems(keys).setItemCountUnknown();
        owner.setItems(serviceOwners());
        ownerColumn.setVisible(false);
        owner.setVisible(false);
    }

    private HorizontalLayout filterBar() {
        search.setId("keys-search");
        search.setLabel("Search");
        search.setPlaceholder("Alias, key ID or description");
        search.setClearButtonVisible(true);
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setWidth("15rem");
        search.addValueChangeListener(change -> applyFilter());

        tag.setId("keys-filter-tag");
        tag.setPlaceholder("key or key=value");
        tag.setClearButtonVisible(true);
        tag.setValueChangeMode(ValueChangeMode.LAZY);
        tag.setWidth("9.5rem");
        tag.addValueChangeListener(change -> applyFilter());

        for (Select<?> select : List.of(state, usage, protection, origin, owner)) {
            select.addValueChangeListener(change -> applyFilter());
        }
        HorizontalLayout bar = new HorizontalLayout(search, state, usage, protection, origin, owner, tag);
        bar.setId("keys-filters");
        bar.setWidthFull();
        bar.getStyle().set("flex-wrap", "wrap");
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        return bar;
    }

    private static <T> Select<T> filterSelect(String id, String label, String allCaption, List<T> values,
                                              Function<T, String> labels) {
        Select<T> select = new Select<>();
        select.setId(id);
        select.setLabel(label);
        select.setItems(values);
        select.setEmptySelectionAllowed(true);
        select.setEmptySelectionCaption(allCaption);
        select.setItemLabelGenerator(value -> value == null ? allCaption : labels.apply(value));
        select.setWidth("9.5rem");
        return select;
    }

    private void tabChanged() {
        boolean services = tabs.getSelectedTab() == serviceTab;
        ownerColumn.setVisible(services);
        owner.setVisible(services);
        if (!services) {
            owner.clear();
        }
        applyFilter();
    }

    private void applyFilter() {
        if (keys == null) {
            return;
        }
        tag.setInvalid(false);
        boolean services = tabs.getSelectedTab() == serviceTab;
        keys.filter(new KeyListFilter(services ? KeyRole.SERVICE : KeyRole.USER, search.getValue(), state.getValue(),
                usage.getValue(), protection.getValue(), origin.getValue(), services ? owner.getValue() : null,
                tag.getValue()));
    }

    private void showCount(long total) {
        boolean filtered = !search.isEmpty() || !state.isEmpty() || !usage.isEmpty() || !protection.isEmpty()
                || !origin.isEmpty() || !owner.isEmpty() || !tag.isEmpty();
        count.setText(total == 1 ? "1 key" : total + " keys");
        count.getElement().setAttribute("data-count", String.valueOf(total));
        // the grid stays visible when empty: a hidden grid would not ask again when the filters change
        empty.setVisible(total == 0);
        if (total == 0) {
            boolean services = tabs.getSelectedTab() == serviceTab;
            empty.setText(filtered ? "No key matches these filters."
                    : services ? "No integrated service manages a key for this tenant yet."
                    : mayManageKeys() ? "No keys yet. Create one with Create key." : "No keys yet.");
        }
    }

    /** A tag filter the service refuses is marked on the field, keeping what was typed; anything else is a toast. */
    private void showListError(KmsException e) {
        if (!tag.isEmpty() && e.getMessage() != null && e.getMessage().toLowerCase(java.util.Locale.ROOT).contains("tag")) {
            tag.setErrorMessage(e.getMessage());
            tag.setInvalid(true);
        } else {
            Notifications.error(e.getMessage());
        }
    }

    private List<String> serviceOwners() {
        try {
            List<String> services = new ArrayList<>(gate.call("ListKeyOwners", null, (kms, caller) -> kms.keys().keyOwners(caller)));
            services.remove("user");
            return services;
        } catch (KmsException e) {
            return List.of();
        }
    }

    private void configureGrid() {
        grid.setId("keys-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setMultiSort(false);
        // Not auto-width: that is measured on the first rows loaded, and a longer alias created later
        // would be cut. The tooltip shows aliases that still do not fit, with the description.
        grid.addComponentColumn(KeysView::detailsLink).setHeader("Alias").setKey("alias")
                .setWidth("8rem").setFlexGrow(1).setResizable(true).setTooltipGenerator(KeysView::aliasTooltip)
                .setSortable(true).setSortProperty(KeyDataProvider.SORT_ALIAS);
        grid.addColumn(KeyMetadata::keyId).setHeader("Key ID").setKey("keyId").setWidth("15rem").setFlexGrow(0)
                .setResizable(true);
        grid.addComponentColumn(key -> new StateBadge(key.state())).setHeader("State").setKey("state")
                .setWidth("8.5rem").setFlexGrow(0).setSortable(true).setSortProperty(KeyDataProvider.SORT_STATE);
        grid.addColumn(key -> KeyLabels.usage(key.usage())).setHeader("Usage").setKey("usage").setWidth("10rem")
                .setResizable(true).setTooltipGenerator(key -> key.usage().name());
        grid.addColumn(key -> KeyLabels.protection(key.protectionLevel())).setHeader("Protection").setKey("protection")
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(key -> KeyLabels.origin(key.origin())).setHeader("Origin").setKey("origin").setAutoWidth(true)
                .setFlexGrow(0);
        ownerColumn = grid.addColumn(KeyMetadata::owner).setHeader("Service").setKey("owner").setAutoWidth(true).setFlexGrow(0);
        Grid.Column<KeyMetadata> created = grid.addColumn(key -> UnixTime.formatUtc(key.createTime()))
                .setHeader("Created (UTC)").setKey("created").setAutoWidth(true).setFlexGrow(0)
                .setSortable(true).setSortProperty(KeyDataProvider.SORT_CREATED);
        grid.addComponentColumn(this::rowMenu).setHeader(new Span()).setKey("actions").setWidth("4rem").setFlexGrow(0)
                .setTextAlign(ColumnTextAlign.END);
        grid.sort(List.of(new GridSortOrder<>(created, SortDirection.DESCENDING)));
        grid.setSizeFull();
    }

    /** The alias leads to the key's details page. */
    private static RouterLink detailsLink(KeyMetadata key) {
        RouterLink link = new RouterLink(rowName(key), KeyDetailsView.class, new RouteParameters("keyId", key.keyId()));
        link.setId("key-link-" + rowName(key));
        return link;
    }

    /** The alias (unique per tenant, and what a test or a user knows), or the key id for a key without one. */
    private static String rowName(KeyMetadata key) {
        return key.alias() == null || key.alias().isEmpty() ? key.keyId() : key.alias();
    }

    private static String aliasTooltip(KeyMetadata key) {
        String description = key.description() == null || key.description().isBlank() ? "" : "\n" + key.description();
        return rowName(key) + description;
    }

    /**
     * The row's actions in a menu: details always; enable, disable and cancel deletion where the key's state, its
     * owner and the user's role allow them (the service's rules, so no item can only fail).
     */
    private Component rowMenu(KeyMetadata key) {
        MenuBar menu = new MenuBar();
        menu.addThemeVariants(MenuBarVariant.LUMO_TERTIARY_INLINE, MenuBarVariant.LUMO_ICON);
        menu.setId("key-actions-" + rowName(key));
        MenuItem root = menu.addItem(VaadinIcon.ELLIPSIS_DOTS_V.create());
        root.setAriaLabel("Actions for " + rowName(key));
        SubMenu items = root.getSubMenu();
        items.addItem("View details", click -> getUI().ifPresent(ui -> ui.navigate(KeyDetailsView.class,
                new RouteParameters("keyId", key.keyId())))).setId("key-action-details-" + rowName(key));
        if (mayManageKeys() && !isServiceManaged(key)) {
            if (key.state() == KeyState.Enabled) {
                items.addItem("Disable", click -> ConfirmAction.ask("Disable key " + rowName(key) + "?",
                        "Applications that encrypt, decrypt, sign or generate data keys with it are refused until it is "
                                + "enabled again.", "Disable", () -> changeState(key, false))).setId("key-action-disable-" + rowName(key));
            }
            if (key.state() == KeyState.Disabled) {
                items.addItem("Enable", click -> changeState(key, true)).setId("key-action-enable-" + rowName(key));
            }
            if (key.state() == KeyState.PendingDelete) {
                items.addItem("Cancel deletion", click -> cancelDeletion(key)).setId("key-action-cancel-deletion-" + rowName(key));
            }
        }
        return menu;
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
            Notifications.success("Key " + rowName(key) + (enable ? " enabled" : " disabled"));
        } catch (KmsException e) {
            Notifications.error(e.getMessage());
        }
        // Also after a failure: the refusal may come from a state change made elsewhere, now shown.
        keys.refreshAll();
    }

    private void cancelDeletion(KeyMetadata key) {
        try {
            gate.run("CancelKeyDeletion", key.keyId(), (kms, caller) -> kms.keys().cancelKeyDeletion(caller, key.keyId()));
            Notifications.success("Deletion of key " + rowName(key) + " cancelled; the key is disabled");
        } catch (KmsException e) {
            Notifications.error(e.getMessage());
        }
        keys.refreshAll();
    }

    private void openCreateDialog() {
        new CreateKeyDialog(gate, created -> {
            Notifications.success("Key " + created.alias() + " created (" + created.keyId() + ")");
            keys.refreshAll();
        }).open();
    }
}
