package org.selfkms.console.token;

import org.selfkms.api.identity.Permission;
import org.selfkms.console.auth.RequiresPermission;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import java.util.stream.Collectors;
import org.selfkms.api.error.KmsException;
import org.selfkms.api.token.TokenOverview;
import org.selfkms.console.feedback.Notifications;
import org.selfkms.console.gate.ConsoleGate;
import org.selfkms.console.layout.MainLayout;
import org.selfkms.console.layout.ViewHeading;

/**
 * The token that protects all stored key material: its backend, the domain-key versions it holds, and
 * domain-key rotation. The re-wrap after a rotation runs in the background, so the view does not poll:
 * the admin presses Refresh to watch "awaiting re-wrap" go down to 0. The values carry stable element ids
 * with nothing but the value as text, for the browser test.
 */
@RequiresPermission(Permission.ADMINISTER_TENANT)
@Route(value = "token", layout = MainLayout.class)
@PageTitle("Token | SelfKMS")
public class TokenView extends VerticalLayout {

    private static final long serialVersionUID = 1L;

    @Inject
    private ConsoleGate gate;

    private final Span backend = value("token-backend");
    private final Span tokenLabel = value("token-label");
    private final Span activeVersion = value("active-domain-key-version");
    private final Span versions = value("domain-key-versions");
    private final Span awaitingRewrap = value("awaiting-rewrap");

    public TokenView() {
        Button refresh = new Button("Refresh", VaadinIcon.REFRESH.create(), click -> refresh());
        refresh.setId("refresh-token-button");
        Button rotate = new Button("Rotate domain key", VaadinIcon.KEY.create(), click -> confirmRotation());
        rotate.setId("rotate-domain-key-button");
        rotate.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        HorizontalLayout header = new HorizontalLayout(new ViewHeading("Token"), new HorizontalLayout(refresh, rotate));
        header.setWidthFull();
        header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        header.setJustifyContentMode(FlexComponent.JustifyContentMode.BETWEEN);

        FormLayout facts = new FormLayout();
        facts.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        facts.setLabelWidth("13em"); // the labels on one line each
        facts.setMaxWidth("40rem");
        facts.addFormItem(backend, "Backend");
        facts.addFormItem(tokenLabel, "Token");
        facts.addFormItem(activeVersion, "Active domain-key version");
        facts.addFormItem(versions, "Versions held by the token");
        facts.addFormItem(awaitingRewrap, "Items awaiting re-wrap");

        add(header, facts);
    }

    /** The service arrives by injection after the constructor, so the first read happens only now. */
    @PostConstruct
    void load() {
        refresh();
    }

    private void refresh() {
        try {
            show(gate.call("DescribeToken", null, (kms, caller) -> kms.token().overview(caller)));
        } catch (KmsException e) {
            Notifications.error(e.getMessage());
        }
    }

    private void confirmRotation() {
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setId("rotate-domain-key-dialog");
        dialog.setHeader("Rotate the domain key?");
        dialog.setText(new Div(
                new Paragraph("A new domain-key version is created in the token and wraps everything from now on. "
                        + "All stored key material and API secrets are re-wrapped under it in the background; "
                        + "ciphertexts made before keep working throughout. The old version is destroyed once "
                        + "nothing stored refers to it any more."),
                new Paragraph("Backups: a database backup taken before the rotation can then only be restored "
                        + "together with a token backup from before the rotation too. Take fresh database and "
                        + "token backups once the re-wrap has finished.")));
        dialog.setCancelable(true);
        Button confirm = new Button("Rotate");
        confirm.setId("rotate-domain-key-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        // A slotted button fires the dialog's confirm event and closes it, like the default one.
        dialog.setConfirmButton(confirm);
        dialog.addConfirmListener(event -> rotate());
        dialog.open();
    }

    private void rotate() {
        try {
            TokenOverview overview = gate.call("RotateDomainKey", null, (kms, caller) -> kms.token().rotateDomainKey(caller));
            show(overview);
            Notifications.success("Domain-key version " + overview.activeDomainKeyVersion() + " is active; "
                    + overview.awaitingRewrap() + " stored items are re-wrapped in the background");
        } catch (KmsException e) {
            // For example a rotation whose re-wrap is still running: the service refuses a second one.
            Notifications.error(e.getMessage());
        }
    }

    private void show(TokenOverview overview) {
        backend.setText(overview.backend());
        tokenLabel.setText(overview.tokenLabel());
        activeVersion.setText(String.valueOf(overview.activeDomainKeyVersion()));
        versions.setText(overview.domainKeyVersions().stream().map(String::valueOf)
                .collect(Collectors.joining(", ")));
        awaitingRewrap.setText(String.valueOf(overview.awaitingRewrap()));
    }

    private static Span value(String id) {
        Span span = new Span();
        span.setId(id);
        return span;
    }
}
