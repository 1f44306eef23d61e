package org.selfkms.api.audit;

import jakarta.ejb.Local;
import org.selfkms.api.identity.Caller;

/**
 * Reading and verifying the audit trail. Each tenant sees only its own trail. It needs READ_AUDIT (tenant
 * administrators and auditors, whether logged in to the console or calling with an API credential); every other
 * role is refused ({@code UNAUTHORIZED}).
 */
@Local
public interface AuditTrail {

    AuditPage query(Caller caller, AuditQuery query);

    /**
     * Verifies the caller's trail (or the platform trail): the chain of signed checkpoints, that every segment is
     * registered by one and none that one names is missing, every record of every segment (none modified, missing or
     * inserted), each segment's sealed head, and that nothing is older than what a checkpoint or this server's own
     * writer attested.
     *
     * @param anchor a checkpoint exported earlier, or null: with one, the verification also fails if the database
     *               no longer holds that exact checkpoint - it was rolled back to an older copy, or altered
     */
    ChainVerification verify(Caller caller, boolean platform, AuditCheckpoint anchor);

    /** The newest signed checkpoint of the caller's trail (or the platform trail), to keep outside the database. */
    AuditCheckpoint latestCheckpoint(Caller caller, boolean platform);

    /** The public key that verifies checkpoint signatures, PEM (SubjectPublicKeyInfo); needs READ_AUDIT too. */
    String checkpointPublicKey(Caller caller);

    /**
     * Requests and refusals of the caller's tenant since {@code fromMillis}, in {@code buckets} equal time buckets up
     * to now (1-120), per action and for the busiest keys.
     */
    AuditActivity activity(Caller caller, long fromMillis, int buckets);
}
