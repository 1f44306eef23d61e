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

    /** Wrong passwords in a row since the last successful login or lockout. */
    @Column(name = "failed_logins", nullable = false)
    private int failedLogins;

    /** Unix seconds until which every login is refused; 0 when not locked. */
    @Column(name = "locked_until", nullable = false)
    private long lockedUntil;

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

    public int failedLogins() {
        return failedLogins;
    }

    public long lockedUntil() {
        return lockedUntil;
    }

    /** The {@code maxFailures}-th wrong password in a row locks the user for {@code lockoutSeconds}. */
    void loginFailed(long now, long maxFailures, long lockoutSeconds) {
        failedLogins++;
        if (failedLogins >= maxFailures) {
            lockedUntil = now + lockoutSeconds;
            failedLogins = 0;
        }
    }

    void changePassword(String newHash) {
        passwordHash = newHash;
    }

    void loginSucceeded() {
        failedLogins = 0;
    }
}
