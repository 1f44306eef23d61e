package org.selfkms.console.auth;

import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.router.RouterLink;
import jakarta.servlet.http.HttpServletResponse;
import org.selfkms.console.keys.KeysView;
import org.selfkms.console.layout.MainLayout;
import org.selfkms.console.layout.ViewHeading;

/** The console's own answer to an address it does not know, instead of Vaadin's route list. */
@ParentLayout(MainLayout.class)
@PageTitle("Not found | SelfKMS")
public class NotFoundView extends VerticalLayout implements HasErrorParameter<NotFoundException> {

    private static final long serialVersionUID = 1L;

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        removeAll();
        ViewHeading title = new ViewHeading("Page not found");
        title.setId("not-found-title");
        add(title, new Paragraph("The console has no page at this address."), new RouterLink("Back to the keys", KeysView.class));
        return HttpServletResponse.SC_NOT_FOUND;
    }
}
