package org.selfkms.api.identity;

import java.io.Serializable;

/** A credential just created: the only time its SecretKey is ever shown. toString leaves it out. */
public record NewCredential(String secretId, String secretKey, String owner) implements Serializable {

    @Override
    public String toString() {
        return "NewCredential[secretId=" + secretId + ", owner=" + owner + "]";
    }
}
