package org.selfkms.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The HMAC key of the audit chains, wrapped under the domain key. An entity (unlike the records) because
 * domain-key rotation re-wraps it together with the other stored key material ({@code RewrapBatch}).
 */
@Entity
@Table(name = "kms_audit_key")
public class AuditKeyEntity {

    @Id
    private int version;

    @Column(name = "wrapped_key", nullable = false)
    private String wrappedKey;

    @Column(name = "created_at", nullable = false)
    private long createdAt;

    protected AuditKeyEntity() {
    }

    public AuditKeyEntity(int version, String wrappedKey, long createdAt) {
        this.version = version;
        this.wrappedKey = wrappedKey;
        this.createdAt = createdAt;
    }

    public int version() {
        return version;
    }

    public String wrappedKey() {
        return wrappedKey;
    }

    public void rewrapTo(String newWrappedKey) {
        this.wrappedKey = newWrappedKey;
    }

    public static String purpose(int version) {
        return "audit-hmac:" + version;
    }
}
