package org.selfkms.console.auth;

import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import org.selfkms.console.keys.KeysView;
import org.selfkms.console.layout.MainLayout;
import org.selfkms.console.layout.ViewHeading;

/** What a logged-in user sees instead of a page the role does not allow. */
@Route(value = "forbidden", layout = MainLayout.class)
@PageTitle("Not permitted | SelfKMS")
public class ForbiddenView extends VerticalLayout {

    private static final long serialVersionUID = 1L;

    public ForbiddenView() {
        ViewHeading title = new ViewHeading("Not permitted");
        title.setId("forbidden-title");
        add(title, new Paragraph("Your role does not allow this page. An administrator of your tenant can change your role."),
                new RouterLink("Back to the keys", KeysView.class));
    }
}
