package org.selfkms.console.layout;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.icon.VaadinIcon;

/**
 * Switches between Lumo's light and dark theme. The choice lives in the browser (local storage), like the operating
 * system's preference it overrides: the server keeps no state for it, and the page is dark before it first paints
 * ({@link #FOLLOW_PREFERENCE}, run by {@link ConsoleShell}).
 */
public final class ThemeToggle extends Button {

    private static final long serialVersionUID = 1L;
    static final String STORAGE_KEY = "selfkms-theme";

    /** Dark when chosen before, otherwise when the browser prefers it; runs first in every console page. */
    static final String FOLLOW_PREFERENCE = "(function () { try { var chosen = localStorage.getItem('" + STORAGE_KEY + "');"
            + " var dark = chosen ? chosen === 'dark' : window.matchMedia('(prefers-color-scheme: dark)').matches;"
            + " if (dark) { document.documentElement.setAttribute('theme', 'dark'); } } catch (e) { } })();";

    ThemeToggle() {
        super(VaadinIcon.ADJUST.create());
        setId("theme-toggle");
        addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
        setTooltipText("Dark theme");
        getElement().setAttribute("aria-label", "Dark theme");
        // aria-pressed says which theme is on; only the browser knows, so it sets it
        getElement().executeJs("this.setAttribute('aria-pressed', String(document.documentElement.getAttribute('theme') === 'dark'));");
        addClickListener(click -> getElement().executeJs("const html = document.documentElement;"
                + " const dark = html.getAttribute('theme') !== 'dark';"
                + " if (dark) { html.setAttribute('theme', 'dark'); } else { html.removeAttribute('theme'); }"
                + " try { localStorage.setItem('" + STORAGE_KEY + "', dark ? 'dark' : 'light'); } catch (e) { }"
                + " this.setAttribute('aria-pressed', String(dark));"));
    }
}
