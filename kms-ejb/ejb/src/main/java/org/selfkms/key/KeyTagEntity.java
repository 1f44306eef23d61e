package org.selfkms.key;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.util.Objects;

/** One tag of a CMK; the tenant is the key's. */
@Entity
@Table(name = "kms_cmk_tag")
@IdClass(KeyTagEntity.Id.class)
public class KeyTagEntity {

    @jakarta.persistence.Id
    @Column(name = "cmk_id")
    private String cmkId;

    @jakarta.persistence.Id
    @Column(name = "tag_key")
    private String tagKey;

    @Column(name = "tag_value", nullable = false)
    private String tagValue;

    protected KeyTagEntity() {
    }

    public KeyTagEntity(String cmkId, String tagKey, String tagValue) {
        this.cmkId = cmkId;
        this.tagKey = tagKey;
        this.tagValue = tagValue;
    }

    public String tagKey() {
        return tagKey;
    }

    public String tagValue() {
        return tagValue;
    }

    public void setValue(String value) {
        this.tagValue = value;
    }

    public static final class Id implements Serializable {
        private static final long serialVersionUID = 1L;
        private String cmkId;
        private String tagKey;

        public Id() {
        }

        public Id(String cmkId, String tagKey) {
            this.cmkId = cmkId;
            this.tagKey = tagKey;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Id other && Objects.equals(cmkId, other.cmkId) && Objects.equals(tagKey, other.tagKey);
        }

        @Override
        public int hashCode() {
            return Objects.hash(cmkId, tagKey);
        }
    }
}
