package org.selfkms.tenant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A tenant (account). Everything else belongs to exactly one. */
@Entity
@Table(name = "kms_tenant")
public class TenantEntity {

    @Id
    private long id;

    @Column(name = "account_uin", nullable = false)
    private long accountUin;

    @Column(nullable = false)
    private String name;

    @Column(name = "created_at", nullable = false)
    private long createdAt;

    /** Set by the platform operator: the tenant's users and credentials are refused, its keys kept. */
    @Column(nullable = false)
    private boolean suspended;

    protected TenantEntity() {
    }

    public TenantEntity(long id, long accountUin, String name, long createdAt) {
        this.id = id;
        this.accountUin = accountUin;
        this.name = name;
        this.createdAt = createdAt;
    }

    public long id() {
        return id;
    }

    public long accountUin() {
        return accountUin;
    }

    public String name() {
        return name;
    }

    public long createdAt() {
        return createdAt;
    }

    public boolean suspended() {
        return suspended;
    }

    public void setSuspended(boolean suspended) {
        this.suspended = suspended;
    }
}
