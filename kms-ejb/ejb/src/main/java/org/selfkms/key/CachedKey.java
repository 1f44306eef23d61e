package org.selfkms.key;

import org.selfkms.api.key.KeyState;
import org.selfkms.api.key.KeyUsage;
import org.selfkms.api.key.ProtectionLevel;

import java.util.UUID;

/** What the hot path needs to know of a CMK, immutable; replaced whenever the key changes. */
public record CachedKey(long tenantId, UUID id, String alias, KeyState state, KeyUsage usage,
                        ProtectionLevel protectionLevel, int currentVersion, byte[] publicKey, String owner) {

    static CachedKey of(CmkEntity entity) {
        return new CachedKey(entity.tenantId(), UUID.fromString(entity.id()), entity.alias(), entity.state(),
                entity.usage(), entity.protectionLevel(), entity.currentVersion(), entity.publicKey(), entity.owner());
    }

    /** DER SubjectPublicKeyInfo of a key pair (a copy); null for a symmetric key. */
    @Override
    public byte[] publicKey() {
        return publicKey == null ? null : publicKey.clone();
    }
}
