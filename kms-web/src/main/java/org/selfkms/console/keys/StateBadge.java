package org.selfkms.console.keys;

import com.vaadin.flow.component.html.Span;
import org.selfkms.api.key.KeyState;

/**
 * A key's state as a coloured pill: green usable, grey disabled or archived, red on its way out, amber waiting for
 * material. Lumo's colour properties set inline - Lumo's badge styles are not in the pre-compiled bundle.
 */
public final class StateBadge extends Span {

    private static final long serialVersionUID = 1L;

    public StateBadge(KeyState state) {
        super(KeyLabels.state(state));
        String tone = switch (state) {
            case Enabled -> "success";
            case PendingDelete, Deleted -> "error";
            case PendingImport -> "warning";
            case Disabled, Archived -> "contrast";
        };
        getElement().setAttribute("data-state", state.name());
        getStyle().set("display", "inline-block").set("padding", "0 0.6em").set("border-radius", "1em")
                .set("font-size", "var(--lumo-font-size-s)").set("font-weight", "500").set("line-height", "1.6")
                .set("white-space", "nowrap")
                .set("color", tone.equals("contrast") ? "var(--lumo-contrast-80pct)" : "var(--lumo-" + tone + "-text-color, #8a5a00)")
                .set("background", tone.equals("contrast") ? "var(--lumo-contrast-10pct)" : "var(--lumo-" + tone + "-color-10pct, #fff3d6)");
    }
}
