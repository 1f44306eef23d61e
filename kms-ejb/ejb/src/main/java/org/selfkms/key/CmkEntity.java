package org.selfkms.key;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.selfkms.api.key.KeyMetadata;
import org.selfkms.api.key.KeyOrigin;
import org.selfkms.api.key.KeyState;
import org.selfkms.api.key.KeyUsage;
import org.selfkms.api.key.ProtectionLevel;

/** A customer master key: metadata only; its material lives, wrapped, in {@link CmkVersionEntity}. */
@Entity
@Table(name = "kms_cmk")
public class CmkEntity {

    @Id
    private String id;

    @Column(name = "tenant_id", nullable = false)
    private long tenantId;

    @Column(nullable = false)
    private String alias;

    private String description;

    @Enumerated(EnumType.STRING)
    @Column(name = "key_usage", nullable = false)
    private KeyUsage usage;

    @Enumerated(EnumType.STRING)
    @Column(name = "key_state", nullable = false)
    private KeyState state;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private KeyOrigin origin;

    @Enumerated(EnumType.STRING)
    @Column(name = "protection_level", nullable = false)
    private ProtectionLevel protectionLevel;

    @Column(nullable = false)
    private String owner;

    @Column(name = "creator_uin", nullable = false)
    private long creatorUin;

    @Column(name = "created_at", nullable = false)
    private long createdAt;

    @Column(name = "deletion_date", nullable = false)
    private long deletionDate;

    @Column(name = "rotation_enabled", nullable = false)
    private boolean rotationEnabled;

    @Column(name = "current_version", nullable = false)
    private int currentVersion;

    @Column(name = "rotate_days", nullable = false)
    private int rotateDays = 365;

    @Column(name = "next_rotate_time", nullable = false)
    private long nextRotateTime;

    @Column(name = "last_rotate_time", nullable = false)
    private long lastRotateTime;

    /** EXTERNAL keys: when the imported material expires (Unix seconds), 0 for never or no material. */
    @Column(name = "material_valid_to", nullable = false)
    private long materialValidTo;

    /** EXTERNAL keys: keyed fingerprint of the material first imported, kept after the material is gone. */
    @Column(name = "material_fingerprint")
    private String materialFingerprint;

    /** Base64 DER SubjectPublicKeyInfo of an asymmetric key (not secret); null for symmetric keys. */
    @Column(name = "public_key")
    private String publicKey;

    @Version
    @Column(name = "row_version", nullable = false)
    private long rowVersion;

    protected CmkEntity() {
    }

    public CmkEntity(String id, long tenantId, String alias, String description, KeyUsage usage, KeyState state,
                     KeyOrigin origin, ProtectionLevel protectionLevel, String owner, long creatorUin, long createdAt) {
        this.id = id;
        this.tenantId = tenantId;
        this.alias = alias;
        this.description = description;
        this.usage = usage;
        this.state = state;
        this.origin = origin;
        this.protectionLevel = protectionLevel;
        this.owner = owner;
        this.creatorUin = creatorUin;
        this.createdAt = createdAt;
        this.currentVersion = 1;
    }

    public String id() {
        return id;
    }

    /** DER SubjectPublicKeyInfo of an asymmetric key; null for a symmetric one. */
    public byte[] publicKey() {
        return publicKey == null ? null : java.util.Base64.getDecoder().decode(publicKey);
    }

    /** Set once, with the key pair's only version. */
    void setPublicKey(byte[] der) {
        this.publicKey = java.util.Base64.getEncoder().encodeToString(der);
    }

    public long tenantId() {
        return tenantId;
    }

    public String alias() {
        return alias;
    }

    public KeyState state() {
        return state;
    }

    public void changeState(KeyState newState) {
        this.state = newState;
    }

    public void scheduleDeletion(long deletionDate) {
        this.deletionDate = deletionDate;
    }

    public void rename(String newAlias) {
        this.alias = newAlias;
    }

    public void describe(String newDescription) {
        this.description = newDescription;
    }

    public String owner() {
        return owner;
    }

    public KeyUsage usage() {
        return usage;
    }

    public ProtectionLevel protectionLevel() {
        return protectionLevel;
    }

    public int currentVersion() {
        return currentVersion;
    }

    public void enableRotation(int days, long now) {
        this.rotationEnabled = true;
        this.rotateDays = days;
        this.nextRotateTime = KeySchedule.nextRotation(now, days);
    }

    public void disableRotation() {
        this.rotationEnabled = false;
        this.nextRotateTime = 0;
    }

    public boolean rotationEnabled() {
        return rotationEnabled;
    }

    public long lastRotateTime() {
        return lastRotateTime;
    }

    public long nextRotateTime() {
        return nextRotateTime;
    }

    public long deletionDate() {
        return deletionDate;
    }

    /**
     * A new version is current from now on; the next automatic rotation is one period after now, however
     * many periods were missed, so catching up after downtime rotates an overdue key once.
     */
    public int advanceVersion(long now) {
        currentVersion++;
        lastRotateTime = now;
        if (rotationEnabled) {
            nextRotateTime = KeySchedule.nextRotation(now, rotateDays);
        }
        return currentVersion;
    }

    /**
     * The tombstone: the row stays so that the key id is never reused and audit records can name it, but
     * the alias is released (replaced by the key id, which no alias can equal: UUID-shaped aliases are
     * refused) so that the owner can give it to a new key, as with Tencent, where a deleted key is gone.
     */
    public void markDeleted() {
        state = KeyStateMachine.finishDeletion(state);
        alias = id;
        rotationEnabled = false;
        nextRotateTime = 0;
    }

    public KeyOrigin origin() {
        return origin;
    }

    public long materialValidTo() {
        return materialValidTo;
    }

    /** Null until material was first imported. */
    public String materialFingerprint() {
        return materialFingerprint;
    }

    /**
     * Material was imported (the caller has checked that it matches any earlier import): the key is usable
     * until {@code validTo}, 0 for ever.
     */
    public void materialImported(String fingerprint, long validTo) {
        state = KeyStateMachine.importMaterial(state);
        if (materialFingerprint == null) {
            materialFingerprint = fingerprint;
        }
        materialValidTo = validTo;
    }

    /** DeleteImportedKeyMaterial: the key waits for the same material again. */
    public void materialDeleted() {
        state = KeyStateMachine.deleteImportedMaterial(state);
        materialValidTo = 0;
    }

    /** A bound key's material no longer expires (BindCloudResource). */
    public void cancelMaterialExpiry() {
        materialValidTo = 0;
    }

    /** The material's ValidTo has passed. */
    public void materialExpired() {
        state = KeyStateMachine.expireImportedMaterial(state);
        materialValidTo = 0;
    }

    public KeyMetadata toMetadata() {
        return new KeyMetadata(id, alias, description == null ? "" : description, state, usage, origin,
                protectionLevel, createdAt, creatorUin, owner, rotationEnabled, deletionDate, currentVersion,
                rotateDays, nextRotateTime, lastRotateTime, materialValidTo);
    }
}
