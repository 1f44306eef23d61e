package org.selfkms.console.layout;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Inline;
import com.vaadin.flow.server.AppShellSettings;

/**
 * The page every console view is rendered into. It names the console's own icon: without one the browser asks for
 * {@code /favicon.ico}, which is the Tencent door's root, and every page load left an anonymous refusal in the audit
 * trail. It also applies the light or dark theme before the page first paints ({@link ThemeToggle}). Nothing here
 * changes the pre-compiled frontend bundle (no theme, no stylesheet).
 */
public class ConsoleShell implements AppShellConfigurator {

    private static final long serialVersionUID = 1L;

    @Override
    public void configurePage(AppShellSettings settings) {
        settings.addFavIcon("icon", "icons/favicon.svg", "any");
        settings.addInlineWithContents(Inline.Position.PREPEND, ThemeToggle.FOLLOW_PREFERENCE, Inline.Wrapping.JAVASCRIPT);
    }
}
