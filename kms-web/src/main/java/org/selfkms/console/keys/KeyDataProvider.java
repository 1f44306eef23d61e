package org.selfkms.console.keys;

import com.vaadin.flow.data.provider.AbstractBackEndDataProvider;
import com.vaadin.flow.data.provider.Query;
import com.vaadin.flow.data.provider.QuerySortOrder;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.function.SerializableConsumer;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.selfkms.api.error.KmsException;
import org.selfkms.api.key.KeyMetadata;
import org.selfkms.api.key.KeyPage;
import org.selfkms.api.key.KeySort;
import org.selfkms.console.gate.ConsoleGate;

/**
 * Lazy paging of the key grid over {@code KeyManagement.listKeyDetail}, which filters, orders and counts in the
 * database: the grid asks for the rows it shows, and we fetch them in pages of at most {@value #MAX_PAGE}, the
 * largest page the service accepts. One audited request per batch of rows the grid asks for; each answer carries the
 * number of matching keys, handed to {@code onCount} (the grid itself runs with an unknown count: asking for one
 * would be a second request, and a second audit record, per page). A refusal goes to {@code onError} and shows an
 * empty list.
 */
final class KeyDataProvider extends AbstractBackEndDataProvider<KeyMetadata, Void> {

    static final int MAX_PAGE = 200;
    /** The grid's sort properties, one per {@link KeySort}. */
    static final String SORT_ALIAS = "alias";
    static final String SORT_STATE = "state";
    static final String SORT_CREATED = "created";
    private static final long serialVersionUID = 1L;

    private final ConsoleGate gate;
    private final SerializableConsumer<Long> onCount;
    private final SerializableConsumer<KmsException> onError;
    private KeyListFilter filter;

    KeyDataProvider(ConsoleGate gate, KeyListFilter filter, SerializableConsumer<Long> onCount,
                    SerializableConsumer<KmsException> onError) {
        this.gate = gate;
        this.filter = filter;
        this.onCount = onCount;
        this.onError = onError;
    }

    void filter(KeyListFilter newFilter) {
        this.filter = newFilter;
        refreshAll();
    }

    KeyListFilter filter() {
        return filter;
    }

    @Override
    protected Stream<KeyMetadata> fetchFromBackEnd(Query<KeyMetadata, Void> query) {
        // Read both even if the service fails: Vaadin checks that a provider honoured offset and limit.
        int offset = query.getOffset();
        int limit = query.getLimit();
        KeySort sort = KeySort.CREATED;
        boolean ascending = false;
        for (QuerySortOrder order : query.getSortOrders()) {
            sort = switch (order.getSorted()) {
                case SORT_ALIAS -> KeySort.ALIAS;
                case SORT_STATE -> KeySort.STATE;
                default -> KeySort.CREATED;
            };
            ascending = order.getDirection() == SortDirection.ASCENDING;
            break; // one column at a time
        }
        KeySort by = sort;
        boolean up = ascending;
        KeyListFilter current = filter;
        try {
            List<KeyMetadata> rows = new ArrayList<>();
            long total = gate.call("ListKeys", null, (kms, caller) -> {
                long count = 0;
                while (rows.size() < limit) {
                    int pageSize = Math.min(MAX_PAGE, limit - rows.size());
                    KeyPage page = kms.keys().listKeyDetail(caller, current.query(offset + rows.size(), pageSize, by, up));
                    rows.addAll(page.keys());
                    count = page.totalCount();
                    if (page.keys().size() < pageSize) {
                        break; // end of the list
                    }
                }
                return count;
            });
            onCount.accept(total);
            return rows.stream();
        } catch (KmsException e) {
            onError.accept(e);
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
