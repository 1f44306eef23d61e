package org.selfkms.api.key;

import java.io.Serializable;

/**
 * A record that a product's resource uses a CMK (Tencent's BindCloudResource): while any binding exists the key
 * cannot be disabled, archived, scheduled for deletion or left without its imported material.
 *
 * @param productId  the product, e.g. {@code ssm} or a service principal's name
 * @param resourceId the product's own name for the resource
 * @param createTime Unix seconds
 * @param boundBy    the principal that bound it
 */
public record CloudResourceBinding(String keyId, String productId, String resourceId, long createTime, String boundBy)
        implements Serializable {
}
