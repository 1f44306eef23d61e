package org.selfkms.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A SecretId/SecretKey pair. The secret must be recoverable to verify HMAC request signatures, so it is
 * stored wrapped under the domain key (purpose bound to the SecretId), never in plaintext or hashed.
 * A credential with a {@code service} is a service principal: the tenant authorised that integrated
 * service to call KMS for it.
 */
@Entity
@Table(name = "kms_api_credential")
public class ApiCredentialEntity {

    @Id
    @Column(name = "secret_id")
    private String secretId;

    @Column(name = "tenant_id", nullable = false)
    private long tenantId;

    @Column(nullable = false)
    private String principal;

    @Column(name = "wrapped_secret", nullable = false)
    private String wrappedSecret;

    @Column(nullable = false)
    private boolean enabled;

    @Column(name = "created_at", nullable = false)
    private long createdAt;

    /** Null for an ordinary credential; the integrated service's name for a service principal. */
    @Column(name = "service_name")
    private String service;

    /** Unix seconds of the last signed request, written by {@link CredentialUsage} about once a minute. */
    @Column(name = "last_used_at", nullable = false)
    private long lastUsedAt;

    protected ApiCredentialEntity() {
    }

    public ApiCredentialEntity(String secretId, long tenantId, String principal, String wrappedSecret, long createdAt) {
        this(secretId, tenantId, principal, wrappedSecret, createdAt, null);
    }

    public ApiCredentialEntity(String secretId, long tenantId, String principal, String wrappedSecret, long createdAt,
                               String service) {
        this.service = service;
        this.secretId = secretId;
        this.tenantId = tenantId;
        this.principal = principal;
        this.wrappedSecret = wrappedSecret;
        this.enabled = true;
        this.createdAt = createdAt;
    }

    public String secretId() {
        return secretId;
    }

    public long tenantId() {
        return tenantId;
    }

    public String principal() {
        return principal;
    }

    public String wrappedSecret() {
        return wrappedSecret;
    }

    /** After a domain-key rotation: the same secret, wrapped under the new domain-key version. */
    public void rewrapTo(String newWrappedSecret) {
        this.wrappedSecret = newWrappedSecret;
    }

    public String service() {
        return service;
    }

    public long createdAt() {
        return createdAt;
    }

    public long lastUsedAt() {
        return lastUsedAt;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public boolean enabled() {
        return enabled;
    }

    public static String secretPurpose(String secretId) {
        return "api-secret:" + secretId;
    }
}
