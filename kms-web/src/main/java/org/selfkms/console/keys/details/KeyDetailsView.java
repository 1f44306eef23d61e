package org.selfkms.console.keys.details;

import org.selfkms.api.identity.Permission;
import org.selfkms.console.auth.RequiresPermission;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.inject.Inject;
import org.selfkms.api.error.KmsException;
import org.selfkms.api.audit.AuditQuery;
import org.selfkms.api.audit.AuditRecord;
import org.selfkms.api.key.CloudResourceBinding;
import org.selfkms.api.key.KeyMetadata;
import org.selfkms.api.key.KeyOrigin;
import org.selfkms.api.key.KeyPolicy;
import org.selfkms.api.key.KeyState;
import org.selfkms.api.key.KeyTag;
import org.selfkms.api.key.KeyUsage;
import org.selfkms.api.key.KeyVersionInfo;
import org.selfkms.console.gate.ConsoleGate;
import org.selfkms.console.keys.KeysView;
import org.selfkms.console.keys.StateBadge;
import org.selfkms.console.keys.UnixTime;
import org.selfkms.console.layout.MainLayout;
import org.selfkms.console.share.CopyButton;
import org.selfkms.console.share.DownloadButton;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.selfkms.console.layout.ViewHeading;

/**
 * One key: a summary of its facts, alias and description editing, the state changes its state allows, rotation,
 * versions, hosted data keys, the cloud resources bound to it, tags, policy and its recent audit records. Every change
 * goes to the key service, which owns the rules; the page then reloads the key, so what is shown is always what the
 * service holds. Element ids are stable for the browser tests.
 */
@RequiresPermission(Permission.READ_KEYS)
@Route(value = "keys/:keyId", layout = MainLayout.class)
public class KeyDetailsView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private static final long serialVersionUID = 1L;

    @Inject
    private ConsoleGate gate;

    private String keyId;
    private String pageTitle = "Key | SelfKMS";
    private final ViewHeading title = new ViewHeading("");
    private final Span state = new Span();
    private final KeySummaryPanel facts = new KeySummaryPanel();
    private final KeyAuditPanel activity = new KeyAuditPanel();
    private final TextField alias = new TextField("Alias");
    private final TextArea description = new TextArea("Description");
    private Button saveAlias;
    private Button saveDescription;
    private final Grid<KeyVersionInfo> versions = new Grid<>();
    private final TextArea publicKey = new TextArea("Public key (PEM)");
    private HorizontalLayout publicKeyActions;
    private KeyLifecycleBar lifecycle;
    private KeyRotationPanel rotation;
    private KeyTagsPanel tags;
    private KeyPolicyPanel policy;
    private KeyDataKeysPanel dataKeys;
    private KeyBindingsPanel bindings;

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        keyId = event.getRouteParameters().get("keyId").orElse("");
        if (lifecycle == null) {
            build();
        }
        reload();
    }

    private void build() {
        KeyChange change = new KeyChange(gate, this::reload);
        lifecycle = new KeyLifecycleBar(change);
        rotation = new KeyRotationPanel(change);
        tags = new KeyTagsPanel(change);
        policy = new KeyPolicyPanel(change);
        dataKeys = new KeyDataKeysPanel(change);
        bindings = new KeyBindingsPanel(change);
        title.setId("key-title");

        alias.setId("alias-edit");
        alias.setMaxLength(60);
        saveAlias = new Button("Save alias", click -> change.apply("UpdateAlias", keyId, "Alias changed",
                (kms, caller) -> kms.keys().updateAlias(caller, keyId, alias.getValue().trim())));
        saveAlias.setId("alias-save");
        description.setId("description-edit");
        description.setMaxLength(1024);
        description.setWidth("28rem");
        saveDescription = new Button("Save description", click -> change.apply("UpdateKeyDescription", keyId,
                "Description changed", (kms, caller) -> kms.keys().updateKeyDescription(caller, keyId, description.getValue())));
        saveDescription.setId("description-save");
        HorizontalLayout aliasRow = new HorizontalLayout(alias, saveAlias);
        aliasRow.setAlignItems(Alignment.BASELINE);
        HorizontalLayout descriptionRow = new HorizontalLayout(description, saveDescription);
        descriptionRow.setAlignItems(Alignment.BASELINE);

        versions.setId("versions-grid");
        versions.addThemeVariants(GridVariant.LUMO_COMPACT);
        versions.setAllRowsVisible(true);
        versions.setWidth("36rem");
        versions.addColumn(KeyVersionInfo::version).setHeader("Version");
        versions.addColumn(v -> UnixTime.formatUtc(v.createTime())).setHeader("Created (UTC)");
        versions.addColumn(v -> v.current() ? "encrypts and decrypts" : "decrypts only").setHeader("Use");

        publicKey.setId("public-key-pem");
        publicKey.setReadOnly(true);
        publicKey.setWidth("36rem");
        publicKeyActions = new HorizontalLayout(new CopyButton("public-key-copy", "Public key", publicKey::getValue),
                new DownloadButton("public-key-download", "Download PEM", "public-key.pem",
                        () -> publicKey.getValue().getBytes(StandardCharsets.US_ASCII)));

        HorizontalLayout heading = new HorizontalLayout(title, state);
        heading.setAlignItems(Alignment.BASELINE);
        add(new RouterLink("< Keys", KeysView.class), heading, facts, lifecycle, aliasRow, descriptionRow,
                publicKey, publicKeyActions, rotation, new H3("Versions"), versions, dataKeys, bindings, tags, policy, activity);
    }

    private void reload() {
        KeyView view;
        try {
            // one audited read for the page: metadata, versions, tags, policy, data keys, bindings and (for auditors)
            // recent records together
            view = gate.call("DescribeKey", keyId, (kms, caller) -> {
                KeyMetadata metadata = kms.keys().describeKey(caller, keyId);
                List<AuditRecord> recent = caller.may(Permission.READ_AUDIT) ? kms.auditTrail().query(caller,
                        new AuditQuery(null, null, metadata.keyId(), null, null, null, null, KeyAuditPanel.SHOWN, false)).records()
                        : null;
                // only a symmetric key generates data keys
                KeyDataKeysPanel.Shown hosted = metadata.usage() == KeyUsage.ENCRYPT_DECRYPT
                        ? KeyDataKeysPanel.read(kms, caller, metadata.keyId(), dataKeys.offsetFor(metadata.keyId())) : null;
                return new KeyView(metadata, kms.keys().keyVersions(caller, keyId), kms.keys().keyTags(caller, keyId),
                        kms.keys().keyPolicy(caller, keyId), recent, hosted, kms.bindings().bindings(caller, keyId));
            });
        } catch (KmsException e) {
            // unknown, foreign or deleted key: say so and offer the way back rather than an empty page
            removeAll();
            lifecycle = null;
            Span gone = new Span(e.getMessage());
            gone.setId("key-not-found");
            add(new RouterLink("< Keys", KeysView.class), gone);
            return;
        }
        KeyMetadata key = view.metadata();
        boolean managed = KeysView.isServiceManaged(key);
        // a key user or auditor reads the page; no control the service would refuse is offered
        boolean readOnly = managed || !KeysView.mayManageKeys();
        title.setText(key.alias());
        pageTitle = key.alias() + " | Keys | SelfKMS";
        getUI().ifPresent(ui -> ui.getPage().setTitle(pageTitle));
        state.removeAll();
        StateBadge badge = new StateBadge(key.state());
        badge.setId("key-state");
        state.add(badge);
        facts.show(key, managed);
        alias.setValue(key.alias());
        // the service finds its key by this alias: the service refuses a rename, so none is offered
        alias.setReadOnly(readOnly);
        saveAlias.setVisible(!readOnly);
        description.setReadOnly(readOnly);
        saveDescription.setVisible(!readOnly);
        description.setValue(key.description() == null ? "" : key.description());
        lifecycle.show(key, managed);
        lifecycle.setVisible(KeysView.mayManageKeys());
        showPublicKey(key);
        // a key pair or imported material never rotates (the service refuses it): no rotation settings to offer
        rotation.setVisible(!key.usage().isAsymmetric() && key.origin() != KeyOrigin.EXTERNAL && KeysView.mayManageKeys());
        rotation.show(key);
        versions.setItems(view.versions());
        tags.show(keyId, view.tags(), !readOnly);
        // a service-managed key takes no policy: the service refuses one, so none is offered
        policy.show(keyId, view.policy(), !readOnly);
        dataKeys.show(key, view.dataKeys());
        bindings.show(view.bindings());
        activity.show(key.keyId(), view.recentRecords());
    }

    /** Key pairs: the public key to copy, while the key is Enabled (the service gives it out only then). */
    private void showPublicKey(KeyMetadata key) {
        publicKey.setVisible(key.usage().isAsymmetric());
        publicKeyActions.setVisible(key.usage().isAsymmetric() && key.state() == KeyState.Enabled);
        if (!key.usage().isAsymmetric()) {
            return;
        }
        if (key.state() != KeyState.Enabled) {
            publicKey.setValue("");
            publicKey.setHelperText("Shown while the key is Enabled");
            return;
        }
        try {
            publicKey.setValue(gate.call("GetPublicKey", keyId, (kms, caller) -> kms.keyPairs().getPublicKey(caller, keyId).pem()));
            publicKey.setHelperText("Give this to whoever verifies this key's signatures or encrypts to it");
        } catch (KmsException e) {
            publicKey.setValue("");
            publicKey.setHelperText(e.getMessage());
        }
    }

    @Override
    public String getPageTitle() {
        return pageTitle;
    }

    private record KeyView(KeyMetadata metadata, List<KeyVersionInfo> versions, List<KeyTag> tags, KeyPolicy policy,
                           List<AuditRecord> recentRecords, KeyDataKeysPanel.Shown dataKeys,
                           List<CloudResourceBinding> bindings) {
    }
}
