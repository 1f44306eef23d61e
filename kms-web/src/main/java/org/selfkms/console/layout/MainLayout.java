package org.selfkms.console.layout;

import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import org.selfkms.api.identity.Caller;
import org.selfkms.api.identity.Permission;
import org.selfkms.console.access.AccessView;
import org.selfkms.console.audit.AuditView;
import org.selfkms.console.auth.ChangePasswordDialog;
import org.selfkms.console.auth.ConsoleSession;
import org.selfkms.console.gate.ConsoleGate;
import jakarta.inject.Inject;
import org.selfkms.console.keys.KeysView;
import org.selfkms.console.overview.OverviewView;
import org.selfkms.console.tenants.TenantsView;
import org.selfkms.console.token.TokenView;

/**
 * The frame of every logged-in page: product name, who is logged in, about, logout, and the navigation drawer.
 * Only standard components and Lumo utility styles set inline, so the pre-compiled frontend bundle still
 * covers the console (a custom stylesheet would force a frontend build, which fails here).
 */
public class MainLayout extends AppLayout {

    private static final long serialVersionUID = 1L;

    @Inject
    private ConsoleGate gate;

    public MainLayout() {
        addToNavbar(new DrawerToggle(), navbar());
        addToDrawer(navigation());
        // The navigation holds two short words; the default 16rem drawer would take room from the keys grid.
        getElement().getStyle().set("--vaadin-app-layout-drawer-width", "12rem");
    }

    /** The view is the page's main landmark; the navbar is its banner and the side navigation its navigation. */
    @Override
    public void showRouterLayoutContent(HasElement content) {
        super.showRouterLayoutContent(content);
        if (content != null) {
            content.getElement().setAttribute("role", "main");
        }
    }

    private HorizontalLayout navbar() {
        Span product = new Span("SelfKMS");
        product.getStyle().set("font-size", "var(--lumo-font-size-l)").set("font-weight", "600");

        // The guard only lets logged-in users reach this layout; the fallback is for safety, not for show.
        // The user's name opens the one thing a user does for themselves: a new password.
        Button user = new Button(ConsoleSession.caller().map(Caller::principal).orElse(""), VaadinIcon.USER.create(),
                click -> new ChangePasswordDialog(gate).open());
        user.setId("current-user");
        user.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        user.setTooltipText("Change your password");

        Button about = new Button(VaadinIcon.INFO_CIRCLE_O.create(), click -> AboutDialog.open(gate));
        about.setId("about-button");
        about.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
        about.setAriaLabel("About SelfKMS");
        about.setTooltipText("About SelfKMS: version and build");

        Button logout = new Button("Log out", VaadinIcon.SIGN_OUT.create(), click -> logout());
        logout.setId("logout-button");
        logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);

        HorizontalLayout bar = new HorizontalLayout(product, user, new ThemeToggle(), about, logout);
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        bar.expand(product);
        bar.setWidthFull();
        bar.getStyle().set("padding-right", "var(--lumo-space-m)");
        bar.getElement().setAttribute("role", "banner");
        return bar;
    }

    private static SideNav navigation() {
        SideNav nav = new SideNav();
        if (may(Permission.READ_KEYS)) {
            SideNavItem overview = new SideNavItem("Overview", OverviewView.class, VaadinIcon.DASHBOARD.create());
            overview.setId("nav-overview");
            nav.addItem(overview);
            SideNavItem keys = new SideNavItem("Keys", KeysView.class, VaadinIcon.KEY.create());
            keys.setId("nav-keys");
            nav.addItem(keys);
        }
        if (may(Permission.OPERATE_PLATFORM)) {
            SideNavItem tenants = new SideNavItem("Tenants", TenantsView.class, VaadinIcon.BUILDING.create());
            tenants.setId("nav-tenants");
            nav.addItem(tenants);
        }
        // only the pages the role may use: the service would refuse the others anyway
        if (may(Permission.ADMINISTER_TENANT)) {
            SideNavItem token = new SideNavItem("Token", TokenView.class, VaadinIcon.SAFE.create());
            token.setId("nav-token");
            nav.addItem(token);
        }
        if (may(Permission.READ_AUDIT)) {
            SideNavItem audit = new SideNavItem("Audit", AuditView.class, VaadinIcon.RECORDS.create());
            audit.setId("nav-audit");
            nav.addItem(audit);
        }
        if (may(Permission.ADMINISTER_TENANT)) {
            SideNavItem access = new SideNavItem("Access", AccessView.class, VaadinIcon.USERS.create());
            access.setId("nav-access");
            nav.addItem(access);
        }
        return nav;
    }

    private static boolean may(Permission permission) {
        return ConsoleSession.caller().map(caller -> caller.may(permission)).orElse(false);
    }

    private static void logout() {
        // Queue the page change first: once the session is invalidated, the UI can no longer be used.
        UI.getCurrent().getPage().setLocation("login");
        ConsoleSession.signOut();
    }
}
