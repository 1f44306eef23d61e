package org.selfkms.console.access;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import org.selfkms.api.error.KmsException;
import org.selfkms.api.identity.ConsoleUserInfo;
import org.selfkms.api.identity.CredentialInfo;
import org.selfkms.api.identity.IdentityAdministration;
import org.selfkms.api.identity.NewCredential;
import org.selfkms.console.audit.ConsoleAudit;
import org.selfkms.console.auth.ConsoleSession;
import org.selfkms.console.feedback.Notifications;
import org.selfkms.console.keys.UnixTime;
import org.selfkms.console.layout.MainLayout;

import java.util.function.Supplier;

/**
 * The tenant's console users and API credentials, for tenant administrators (the service refuses everyone
 * else; the menu does not offer the page to them). A new credential's SecretKey is shown once, in
 * {@link NewCredentialDialog}. Element ids are stable for the browser tests.
 */
@Route(value = "access", layout = MainLayout.class)
@PageTitle("Access | SelfKMS")
public class AccessView extends VerticalLayout {

    private static final long serialVersionUID = 1L;

    @EJB
    private IdentityAdministration identities;

    @Inject
    private ConsoleAudit audit;

    private final Grid<ConsoleUserInfo> users = new Grid<>();
    private final Grid<CredentialInfo> credentials = new Grid<>();

    public AccessView() {
        Button addUser = new Button("Add user", VaadinIcon.PLUS.create(), click -> new NewUserDialog(this::createUser).open());
        addUser.setId("add-user-button");
        addUser.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        users.setId("users-grid");
        users.addThemeVariants(GridVariant.LUMO_COMPACT);
        users.setAllRowsVisible(true);
        users.addColumn(ConsoleUserInfo::username).setHeader("User");
        users.addColumn(u -> u.role().name()).setHeader("Role");
        users.addColumn(u -> UnixTime.formatUtc(u.createTime())).setHeader("Created (UTC)");
        users.addComponentColumn(this::userActions).setHeader("Actions").setAutoWidth(true);

        credentials.setId("credentials-grid");
        credentials.addThemeVariants(GridVariant.LUMO_COMPACT);
        credentials.setAllRowsVisible(true);
        credentials.addColumn(CredentialInfo::secretId).setHeader("SecretId").setAutoWidth(true);
        credentials.addColumn(c -> c.servicePrincipal() ? "service " + c.owner() : c.owner()).setHeader("Acts as");
        credentials.addColumn(c -> c.enabled() ? "Enabled" : "Disabled").setHeader("State");
        credentials.addColumn(c -> c.lastUsedTime() == 0 ? "never" : UnixTime.formatUtc(c.lastUsedTime())).setHeader("Last used (UTC)");
        credentials.addComponentColumn(this::credentialActions).setHeader("Actions").setAutoWidth(true);

        Button addServicePrincipal = new Button("Add service principal", VaadinIcon.PLUS.create(),
                click -> new NewServicePrincipalDialog(this::createServicePrincipal).open());
        addServicePrincipal.setId("add-service-principal-button");

        HorizontalLayout header = new HorizontalLayout(new H2("Access"), addUser);
        header.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
        HorizontalLayout credentialsHeader = new HorizontalLayout(new H3("API credentials"), addServicePrincipal);
        credentialsHeader.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
        add(header, new H3("Console users"), users, credentialsHeader, credentials);
    }

    @PostConstruct
    void load() {
        refresh();
    }

    private void refresh() {
        try {
            users.setItems(audit.call("ListUsers", null, () -> identities.users(ConsoleSession.requireCaller())));
            credentials.setItems(audit.call("ListCredentials", null, () -> identities.credentials(ConsoleSession.requireCaller())));
        } catch (KmsException e) {
            Notifications.error(e.getMessage());
        }
    }

    private HorizontalLayout userActions(ConsoleUserInfo user) {
        Button credential = new Button("New credential", click -> change("CreateCredential", "", () -> {
            new NewCredentialDialog(identities.createCredential(ConsoleSession.requireCaller(), user.username())).open();
            return null;
        }));
        credential.setId("new-credential-" + user.username());
        Button delete = new Button("Delete", click -> change("DeleteUser", "User " + user.username() + " deleted", () -> {
            identities.deleteUser(ConsoleSession.requireCaller(), user.username());
            return null;
        }));
        delete.setId("delete-user-" + user.username());
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        return new HorizontalLayout(credential, delete);
    }

    private HorizontalLayout credentialActions(CredentialInfo credential) {
        boolean enable = !credential.enabled();
        Button toggle = new Button(enable ? "Enable" : "Disable", click -> change(enable ? "EnableCredential" : "DisableCredential",
                "Credential " + credential.secretId() + (enable ? " enabled" : " disabled"), () -> {
                    identities.setCredentialEnabled(ConsoleSession.requireCaller(), credential.secretId(), enable);
                    return null;
                }));
        toggle.setId((enable ? "enable-credential-" : "disable-credential-") + credential.secretId());
        Button delete = new Button("Delete", click -> change("DeleteCredential", "Credential " + credential.secretId() + " deleted", () -> {
            identities.deleteCredential(ConsoleSession.requireCaller(), credential.secretId());
            return null;
        }));
        delete.setId("delete-credential-" + credential.secretId());
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        return new HorizontalLayout(toggle, delete);
    }

    private boolean createUser(NewUserDialog.Request request) {
        try {
            audit.call("CreateUser", null, () -> identities.createUser(ConsoleSession.requireCaller(), request.username(),
                    request.role(), request.password()));
            Notifications.success("User " + request.username() + " created");
            refresh();
            return true;
        } catch (KmsException e) {
            Notifications.error(e.getMessage());
            return false;
        } finally {
            java.util.Arrays.fill(request.password(), '\0');
        }
    }

    private boolean createServicePrincipal(String service) {
        try {
            NewCredential credential = audit.call("CreateServicePrincipal", null,
                    () -> identities.createServiceCredential(ConsoleSession.requireCaller(), service));
            refresh();
            new NewCredentialDialog(credential).open();
            return true;
        } catch (KmsException e) {
            Notifications.error(e.getMessage());
            return false;
        }
    }

    /** One audited call; the grids show what the service holds afterwards, whatever the outcome. */
    private void change(String action, String success, Supplier<Void> call) {
        try {
            audit.call(action, null, call);
            if (!success.isEmpty()) {
                Notifications.success(success);
            }
        } catch (KmsException e) {
            Notifications.error(e.getMessage());
        }
        refresh();
    }
}
