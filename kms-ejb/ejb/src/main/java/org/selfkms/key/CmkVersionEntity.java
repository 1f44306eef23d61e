package org.selfkms.key;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

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

    /** {@link org.selfkms.token.WrappedKey#encode()} form. */
    @Column(name = "wrapped_material", nullable = false)
    private String wrappedMaterial;

    @Column(name = "created_at", nullable = false)
    private long createdAt;

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
