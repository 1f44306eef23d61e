package org.selfkms.datakey;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.selfkms.api.datakey.DataKeyMetadata;
import org.selfkms.api.datakey.DataKeyState;
import org.selfkms.api.key.KeyOrigin;
import org.selfkms.api.key.KeyTag;

import java.util.List;

/**
 * A hosted data key: metadata, and its material only as a CiphertextBlob under the root CMK (sealed with
 * {@link #encryptionContext()}), so the root key's version material and the domain key protect it like any blob.
 */
@Entity
@Table(name = "kms_data_key")
public class DataKeyEntity {

    @Id
    private String id;

    @Column(name = "tenant_id", nullable = false)
    private long tenantId;

    @Column(name = "cmk_id", nullable = false)
    private String cmkId;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private String description;

    @Column(name = "number_of_bytes", nullable = false)
    private int numberOfBytes;

    @Enumerated(EnumType.STRING)
    @Column(name = "key_state", nullable = false)
    private DataKeyState state;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private KeyOrigin origin;

    @Column(nullable = false)
    private String owner;

    @Column(name = "creator_uin", nullable = false)
    private long creatorUin;

    @Column(name = "created_at", nullable = false)
    private long createdAt;

    @Column(name = "deletion_date", nullable = false)
    private long deletionDate;

    @Column(name = "encryption_context")
    private String encryptionContext;

    @Column(name = "ciphertext_blob", nullable = false)
    private String ciphertextBlob;

    @Version
    @Column(name = "row_version", nullable = false)
    private long rowVersion;

    protected DataKeyEntity() {
    }

    DataKeyEntity(String id, long tenantId, String cmkId, String name, String description, int numberOfBytes,
                  KeyOrigin origin, String owner, long creatorUin, long createdAt, String encryptionContext,
                  String ciphertextBlob) {
        this.id = id;
        this.tenantId = tenantId;
        this.cmkId = cmkId;
        this.name = name;
        this.description = description;
        this.numberOfBytes = numberOfBytes;
        this.state = DataKeyState.Enabled;
        this.origin = origin;
        this.owner = owner;
        this.creatorUin = creatorUin;
        this.createdAt = createdAt;
        this.encryptionContext = encryptionContext;
        this.ciphertextBlob = ciphertextBlob;
    }

    String id() {
        return id;
    }

    long tenantId() {
        return tenantId;
    }

    String cmkId() {
        return cmkId;
    }

    DataKeyState state() {
        return state;
    }

    void changeState(DataKeyState next) {
        this.state = next;
    }

    void scheduleDeletion(long date) {
        this.deletionDate = date;
    }

    long deletionDate() {
        return deletionDate;
    }

    void rename(String newName) {
        this.name = newName;
    }

    void describe(String newDescription) {
        this.description = newDescription;
    }

    String encryptionContext() {
        return encryptionContext;
    }

    String ciphertextBlob() {
        return ciphertextBlob;
    }

    DataKeyMetadata toMetadata(String keyAlias, List<KeyTag> tags) {
        return new DataKeyMetadata(id, cmkId, keyAlias, name, numberOfBytes, createdAt, description, state, owner,
                creatorUin, deletionDate, origin, tags);
    }

    @Override
    public String toString() {
        return "DataKeyEntity[" + id + ", " + state + "]";
    }
}
