package org.selfkms.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.selfkms.api.identity.Role;

/** A console user; the password is kept only as a PBKDF2 hash ({@link PasswordHash}). */
@Entity
@Table(name = "kms_console_user")
public class ConsoleUserEntity {

    @Id
    private String username;

    @Column(name = "tenant_id", nullable = false)
    private long tenantId;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Column(nullable = false)
    @Enumerated(EnumType.STRING)
    private Role role;

    @Column(name = "created_at", nullable = false)
    private long createdAt;

    protected ConsoleUserEntity() {
    }

    public ConsoleUserEntity(String username, long tenantId, String passwordHash, Role role, long createdAt) {
        this.username = username;
        this.tenantId = tenantId;
        this.passwordHash = passwordHash;
        this.role = role;
        this.createdAt = createdAt;
    }

    public String username() {
        return username;
    }

    public long tenantId() {
        return tenantId;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public Role role() {
        return role;
    }

    public long createdAt() {
        return createdAt;
    }
}
