package org.selfkms.api.audit;

import jakarta.ejb.Local;
import org.selfkms.api.identity.Caller;

/**
 * Reading and verifying the audit trail. Each tenant sees only its own chain. It needs READ_AUDIT (tenant
 * administrators and auditors, whether logged in to the console or calling with an API credential); every other
 * role is refused ({@code UNAUTHORIZED}).
 */
@Local
public interface AuditTrail {

    AuditPage query(Caller caller, AuditQuery query);

    /**
     * Walks the caller's chain (or the platform chain) from the first record and checks that every record is
     * unmodified, that none is missing or inserted, and that the tail is where the head row says it is.
     */
    ChainVerification verify(Caller caller, boolean platform);
}
