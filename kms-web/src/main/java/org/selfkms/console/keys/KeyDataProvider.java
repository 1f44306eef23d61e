package org.selfkms.console.keys;

import com.vaadin.flow.data.provider.AbstractBackEndDataProvider;
import com.vaadin.flow.data.provider.Query;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.selfkms.api.error.KmsException;
import org.selfkms.api.key.KeyManagement;
import org.selfkms.api.key.KeyMetadata;
import org.selfkms.api.key.KeyPage;
import org.selfkms.console.audit.ConsoleAudit;
import org.selfkms.console.auth.ConsoleSession;
import org.selfkms.console.feedback.Notifications;

/**
 * Lazy paging of the grid over {@link KeyManagement#listKeys}, customer and service-managed keys alike
 * (the grid's Owner column tells them apart): the grid asks for the rows it shows, and
 * we fetch them in pages of at most {@value #MAX_PAGE}, the largest page the service accepts.
 */
final class KeyDataProvider extends AbstractBackEndDataProvider<KeyMetadata, Void> {

    static final int MAX_PAGE = 200;
    private static final long serialVersionUID = 1L;

    private final KeyManagement keyManagement;
    private final ConsoleAudit audit;

    KeyDataProvider(KeyManagement keyManagement, ConsoleAudit audit) {
        this.keyManagement = keyManagement;
        this.audit = audit;
    }

    @Override
    protected Stream<KeyMetadata> fetchFromBackEnd(Query<KeyMetadata, Void> query) {
        // Read both even if the service fails: Vaadin checks that a provider honoured offset and limit.
        int offset = query.getOffset();
        int limit = query.getLimit();
        try {
            // One record per page the user looks at; the count that sizes the grid goes with it unrecorded.
            return audit.call("ListKeys", null, () -> fetch(offset, limit)).stream();
        } catch (KmsException e) {
            Notifications.error(e.getMessage());
            return Stream.empty();
        }
    }

    @Override
    protected int sizeInBackEnd(Query<KeyMetadata, Void> query) {
        try {
            long total = keyManagement.listKeys(ConsoleSession.requireCaller(), null, 0, 1).totalCount();
            return (int) Math.min(Integer.MAX_VALUE, total);
        } catch (KmsException e) {
            Notifications.error(e.getMessage());
            return 0;
        }
    }

    /** Rows are identified by key id; the records' equals would change with every state change. */
    @Override
    public Object getId(KeyMetadata key) {
        return key.keyId();
    }

    private List<KeyMetadata> fetch(int offset, int limit) {
        List<KeyMetadata> rows = new ArrayList<>();
        while (rows.size() < limit) {
            int pageSize = Math.min(MAX_PAGE, limit - rows.size());
            KeyPage page = keyManagement.listKeys(ConsoleSession.requireCaller(), null, offset + rows.size(), pageSize);
            rows.addAll(page.keys());
            if (page.keys().size() < pageSize) {
                break; // end of the list
            }
        }
        return rows;
    }
}
