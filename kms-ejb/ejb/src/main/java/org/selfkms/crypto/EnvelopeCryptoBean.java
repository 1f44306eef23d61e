package org.selfkms.crypto;

import jakarta.interceptor.Interceptors;
import org.selfkms.api.identity.Permission;
import org.selfkms.identity.AuthorizationGuard;
import org.selfkms.identity.Requires;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.selfkms.api.crypto.Ciphertext;
import org.selfkms.api.crypto.DataKey;
import org.selfkms.api.crypto.EnvelopeCrypto;
import org.selfkms.api.crypto.Plaintext;
import org.selfkms.api.crypto.ReEncrypted;
import org.selfkms.api.error.KmsErrorCode;
import org.selfkms.api.error.KmsException;
import org.selfkms.api.identity.Caller;
import org.selfkms.api.key.KeyOperation;
import org.selfkms.api.key.KeyUsage;
import org.selfkms.api.key.ProtectionLevel;
import org.selfkms.hsm.TokenGateway;
import org.selfkms.key.CachedKey;
import org.selfkms.key.KeyDirectory;
import org.selfkms.key.KeyOwnership;
import org.selfkms.key.KeyRef;
import org.selfkms.key.ManagedKeyCreator;
import org.selfkms.key.KeyStateMachine;
import org.selfkms.key.VersionMaterialCache;

import java.util.Arrays;
import java.util.Optional;

/**
 * The hot path: with a warm {@link KeyDirectory} and {@link VersionMaterialCache} it touches neither the
 * database nor a transaction. Nothing here changes state, so no transaction is needed.
 */
@Interceptors(AuthorizationGuard.class)
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class EnvelopeCryptoBean implements EnvelopeCrypto {

    @Inject
    private KeyDirectory keys;

    @Inject
    private VersionMaterialCache materials;

    @Inject
    private TokenGateway token;

    @EJB
    private ManagedKeyCreator managedKeys;

    @Override
    @Requires(Permission.USE_KEYS)
    public Ciphertext encrypt(Caller caller, String keyRef, byte[] plaintext, String encryptionContext) {
        if (plaintext == null || plaintext.length == 0 || plaintext.length > MAX_PLAINTEXT_BYTES) {
            throw new KmsException(KmsErrorCode.PLAINTEXT_INVALID, "Plaintext must be 1 to " + MAX_PLAINTEXT_BYTES + " bytes");
        }
        EncryptionContext context = EncryptionContext.parse(encryptionContext);
        CachedKey key = encryptingKey(caller, keyRef, KeyOperation.ENCRYPT);
        return new Ciphertext(key.id().toString(), seal(key, plaintext, context));
    }

    @Override
    @Requires(Permission.USE_KEYS)
    public DataKey generateDataKey(Caller caller, String keyRef, int numberOfBytes, String encryptionContext) {
        if (numberOfBytes < 1 || numberOfBytes > MAX_DATA_KEY_BYTES) {
            throw new KmsException(KmsErrorCode.INVALID_PARAMETER_VALUE, "NumberOfBytes must be between 1 and " + MAX_DATA_KEY_BYTES);
        }
        EncryptionContext context = EncryptionContext.parse(encryptionContext);
        CachedKey key = encryptingKey(caller, keyRef, KeyOperation.GENERATE_DATA_KEY);
        byte[] dataKey = token.random(numberOfBytes);
        return new DataKey(key.id().toString(), dataKey, seal(key, dataKey, context));
    }

    @Override
    @Requires(Permission.USE_KEYS)
    public Plaintext decrypt(Caller caller, String ciphertextBlob, String encryptionContext) {
        EncryptionContext context = EncryptionContext.parse(encryptionContext);
        CiphertextBlob blob = parseBlob(ciphertextBlob);
        CachedKey key = decryptingKey(caller, blob);
        byte[] plaintext = open(key, blob, context).orElseThrow(EnvelopeCryptoBean::invalidCiphertext);
        return new Plaintext(key.id().toString(), plaintext);
    }

    @Override
    @Requires(Permission.USE_KEYS)
    public ReEncrypted reEncrypt(Caller caller, String ciphertextBlob, String sourceEncryptionContext,
                                 String destinationKeyRef, String destinationEncryptionContext) {
        EncryptionContext sourceContext = EncryptionContext.parse(sourceEncryptionContext);
        EncryptionContext destinationContext = EncryptionContext.parse(destinationEncryptionContext);
        CiphertextBlob blob = parseBlob(ciphertextBlob);
        CachedKey source = decryptingKey(caller, blob);
        CachedKey destination = destinationKeyRef == null || destinationKeyRef.isEmpty()
                ? source : encryptingKey(caller, destinationKeyRef, KeyOperation.ENCRYPT);
        if (destination == source) {
            // re-encrypting under the same key seals under it again
            source.checkAccess(caller, KeyOperation.ENCRYPT, EnvelopeCryptoBean::invalidCiphertext);
        }
        byte[] plaintext = open(source, blob, sourceContext).orElseThrow(EnvelopeCryptoBean::invalidCiphertext);
        try {
            if (destination.id().equals(source.id()) && blob.keyVersion() == source.currentVersion()
                    && destinationContext.equals(sourceContext)) {
                // Tencent's ReEncrypted=false: the blob is already what a re-encryption would make
                return new ReEncrypted(ciphertextBlob, source.id().toString(), source.id().toString(), false);
            }
            KeyStateMachine.checkCanEncrypt(destination.state());
            return new ReEncrypted(seal(destination, plaintext, destinationContext), destination.id().toString(),
                    source.id().toString(), true);
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
    }

    @Override
    @Requires(Permission.USE_KEYS)
    public byte[] generateRandom(Caller caller, int numberOfBytes) {
        if (numberOfBytes < 1 || numberOfBytes > MAX_DATA_KEY_BYTES) {
            throw new KmsException(KmsErrorCode.INVALID_PARAMETER_VALUE, "NumberOfBytes must be between 1 and " + MAX_DATA_KEY_BYTES);
        }
        return token.random(numberOfBytes);
    }

    private static CiphertextBlob parseBlob(String ciphertextBlob) {
        if (ciphertextBlob == null || ciphertextBlob.isEmpty()) {
            throw new KmsException(KmsErrorCode.MISSING_PARAMETER, "CiphertextBlob is required");
        }
        return CiphertextBlob.decode(ciphertextBlob).orElseThrow(EnvelopeCryptoBean::invalidCiphertext);
    }

    /** The key a blob names, if the caller's tenant owns it and its state lets it decrypt. */
    private CachedKey decryptingKey(Caller caller, CiphertextBlob blob) {
        // Another tenant's key is indistinguishable from no key: same error as a damaged blob.
        CachedKey key = keys.byId(caller.tenantId(), blob.keyId()).orElseThrow(EnvelopeCryptoBean::invalidCiphertext);
        key.checkAccess(caller, KeyOperation.DECRYPT, EnvelopeCryptoBean::invalidCiphertext);
        if (key.usage() != KeyUsage.ENCRYPT_DECRYPT || blob.keyVersion() > key.currentVersion()) {
            throw invalidCiphertext();
        }
        KeyOwnership.checkServiceMayUse(caller, key.owner());
        KeyStateMachine.checkCanDecrypt(key.state());
        return key;
    }

    private Optional<byte[]> open(CachedKey key, CiphertextBlob blob, EncryptionContext context) {
        if (key.protectionLevel() == ProtectionLevel.HSM) {
            if (blob.algorithm() != CiphertextBlob.ALG_AES256_GCM_TOKEN_DERIVED) {
                return Optional.empty();
            }
            byte[] messageKey = token.deriveKey(VersionMaterialCache.tokenKeyLabel(key.id(), blob.keyVersion()), blob.salt());
            try {
                return BlobCipher.openWithDerivedKey(blob, messageKey, context);
            } finally {
                Arrays.fill(messageKey, (byte) 0);
            }
        }
        byte[] material = materials.material(key.id(), blob.keyVersion());
        try {
            return BlobCipher.open(blob, material, context);
        } finally {
            Arrays.fill(material, (byte) 0);
        }
    }

    private CachedKey encryptingKey(Caller caller, String keyRef, KeyOperation operation) {
        CachedKey key = resolveOrCreateManaged(caller, KeyRef.parse(keyRef));
        key.checkAccess(caller, operation, KeyDirectory::notFound);
        KeyOwnership.checkServiceMayUse(caller, key.owner());
        if (key.usage() != KeyUsage.ENCRYPT_DECRYPT) {
            throw new KmsException(KmsErrorCode.KEY_USAGE_INVALID, "The key cannot be used to encrypt");
        }
        KeyStateMachine.checkCanEncrypt(key.state());
        return key;
    }

    /**
     * A service principal's first use of its managed alias ({@code kms-<service>}) creates that key; every
     * other unknown reference is not found. Creation commits in its own transaction; a concurrent first
     * call that lost the race to the unique alias finds the winner's key.
     */
    private CachedKey resolveOrCreateManaged(Caller caller, KeyRef ref) {
        Optional<CachedKey> found = keys.find(caller.tenantId(), ref);
        if (found.isPresent()) {
            return found.get();
        }
        if (!KeyOwnership.isOwnManagedAlias(caller, ref)) {
            throw KeyDirectory.notFound();
        }
        try {
            managedKeys.createIfAbsent(caller);
        } catch (KmsException e) {
            if (e.code() != KmsErrorCode.ALIAS_EXISTS) {
                throw e;
            }
        }
        return keys.resolve(caller.tenantId(), ref);
    }

    private String seal(CachedKey key, byte[] plaintext, EncryptionContext context) {
        if (key.protectionLevel() == ProtectionLevel.HSM) {
            byte[] salt = BlobCipher.newSalt();
            byte[] messageKey = token.deriveKey(VersionMaterialCache.tokenKeyLabel(key.id(), key.currentVersion()), salt);
            try {
                return BlobCipher.sealWithDerivedKey(key.id(), key.currentVersion(), salt, messageKey, plaintext, context).encode();
            } finally {
                Arrays.fill(messageKey, (byte) 0);
            }
        }
        byte[] material = materials.material(key.id(), key.currentVersion());
        try {
            return BlobCipher.seal(key.id(), key.currentVersion(), material, plaintext, context).encode();
        } finally {
            Arrays.fill(material, (byte) 0);
        }
    }

    private static KmsException invalidCiphertext() {
        return new KmsException(KmsErrorCode.CIPHERTEXT_INVALID, "The ciphertext is invalid or does not match the encryption context");
    }
}
