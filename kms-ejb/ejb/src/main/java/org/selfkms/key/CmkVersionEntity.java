package org.selfkms.key;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.io.Serializable;
import java.util.Objects;

/** One version of a CMK's material, stored only wrapped under the token's domain key. */
@Entity
@Table(name = "kms_cmk_version")
@IdClass(CmkVersionEntity.Id.class)
public class CmkVersionEntity {

    @jakarta.persistence.Id
    @Column(name = "cmk_id")
    private String cmkId;

    @jakarta.persistence.Id
    @Column(name = "version_no")
    private int versionNo;

    /**
     * {@link org.selfkms.token.WrappedKey#encode()} form, or for the HSM level the token key's reference;
     * null once the key was deleted and the material destroyed.
     */
    @Column(name = "wrapped_material")
    private String wrappedMaterial;

    @Column(name = "created_at", nullable = false)
    private long createdAt;

    /** A re-wrap and a destruction of the same row must not both win (see V3__lifecycle_timers.sql). */
    @Version
    @Column(name = "row_version", nullable = false)
    private long rowVersion;

    protected CmkVersionEntity() {
    }

    public CmkVersionEntity(String cmkId, int versionNo, String wrappedMaterial, long createdAt) {
        this.cmkId = cmkId;
        this.versionNo = versionNo;
        this.wrappedMaterial = wrappedMaterial;
        this.createdAt = createdAt;
    }

    public String wrappedMaterial() {
        return wrappedMaterial;
    }

    public String cmkId() {
        return cmkId;
    }

    public int versionNo() {
        return versionNo;
    }

    public long createdAt() {
        return createdAt;
    }

    /** Null once the material was destroyed. */
    public boolean destroyed() {
        return wrappedMaterial == null;
    }

    /** The deletion of the key: the only stored form of the material goes; nothing can unwrap it again. */
    public void destroyMaterial() {
        this.wrappedMaterial = null;
    }

    /** After a domain-key rotation: the same material, wrapped under the new domain-key version. */
    public void rewrapTo(String newWrappedMaterial) {
        this.wrappedMaterial = newWrappedMaterial;
    }

    public static final class Id implements Serializable {
        private static final long serialVersionUID = 1L;
        private String cmkId;
        private int versionNo;

        public Id() {
        }

        public Id(String cmkId, int versionNo) {
            this.cmkId = cmkId;
            this.versionNo = versionNo;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Id other && other.versionNo == versionNo && Objects.equals(other.cmkId, cmkId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(cmkId, versionNo);
        }
    }
}
