package org.selfkms.console.keys.details;

import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import org.selfkms.api.key.KeyMetadata;
import org.selfkms.api.key.KeyOrigin;
import org.selfkms.api.key.KeyState;
import org.selfkms.console.keys.KeyLabels;
import org.selfkms.console.keys.UnixTime;
import org.selfkms.console.share.CopyButton;

/**
 * The key's facts, labelled, in words, the identifiers with a copy button: what an administrator looks up before
 * anything else. Each value has the id {@code key-fact-<name>}.
 */
final class KeySummaryPanel extends FormLayout {

    private static final long serialVersionUID = 1L;

    KeySummaryPanel() {
        setId("key-facts");
        setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("40rem", 2), new ResponsiveStep("72rem", 3));
    }

    void show(KeyMetadata key, boolean serviceManaged) {
        removeAll();
        copyable("key-id", "Key ID", key.keyId());
        copyable("resource-id", "Resource ID", key.resourceId());
        copyable("alias", "Alias", key.alias());
        fact("usage", "Usage", KeyLabels.usage(key.usage()));
        fact("protection", "Protection level", KeyLabels.protection(key.protectionLevel()));
        fact("origin", "Key material", KeyLabels.origin(key.origin()) + (key.origin() == KeyOrigin.EXTERNAL
                ? expiry(key) : ""));
        fact("owner", "Managed by", serviceManaged ? "the service " + key.owner() : "the tenant (customer managed)");
        fact("created", "Created", UnixTime.formatUtc(key.createTime()) + " UTC by account " + key.creatorUin());
        fact("rotation", "Automatic rotation", rotation(key));
        fact("versions", "Current version", key.currentVersion() + ", last rotated "
                + UnixTime.formatUtcOrDash(key.lastRotateTime()) + (key.lastRotateTime() > 0 ? " UTC" : ""));
        fact("deletion", "Deletion", key.state() == KeyState.PendingDelete
                ? "on " + UnixTime.formatUtc(key.deletionDate()) + " UTC" : "not scheduled");
    }

    private static String expiry(KeyMetadata key) {
        if (key.state() == KeyState.PendingImport) {
            return ", none imported yet";
        }
        return key.validTo() > 0 ? ", expires " + UnixTime.formatUtc(key.validTo()) + " UTC" : ", never expires";
    }

    /** Why a key does not rotate says more than "off": key pairs and imported material never do. */
    private static String rotation(KeyMetadata key) {
        if (key.usage().isAsymmetric()) {
            return "not for key pairs: create a new key pair instead";
        }
        if (key.origin() == KeyOrigin.EXTERNAL) {
            return "not for imported material";
        }
        if (!key.rotationEnabled()) {
            return "off";
        }
        return "every " + key.rotateDays() + " days, next " + UnixTime.formatUtcOrDash(key.nextRotateTime()) + " UTC";
    }

    private void copyable(String name, String label, String value) {
        Div fact = fact(name, label, value);
        fact.add(new CopyButton("key-copy-" + name, label, () -> value));
    }

    private Div fact(String name, String label, String value) {
        Span caption = new Span(label);
        caption.getStyle().set("display", "block").set("font-size", "var(--lumo-font-size-s)")
                .set("color", "var(--lumo-secondary-text-color)");
        Span text = new Span(value);
        text.setId("key-fact-" + name);
        text.getStyle().set("overflow-wrap", "anywhere");
        Div fact = new Div(caption, text);
        add(fact);
        return fact;
    }
}
