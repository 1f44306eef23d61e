package org.selfkms.datakey;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.util.Objects;

/** One tag of a hosted data key, given when it was made; the tenant is the data key's. */
@Entity
@Table(name = "kms_data_key_tag")
@IdClass(DataKeyTagEntity.Id.class)
public class DataKeyTagEntity {

    @jakarta.persistence.Id
    @Column(name = "data_key_id")
    private String dataKeyId;

    @jakarta.persistence.Id
    @Column(name = "tag_key")
    private String tagKey;

    @Column(name = "tag_value", nullable = false)
    private String tagValue;

    protected DataKeyTagEntity() {
    }

    DataKeyTagEntity(String dataKeyId, String tagKey, String tagValue) {
        this.dataKeyId = dataKeyId;
        this.tagKey = tagKey;
        this.tagValue = tagValue;
    }

    String dataKeyId() {
        return dataKeyId;
    }

    String tagKey() {
        return tagKey;
    }

    String tagValue() {
        return tagValue;
    }

    public static final class Id implements Serializable {
        private static final long serialVersionUID = 1L;
        private String dataKeyId;
        private String tagKey;

        public Id() {
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Id other && Objects.equals(dataKeyId, other.dataKeyId) && Objects.equals(tagKey, other.tagKey);
        }

        @Override
        public int hashCode() {
            return Objects.hash(dataKeyId, tagKey);
        }
    }
}
