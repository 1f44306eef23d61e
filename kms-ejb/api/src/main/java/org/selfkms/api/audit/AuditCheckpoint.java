package org.selfkms.api.audit;

import java.io.Serializable;

/**
 * A signed checkpoint of a tenant's audit trail, as exported: the statement (canonical JSON, exactly the bytes
 * signed) and its ECDSA P-256 / SHA-256 signature (DER, Base64). The statement names the tenant, the checkpoint's
 * number, the SHA-256 of the checkpoint before it, and the heads of the segments it attests. Kept outside the
 * database, it lets a later verification tell whether the database was rolled back to an older copy.
 */
public record AuditCheckpoint(String statement, String signature) implements Serializable {
}
