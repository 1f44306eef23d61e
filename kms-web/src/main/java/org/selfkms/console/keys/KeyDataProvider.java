package org.selfkms.console.keys;

import com.vaadin.flow.data.provider.AbstractBackEndDataProvider;
import com.vaadin.flow.data.provider.Query;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.selfkms.api.error.KmsException;
import org.selfkms.api.key.KeyMetadata;
import org.selfkms.api.key.KeyPage;
import org.selfkms.console.feedback.Notifications;
import org.selfkms.console.gate.ConsoleGate;

/**
 * Lazy paging of the grid over {@code KeyManagement.listKeys}, customer and service-managed keys alike (the
 * grid's Owner column tells them apart): the grid asks for the rows it shows, and we fetch them in pages of at
 * most {@value #MAX_PAGE}, the largest page the service accepts. One audited request per batch of rows the grid
 * asks for. The grid does not ask for a count ({@link KeysView} sets the item count unknown): a count would be a
 * second request, and so a second audit record, for every page shown; the grid learns the end of the list from
 * a batch that comes back short.
 */
final class KeyDataProvider extends AbstractBackEndDataProvider<KeyMetadata, Void> {

    static final int MAX_PAGE = 200;
    private static final long serialVersionUID = 1L;

    private final ConsoleGate gate;

    KeyDataProvider(ConsoleGate gate) {
        this.gate = gate;
    }

    @Override
    protected Stream<KeyMetadata> fetchFromBackEnd(Query<KeyMetadata, Void> query) {
        // Read both even if the service fails: Vaadin checks that a provider honoured offset and limit.
        int offset = query.getOffset();
        int limit = query.getLimit();
        try {
            return gate.call("ListKeys", null, (kms, caller) -> {
                List<KeyMetadata> rows = new ArrayList<>();
                while (rows.size() < limit) {
                    int pageSize = Math.min(MAX_PAGE, limit - rows.size());
                    KeyPage page = kms.keys().listKeys(caller, null, offset + rows.size(), pageSize);
                    rows.addAll(page.keys());
                    if (page.keys().size() < pageSize) {
                        break; // end of the list
                    }
                }
                return rows;
            }).stream();
        } catch (KmsException e) {
            Notifications.error(e.getMessage());
            return Stream.empty();
        }
    }

    /** Not asked for: the grid runs with an unknown item count. */
    @Override
    protected int sizeInBackEnd(Query<KeyMetadata, Void> query) {
        throw new UnsupportedOperationException("The keys grid pages without a count");
    }

    /** Rows are identified by key id; the records' equals would change with every state change. */
    @Override
    public Object getId(KeyMetadata key) {
        return key.keyId();
    }
}
