package org.selfkms.console.keys.details;

import org.selfkms.console.feedback.ConfirmAction;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import org.selfkms.api.key.KeyTag;

import java.util.List;
import org.selfkms.console.feedback.EmptyState;

/** The key's tags, with add (or change the value of a tag key) and remove. The service checks the rules. */
final class KeyTagsPanel extends VerticalLayout {

    private static final long serialVersionUID = 1L;

    private final KeyChange change;
    private final Grid<KeyTag> grid = new Grid<>();
    private final TextField tagKey = new TextField("Tag key");
    private final TextField tagValue = new TextField("Value");
    private final HorizontalLayout form;
    private Grid.Column<KeyTag> removeColumn;
    private String keyId;

    KeyTagsPanel(KeyChange change) {
        this.change = change;
        setPadding(false);
        grid.setId("tags-grid");
        grid.setEmptyStateComponent(EmptyState.of("tags-empty", "No tags: tags group keys for searches and listings."));
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.setAllRowsVisible(true);
        grid.addColumn(KeyTag::key).setHeader("Tag key");
        grid.addColumn(KeyTag::value).setHeader("Value");
        removeColumn = grid.addComponentColumn(this::removeButton).setHeader("").setAutoWidth(true).setFlexGrow(0);
        tagKey.setId("tag-key-field");
        tagKey.setMaxLength(127);
        tagValue.setId("tag-value-field");
        tagValue.setMaxLength(255);
        Button add = new Button("Add tag", click -> addTag());
        add.setId("tag-add");
        form = new HorizontalLayout(tagKey, tagValue, add);
        form.setId("tag-form");
        form.setAlignItems(Alignment.BASELINE);
        add(new H3("Tags"), grid, form);
    }

    /** Without {@code editable} (a read-only role, a service-managed key) no control the service would refuse is shown. */
    void show(String keyId, List<KeyTag> tags, boolean editable) {
        this.keyId = keyId;
        grid.setItems(tags);
        removeColumn.setVisible(editable);
        form.setVisible(editable);
    }

    private Button removeButton(KeyTag tag) {
        Button remove = new Button("Remove", click -> ConfirmAction.ask("Remove tag " + tag.key() + "?",
                "Listings and filters that select keys by this tag no longer find this key.", "Remove tag",
                () -> change.apply("UntagKey", keyId, "Tag " + tag.key() + " removed",
                        (kms, caller) -> kms.keys().untagKey(caller, keyId, List.of(tag.key())))));
        remove.setId("tag-remove-" + tag.key());
        remove.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        return remove;
    }

    /** Sets the tag (a new key, or a new value for a key the tag list has); the fields keep a refused input. */
    private void addTag() {
        KeyTag tag = new KeyTag(tagKey.getValue().trim(), tagValue.getValue());
        if (change.apply("TagKey", keyId, "Tag " + tag.key() + " saved",
                (kms, caller) -> kms.keys().tagKey(caller, keyId, List.of(tag)))) {
            tagKey.clear();
            tagValue.clear();
        }
    }
}
