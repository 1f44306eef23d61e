package org.selfkms.api.audit;

import java.io.Serializable;
import java.util.List;

/**
 * @param nextBefore the {@link AuditQuery#before()} of the next (older) page; null on the last page
 */
public record AuditPage(List<AuditRecord> records, AuditPosition nextBefore) implements Serializable {

    public AuditPage {
        records = List.copyOf(records);
    }
}
