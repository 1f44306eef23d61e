package org.selfkms.console.layout;

import com.vaadin.flow.component.html.H1;

/** The one {@code h1} of a view: what the page is, for the eye and for screen readers' heading navigation. */
public final class ViewHeading extends H1 {

    private static final long serialVersionUID = 1L;

    public ViewHeading(String text) {
        super(text);
        getStyle().set("font-size", "var(--lumo-font-size-xxl)").set("margin", "0");
    }
}
