package org.selfkms.console.access;

import org.selfkms.api.identity.Permission;
import org.selfkms.console.auth.RequiresPermission;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import java.util.List;
import org.selfkms.api.error.KmsException;
import org.selfkms.api.gate.Operation;
import org.selfkms.api.identity.ConsoleUserInfo;
import org.selfkms.api.identity.CredentialInfo;
import org.selfkms.api.identity.NewCredential;
import org.selfkms.console.feedback.ConfirmAction;
import org.selfkms.console.feedback.Notifications;
import org.selfkms.console.gate.ConsoleGate;
import org.selfkms.console.keys.UnixTime;
import org.selfkms.console.layout.MainLayout;
import org.selfkms.console.layout.ViewHeading;
import org.selfkms.console.feedback.EmptyState;

/**
 * The tenant's console users and API credentials, for tenant administrators (the service refuses everyone
 * else; the menu does not offer the page to them). A new credential's SecretKey is shown once, in
 * {@link NewCredentialDialog}. Element ids are stable for the browser tests.
 */
@RequiresPermission(Permission.ADMINISTER_TENANT)
@Route(value = "access", layout = MainLayout.class)
@PageTitle("Access | SelfKMS")
public class AccessView extends VerticalLayout {

    private static final long serialVersionUID = 1L;

    @Inject
    private ConsoleGate gate;

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
        credentials.setEmptyStateComponent(EmptyState.of("credentials-empty",
                "No API credential yet: a user's New credential, or Add service principal, makes one."));
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

        HorizontalLayout header = new HorizontalLayout(new ViewHeading("Access"), addUser);
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
            List<ConsoleUserInfo> userList = gate.call("ListUsers", null, (kms, caller) -> kms.identities().users(caller));
            users.setItems(userList);
            List<CredentialInfo> credentialList = gate.call("ListCredentials", null,
                    (kms, caller) -> kms.identities().credentials(caller));
            credentials.setItems(credentialList);
        } catch (KmsException e) {
            Notifications.error(e.getMessage());
        }
    }

    private HorizontalLayout userActions(ConsoleUserInfo user) {
        Button credential = new Button("New credential", click -> {
            NewCredential created = change("CreateCredential", "",
                    (kms, caller) -> kms.identities().createCredential(caller, user.username()));
            if (created != null) {
                new NewCredentialDialog(created).open();
            }
        });
        credential.setId("new-credential-" + user.username());
        Button delete = new Button("Delete", click -> ConfirmAction.ask("Delete user " + user.username() + "?",
                "The user can no longer log in, and every API credential of the user stops working at once.", "Delete user",
                () -> change("DeleteUser", "User " + user.username() + " deleted", (kms, caller) -> {
                    kms.identities().deleteUser(caller, user.username());
                    return null;
                })));
        delete.setId("delete-user-" + user.username());
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        return new HorizontalLayout(credential, delete);
    }

    private HorizontalLayout credentialActions(CredentialInfo credential) {
        boolean enable = !credential.enabled();
        Runnable setEnabled = () -> change(enable ? "EnableCredential" : "DisableCredential",
                "Credential " + credential.secretId() + (enable ? " enabled" : " disabled"), (kms, caller) -> {
                    kms.identities().setCredentialEnabled(caller, credential.secretId(), enable);
                    return null;
                });
        Runnable delete = () -> change("DeleteCredential", "Credential " + credential.secretId() + " deleted", (kms, caller) -> {
            kms.identities().deleteCredential(caller, credential.secretId());
            return null;
        });
        String user = credential.servicePrincipal() ? "the service " + credential.owner() : credential.owner();
        Button toggle = new Button(enable ? "Enable" : "Disable", click -> {
            if (enable) {
                setEnabled.run();
            } else {
                ConfirmAction.ask("Disable credential " + credential.secretId() + "?", "Every request signed with it is"
                        + " refused at once: " + user + " can no longer call the API with it until it is enabled again.",
                        "Disable credential", setEnabled);
            }
        });
        toggle.setId((enable ? "enable-credential-" : "disable-credential-") + credential.secretId());
        String deleteQuestion = "Delete credential " + credential.secretId() + "?";
        String deleteConsequence = "Every request signed with it is refused at once and for good: " + user
                + " needs a new credential to call the API again.";
        Button deleteButton = new Button("Delete", click -> {
            if (credential.servicePrincipal()) {
                // a service principal's credential is what a whole integrated service runs on: type its name
                ConfirmAction.typed(deleteQuestion, deleteConsequence, "Delete credential", credential.owner(), delete);
            } else {
                ConfirmAction.ask(deleteQuestion, deleteConsequence, "Delete credential", delete);
            }
        });
        deleteButton.setId("delete-credential-" + credential.secretId());
        deleteButton.addThemeVariants(ButtonVariant.LUMO_ERROR);
        return new HorizontalLayout(toggle, deleteButton);
    }

    private boolean createUser(NewUserDialog.Request request) {
        try {
            gate.call("CreateUser", null, (kms, caller) -> kms.identities().createUser(caller, request.username(),
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
            NewCredential credential = gate.call("CreateServicePrincipal", null,
                    (kms, caller) -> kms.identities().createServiceCredential(caller, service));
            refresh();
            new NewCredentialDialog(credential).open();
            return true;
        } catch (KmsException e) {
            Notifications.error(e.getMessage());
            return false;
        }
    }

    /**
     * One request through the gate; the grids show what the service holds afterwards, whatever the outcome.
     *
     * @return what the service answered, null if it refused (the refusal is shown)
     */
    private <T> T change(String action, String success, Operation<T> call) {
        T result = null;
        try {
            result = gate.call(action, null, call);
            if (!success.isEmpty()) {
                Notifications.success(success);
            }
        } catch (KmsException e) {
            Notifications.error(e.getMessage());
        }
        refresh();
        return result;
    }
}
