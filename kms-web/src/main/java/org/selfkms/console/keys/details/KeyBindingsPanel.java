package org.selfkms.console.keys.details;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import org.selfkms.api.identity.Permission;
import org.selfkms.api.key.CloudResourceBinding;
import org.selfkms.console.feedback.ConfirmAction;
import org.selfkms.console.feedback.EmptyState;
import org.selfkms.console.keys.UnixTime;

import java.util.List;

/**
 * The products' resources that use the key (BindCloudResource), oldest first, and Unbind (asks first) for roles that
 * may use keys. While any is bound the service refuses to disable, archive or schedule the deletion of the key, or to
 * delete its imported material. Element ids: {@code bindings-grid}, {@code bindings-empty}, {@code bindings-note},
 * {@code binding-unbind-<product>-<resource>}.
 */
final class KeyBindingsPanel extends VerticalLayout {

    private static final long serialVersionUID = 1L;

    private final KeyChange change;
    private final Grid<CloudResourceBinding> grid = new Grid<>();
    private final Grid.Column<CloudResourceBinding> unbindColumn;

    KeyBindingsPanel(KeyChange change) {
        this.change = change;
        setPadding(false);
        setId("bindings");
        grid.setId("bindings-grid");
        grid.setEmptyStateComponent(EmptyState.of("bindings-empty", "No cloud resource uses this key."));
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.setAllRowsVisible(true);
        grid.setMaxWidth("60rem");
        grid.addColumn(CloudResourceBinding::productId).setHeader("Product").setAutoWidth(true);
        grid.addColumn(CloudResourceBinding::resourceId).setHeader("Resource").setAutoWidth(true);
        grid.addColumn(CloudResourceBinding::boundBy).setHeader("Bound by").setAutoWidth(true);
        grid.addColumn(b -> UnixTime.formatUtc(b.createTime())).setHeader("Bound (UTC)").setAutoWidth(true);
        unbindColumn = grid.addComponentColumn(this::unbindButton).setHeader("Actions").setAutoWidth(true).setFlexGrow(0);
        Paragraph note = new Paragraph("Resources of other products that use this key (BindCloudResource). While one is bound,"
                + " the key cannot be disabled, archived, scheduled for deletion or lose its imported material: unbind it"
                + " first, once the resource no longer needs the key.");
        note.setId("bindings-note");
        note.getStyle().set("max-width", "60rem").set("margin", "0");
        add(new H3("Cloud resources"), note, grid);
    }

    void show(List<CloudResourceBinding> bindings) {
        grid.setItems(bindings);
        unbindColumn.setVisible(KeyChange.may(Permission.USE_KEYS));
    }

    private Button unbindButton(CloudResourceBinding binding) {
        String what = binding.productId() + "/" + binding.resourceId();
        Button unbind = new Button("Unbind", click -> ConfirmAction.ask("Unbind " + what + "?",
                "The key no longer counts as used by this resource: it can then be disabled or deleted while the resource"
                        + " may still need it to decrypt its data.", "Unbind",
                () -> change.apply("UnbindCloudResource", binding.keyId(), "Unbound " + what,
                        (kms, caller) -> kms.bindings().unbind(caller, binding.keyId(), binding.productId(), binding.resourceId()))));
        // an id holds no white space: a resource id may
        unbind.setId(("binding-unbind-" + binding.productId() + "-" + binding.resourceId()).replaceAll("\\s", "_"));
        unbind.getElement().setAttribute("aria-label", "Unbind " + what);
        unbind.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        return unbind;
    }
}
