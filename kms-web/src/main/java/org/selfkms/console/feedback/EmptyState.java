package org.selfkms.console.feedback;

import com.vaadin.flow.component.html.Span;

/** What a grid shows when it has no row: a sentence saying why, and what would fill it, instead of blank space. */
public final class EmptyState {

    private EmptyState() {
    }

    public static Span of(String id, String text) {
        Span empty = new Span(text);
        empty.setId(id);
        empty.getStyle().set("color", "var(--lumo-secondary-text-color)");
        return empty;
    }
}
