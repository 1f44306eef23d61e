package org.selfkms.api.key;

import jakarta.ejb.Local;
import org.selfkms.api.identity.Caller;

import java.util.List;

/**
 * Which products' resources use which CMKs. Anyone who may use a key may bind it (a service principal binds the
 * keys it uses) and unbind it; binding an existing pair changes nothing.
 */
@Local
public interface CloudResourceBindings {

    int MAX_PRODUCT_ID_CHARS = 64;
    int MAX_RESOURCE_ID_CHARS = 256;

    /** Also cancels the expiry of the key's imported material, as Tencent does: a used key must not lapse. */
    CloudResourceBinding bind(Caller caller, String keyRef, String productId, String resourceId);

    /** @throws org.selfkms.api.error.KmsException {@code BINDING_NOT_FOUND} if there is no such binding */
    void unbind(Caller caller, String keyRef, String productId, String resourceId);

    /** The key's bindings, oldest first. */
    List<CloudResourceBinding> bindings(Caller caller, String keyRef);
}
