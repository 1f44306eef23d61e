package org.selfkms.key;

import org.selfkms.api.error.KmsException;
import org.selfkms.api.identity.Caller;
import org.selfkms.api.key.KeyOperation;
import org.selfkms.api.key.KeyPolicy;
import org.selfkms.api.key.KeyState;
import org.selfkms.api.key.KeyUsage;
import org.selfkms.api.key.ProtectionLevel;
import org.selfkms.key.policy.KeyAccess;

import java.util.UUID;
import java.util.function.Supplier;

/** What the hot path needs to know of a CMK, immutable; replaced whenever the key changes. */
public record CachedKey(long tenantId, UUID id, String alias, KeyState state, KeyUsage usage,
                        ProtectionLevel protectionLevel, int currentVersion, byte[] publicKey, String owner,
                        KeyPolicy policy) {

    static CachedKey of(CmkEntity entity, KeyPolicy policy) {
        return new CachedKey(entity.tenantId(), UUID.fromString(entity.id()), entity.alias(), entity.state(),
                entity.usage(), entity.protectionLevel(), entity.currentVersion(), entity.publicKey(), entity.owner(), policy);
    }

    /**
     * @throws KmsException when the key's policy does not let the caller do the operation; {@code asUnknown} is what
     *                      the caller would be told if the key did not exist
     */
    public void checkAccess(Caller caller, KeyOperation operation, Supplier<KmsException> asUnknown) {
        KeyAccess.check(caller, policy, operation, asUnknown);
    }

    /** DER SubjectPublicKeyInfo of a key pair (a copy); null for a symmetric key. */
    @Override
    public byte[] publicKey() {
        return publicKey == null ? null : publicKey.clone();
    }
}
