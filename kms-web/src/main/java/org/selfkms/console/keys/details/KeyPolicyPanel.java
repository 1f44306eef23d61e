package org.selfkms.console.keys.details;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import jakarta.json.JsonWriter;
import jakarta.json.stream.JsonGenerator;
import org.selfkms.api.json.Jsons;
import org.selfkms.api.key.KeyOperation;
import org.selfkms.api.key.KeyPolicy;

import java.io.StringWriter;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The key's policy: its statements as a table, and for whoever may change it the policy's JSON to edit, save or
 * remove. The service checks what a policy may say and who may set it; a refused text stays in the editor.
 */
final class KeyPolicyPanel extends VerticalLayout {

    private static final long serialVersionUID = 1L;

    private final KeyChange change;
    private final Span summary = new Span();
    private final Grid<KeyPolicy.Statement> grid = new Grid<>();
    private final TextArea editor = new TextArea("Policy (JSON)");
    private final HorizontalLayout buttons;
    private String keyId;
    /** What the editor was last filled with: a reload that finds the same policy leaves a refused text to correct. */
    private KeyPolicy shown;

    KeyPolicyPanel(KeyChange change) {
        this.change = change;
        setPadding(false);
        summary.setId("policy-summary");
        grid.setId("policy-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.setAllRowsVisible(true);
        grid.setWidth("48rem");
        grid.addColumn(statement -> statement.effect().name()).setHeader("Effect").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(statement -> String.join(", ", statement.principals())).setHeader("Principals");
        grid.addColumn(statement -> statement.operations().size() == KeyOperation.values().length ? "*"
                : statement.operations().stream().map(Enum::name).collect(Collectors.joining(", "))).setHeader("Operations");
        editor.setId("policy-edit");
        editor.setWidth("48rem");
        editor.setHelperText("Statements of effect ALLOW or DENY, principals (*, role:KEY_USER, user:<name>, "
                + "credential:<SecretId>, service:<name>) and operations (*, DESCRIBE, ENCRYPT, DECRYPT, "
                + "GENERATE_DATA_KEY, SIGN, VERIFY). A DENY wins; what no ALLOW names is refused.");
        Button save = new Button("Save policy", click -> save());
        save.setId("policy-save");
        Button remove = new Button("Remove policy", click -> change.apply("DeleteKeyPolicy", keyId,
                "Policy removed: roles alone decide", (kms, caller) -> kms.keys().putKeyPolicy(caller, keyId, KeyPolicy.NONE)));
        remove.setId("policy-remove");
        remove.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        buttons = new HorizontalLayout(save, remove);
        add(new H3("Policy"), summary, grid, editor, buttons);
    }

    void show(String keyId, KeyPolicy policy, boolean editable) {
        summary.setText(policy.isEmpty()
                ? "No policy: every user and credential of the tenant may do with this key what its role allows."
                : "Only what these statements allow, within each caller's role. Tenant administrators always see and manage "
                + "the key; their use of it follows the statements too.");
        grid.setItems(policy.statements());
        grid.setVisible(!policy.isEmpty());
        if (!keyId.equals(this.keyId) || !policy.equals(shown)) {
            editor.setValue(policy.isEmpty() ? "" : readable(policy));
            shown = policy;
        }
        this.keyId = keyId;
        editor.setVisible(editable);
        buttons.setVisible(editable);
    }

    /** The policy's JSON, one member per line, to edit comfortably. */
    private static String readable(KeyPolicy policy) {
        StringWriter text = new StringWriter();
        try (JsonWriter writer = Jsons.provider().createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true))
                .createWriter(text)) {
            writer.writeObject(policy.toJson());
        }
        return text.toString().strip();
    }

    private void save() {
        String text = editor.getValue();
        change.apply("PutKeyPolicy", keyId, "Policy saved",
                (kms, caller) -> kms.keys().putKeyPolicy(caller, keyId, KeyPolicy.parse(text)));
    }
}
