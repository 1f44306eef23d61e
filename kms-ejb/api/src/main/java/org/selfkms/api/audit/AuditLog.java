package org.selfkms.api.audit;

import jakarta.ejb.Local;

/**
 * Where every door reports every request, allowed or denied (design section 6). {@link #record} returns only
 * once the record is committed to the database, so a door that answers after it never answers a request the
 * trail does not hold.
 */
@Local
public interface AuditLog {

    /**
     * @throws org.selfkms.api.error.KmsException {@code INTERNAL} if the record cannot be written in time (queue
     *         full, database failing); the door must then fail the request instead of answering it
     */
    void record(AuditEvent event);
}
