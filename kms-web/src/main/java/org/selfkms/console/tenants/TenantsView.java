package org.selfkms.console.tenants;

import org.selfkms.api.identity.Permission;
import org.selfkms.console.auth.RequiresPermission;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import org.selfkms.api.error.KmsException;
import org.selfkms.api.tenant.TenantInfo;
import org.selfkms.console.feedback.ConfirmAction;
import org.selfkms.console.feedback.Notifications;
import org.selfkms.console.gate.ConsoleGate;
import org.selfkms.console.keys.UnixTime;
import org.selfkms.console.layout.MainLayout;

import java.util.Arrays;
import java.util.List;
import org.selfkms.console.layout.ViewHeading;

/** The platform operator's page: tenants, each with its state; create, suspend, resume. */
@RequiresPermission(Permission.OPERATE_PLATFORM)
@Route(value = "tenants", layout = MainLayout.class)
@PageTitle("Tenants | SelfKMS")
public class TenantsView extends VerticalLayout {

    private static final long serialVersionUID = 1L;

    @Inject
    private ConsoleGate gate;

    private final Grid<TenantInfo> grid = new Grid<>();

    public TenantsView() {
        Button create = new Button("Create tenant", VaadinIcon.PLUS.create(), click -> openCreateDialog());
        create.setId("create-tenant-button");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        grid.setId("tenants-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.setAllRowsVisible(true);
        grid.addColumn(TenantInfo::name).setHeader("Name");
        grid.addColumn(TenantInfo::accountUin).setHeader("Account");
        grid.addColumn(t -> t.suspended() ? "Suspended" : "Active").setHeader("State");
        grid.addColumn(t -> UnixTime.formatUtc(t.createTime())).setHeader("Created (UTC)");
        grid.addComponentColumn(this::actions).setHeader("Actions");
        HorizontalLayout header = new HorizontalLayout(new ViewHeading("Tenants"), create);
        header.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
        add(header, grid);
    }

    @PostConstruct
    void load() {
        refresh();
    }

    private void refresh() {
        try {
            List<TenantInfo> all = gate.call("ListTenants", null, (kms, caller) -> kms.tenants().tenants(caller));
            grid.setItems(all);
        } catch (KmsException e) {
            Notifications.error(e.getMessage());
        }
    }

    private Button actions(TenantInfo tenant) {
        boolean suspend = !tenant.suspended();
        Runnable setSuspended = () -> {
            try {
                gate.run(suspend ? "SuspendTenant" : "ResumeTenant", null,
                        (kms, caller) -> kms.tenants().setSuspended(caller, tenant.tenantId(), suspend));
                Notifications.success("Tenant " + tenant.accountUin() + (suspend ? " suspended" : " resumed"));
            } catch (KmsException e) {
                Notifications.error(e.getMessage());
            }
            refresh();
        };
        Button toggle = new Button(suspend ? "Suspend" : "Resume", click -> {
            if (suspend) {
                ConfirmAction.typed("Suspend tenant " + tenant.name() + "?", "Every request of the tenant's users,"
                        + " credentials and services is refused until it is resumed: its applications stop working.",
                        "Suspend tenant", tenant.name(), setSuspended);
            } else {
                setSuspended.run();
            }
        });
        toggle.setId((suspend ? "suspend-tenant-" : "resume-tenant-") + tenant.accountUin());
        if (suspend) {
            toggle.addThemeVariants(ButtonVariant.LUMO_ERROR);
        }
        return toggle;
    }

    private void openCreateDialog() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Create tenant");
        TextField name = new TextField("Name");
        name.setId("tenant-name");
        TextField admin = new TextField("First administrator's user name");
        admin.setId("tenant-admin-name");
        PasswordField password = new PasswordField("Their first password");
        password.setId("tenant-admin-password");
        password.setHelperText("At least 12 characters; they change nothing else before logging in");
        FormLayout form = new FormLayout(name, admin, password);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        form.setWidth("26rem");
        dialog.add(form);
        Button submit = new Button("Create", click -> {
            char[] secret = password.getValue().toCharArray();
            try {
                TenantInfo created = gate.call("CreateTenant", null, (kms, caller) -> kms.tenants().createTenant(caller,
                        name.getValue(), admin.getValue().trim(), secret));
                Notifications.success("Tenant " + created.name() + " created with account " + created.accountUin());
                dialog.close();
                refresh();
            } catch (KmsException e) {
                Notifications.error(e.getMessage());
            } finally {
                Arrays.fill(secret, '\0');
            }
        });
        submit.setId("create-tenant-submit");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.addClickShortcut(Key.ENTER).listenOn(dialog);
        dialog.getFooter().add(new Button("Cancel", click -> dialog.close()), submit);
        dialog.open();
    }
}
