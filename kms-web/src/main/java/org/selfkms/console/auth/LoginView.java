package org.selfkms.console.auth;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.login.AbstractLogin.LoginEvent;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.inject.Inject;
import java.util.Arrays;
import org.selfkms.api.error.KmsException;
import org.selfkms.api.identity.Caller;
import org.selfkms.api.identity.Permission;
import org.selfkms.console.gate.ConsoleGate;
import org.selfkms.console.overview.OverviewView;
import org.selfkms.console.tenants.TenantsView;

/**
 * The console's only public page. The password goes from the login event straight to the request gate, which
 * checks it; it is never logged here, and the copy we make is wiped afterwards. Every attempt leaves an audit
 * record, under the tenant of the user it named if that user exists.
 */
@Route("login")
@PageTitle("Log in | SelfKMS")
@PublicRoute
public class LoginView extends VerticalLayout implements BeforeEnterObserver {

    private static final long serialVersionUID = 1L;

    @Inject
    private ConsoleGate gate;

    private final LoginForm form = new LoginForm();

    public LoginView() {
        setSizeFull();
        setAlignItems(FlexComponent.Alignment.CENTER);
        setJustifyContentMode(FlexComponent.JustifyContentMode.CENTER);

        LoginI18n i18n = LoginI18n.createDefault();
        i18n.getForm().setTitle("Administrator login");
        form.setI18n(i18n);
        form.setForgotPasswordButtonVisible(false);
        form.addLoginListener(this::login);

        add(new H1("SelfKMS"), form);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        // Someone already logged in has nothing to do here.
        if (ConsoleSession.caller().isPresent()) {
            event.forwardTo(homeOf(ConsoleSession.requireCaller()));
        }
    }

    /** The platform operator has no keys: its console starts at the tenants. */
    private static Class<? extends com.vaadin.flow.component.Component> homeOf(Caller caller) {
        return caller.may(Permission.OPERATE_PLATFORM) ? TenantsView.class : OverviewView.class;
    }

    private void login(LoginEvent event) {
        char[] password = event.getPassword() == null ? new char[0] : event.getPassword().toCharArray();
        try {
            Caller caller = gate.login(event.getUsername(), password);
            ConsoleSession.signIn(caller);
            getUI().ifPresent(ui -> ui.navigate(homeOf(caller)));
        } catch (KmsException e) {
            // The service words AUTH_LOGIN_FAILED the same for unknown users and wrong passwords: safe to show.
            form.showErrorMessage("Login failed", e.getMessage());
        } catch (RuntimeException e) {
            // The form disabled itself on submit; without this the user could not try again.
            form.setEnabled(true);
            throw e;
        } finally {
            Arrays.fill(password, '\0');
        }
    }
}
