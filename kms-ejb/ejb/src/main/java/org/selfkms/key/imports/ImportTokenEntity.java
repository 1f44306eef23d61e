package org.selfkms.key.imports;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An import token issued by GetParametersForImport, known by the SHA-256 of the token (the token itself is
 * never stored), bound to one key and to the wrapping key pair generated for it in the token.
 */
@Entity
@Table(name = "kms_import_token")
public class ImportTokenEntity {

    @Id
    @Column(name = "token_hash")
    private String tokenHash;

    @Column(name = "cmk_id", nullable = false)
    private String cmkId;

    @Column(name = "tenant_id", nullable = false)
    private long tenantId;

    @Column(name = "wrapping_algorithm", nullable = false)
    private String wrappingAlgorithm;

    @Column(name = "wrapping_key_label", nullable = false)
    private String wrappingKeyLabel;

    @Enumerated(EnumType.STRING)
    @Column(name = "token_state", nullable = false)
    private ImportTokenState state;

    @Column(name = "created_at", nullable = false)
    private long createdAt;

    @Column(name = "valid_to", nullable = false)
    private long validTo;

    protected ImportTokenEntity() {
    }

    public ImportTokenEntity(String tokenHash, String cmkId, long tenantId, String wrappingAlgorithm,
                             String wrappingKeyLabel, long createdAt, long validTo) {
        this.tokenHash = tokenHash;
        this.cmkId = cmkId;
        this.tenantId = tenantId;
        this.wrappingAlgorithm = wrappingAlgorithm;
        this.wrappingKeyLabel = wrappingKeyLabel;
        this.state = ImportTokenState.ISSUED;
        this.createdAt = createdAt;
        this.validTo = validTo;
    }

    public String tokenHash() {
        return tokenHash;
    }

    public String cmkId() {
        return cmkId;
    }

    public long tenantId() {
        return tenantId;
    }

    public String wrappingAlgorithm() {
        return wrappingAlgorithm;
    }

    public String wrappingKeyLabel() {
        return wrappingKeyLabel;
    }

    public ImportTokenState state() {
        return state;
    }

    public long validTo() {
        return validTo;
    }
}
