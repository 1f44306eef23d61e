package org.selfkms.key.binding;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import org.selfkms.api.key.CloudResourceBinding;

import java.io.Serializable;
import java.util.Objects;

/** One product resource using one CMK; the tenant is the key's, kept on the row for the tenant's own reads. */
@Entity
@Table(name = "kms_cloud_binding")
@IdClass(CloudResourceBindingEntity.Id.class)
public class CloudResourceBindingEntity {

    @jakarta.persistence.Id
    @Column(name = "cmk_id")
    private String cmkId;

    @jakarta.persistence.Id
    @Column(name = "product_id")
    private String productId;

    @jakarta.persistence.Id
    @Column(name = "resource_id")
    private String resourceId;

    @Column(name = "tenant_id", nullable = false)
    private long tenantId;

    @Column(name = "created_at", nullable = false)
    private long createdAt;

    @Column(name = "bound_by", nullable = false)
    private String boundBy;

    protected CloudResourceBindingEntity() {
    }

    CloudResourceBindingEntity(String cmkId, String productId, String resourceId, long tenantId, long createdAt, String boundBy) {
        this.cmkId = cmkId;
        this.productId = productId;
        this.resourceId = resourceId;
        this.tenantId = tenantId;
        this.createdAt = createdAt;
        this.boundBy = boundBy;
    }

    CloudResourceBinding toBinding() {
        return new CloudResourceBinding(cmkId, productId, resourceId, createdAt, boundBy);
    }

    public static final class Id implements Serializable {
        private static final long serialVersionUID = 1L;
        private String cmkId;
        private String productId;
        private String resourceId;

        public Id() {
        }

        Id(String cmkId, String productId, String resourceId) {
            this.cmkId = cmkId;
            this.productId = productId;
            this.resourceId = resourceId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Id other && Objects.equals(cmkId, other.cmkId) && Objects.equals(productId, other.productId)
                    && Objects.equals(resourceId, other.resourceId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(cmkId, productId, resourceId);
        }
    }
}
