package org.selfkms.api.audit;

import jakarta.ejb.Local;

/**
 * Where every request is reported, allowed or denied. {@link #record} returns only once the record is durable, so a
 * request answered after it is never missing from the trail.
 */
@Local
public interface AuditLog {

    /**
     * @throws org.selfkms.api.error.KmsException {@code INTERNAL} if the record cannot be written in time (queue
     *         full, database failing); the door must then fail the request instead of answering it
     */
    void record(AuditEvent event);

    /**
     * Waits (bounded) until every record acknowledged so far is in the database. Records are durable when
     * {@link #record} returns, but on the embedded H2 they reach the database from a local journal in batches; searches
     * and verifications call this themselves. Call it before reading or copying the audit tables directly (a backup).
     */
    void flush();
}
