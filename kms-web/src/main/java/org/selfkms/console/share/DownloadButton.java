package org.selfkms.console.share;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.server.InputStreamFactory;
import com.vaadin.flow.server.StreamResource;
import java.io.ByteArrayInputStream;
import java.util.function.Supplier;

/** A link that downloads generated content under a file name, shown as a button. */
public final class DownloadButton extends Anchor {

    private static final long serialVersionUID = 1L;

    /** @param content read when the download starts, so it is never kept in the page */
    public DownloadButton(String id, String caption, String fileName, Supplier<byte[]> content) {
        this(id, caption, fileName, () -> new ByteArrayInputStream(content.get()));
    }

    /** @param content opened when the download starts, for content made as it is sent */
    public DownloadButton(String id, String caption, String fileName, InputStreamFactory content) {
        super(new StreamResource(fileName, content), "");
        setId(id);
        getElement().setAttribute("download", true);
        Button button = new Button(caption, VaadinIcon.DOWNLOAD.create());
        button.setTabIndex(-1); // the link takes the focus
        add(button);
    }
}
