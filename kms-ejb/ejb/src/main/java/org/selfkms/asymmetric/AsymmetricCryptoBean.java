package org.selfkms.asymmetric;

import jakarta.interceptor.Interceptors;
import org.selfkms.api.identity.Permission;
import org.selfkms.identity.AuthorizationGuard;
import org.selfkms.identity.Requires;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.selfkms.api.crypto.AsymmetricCrypto;
import org.selfkms.api.crypto.Ciphertext;
import org.selfkms.api.crypto.MessageType;
import org.selfkms.api.crypto.Plaintext;
import org.selfkms.api.crypto.PublicKeyInfo;
import org.selfkms.api.error.KmsErrorCode;
import org.selfkms.api.error.KmsException;
import org.selfkms.api.identity.Caller;
import org.selfkms.api.key.KeyOperation;
import org.selfkms.api.key.KeyUsage;
import org.selfkms.api.key.ProtectionLevel;
import org.selfkms.crypto.PostQuantumBlob;
import org.selfkms.hsm.TokenGateway;
import org.selfkms.key.CachedKey;
import org.selfkms.key.KeyDirectory;
import org.selfkms.key.KeyRef;
import org.selfkms.key.KeyStateMachine;
import org.selfkms.key.VersionMaterialCache;
import org.selfkms.token.keypair.DecryptionAlgorithm;
import org.selfkms.token.keypair.Encapsulation;
import org.selfkms.token.keypair.KeyPairSpec;
import org.selfkms.token.keypair.PrivateKeys;
import org.selfkms.token.keypair.PublicKeys;
import org.selfkms.token.keypair.SignatureAlgorithm;
import org.selfkms.token.keypair.Sm2Ciphertexts;
import org.selfkms.token.keypair.UndecryptableException;
import org.selfkms.token.PerThreadSecureRandom;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Key-pair operations. Public-key work (GetPublicKey, verification, post-quantum encryption) needs only the
 * cached public key; private-key work runs in the token for the HSM level, and in the JVM on the unwrapped
 * PKCS#8 from {@link VersionMaterialCache} for the SOFTWARE level. Like the symmetric hot path, nothing here
 * touches the database once the caches are warm, and nothing changes state.
 */
@Interceptors(AuthorizationGuard.class)
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class AsymmetricCryptoBean implements AsymmetricCrypto {

    private static final Logger LOG = Logger.getLogger(AsymmetricCryptoBean.class.getName());
    private static final SecureRandom RANDOM = PerThreadSecureRandom.INSTANCE;
    /** Key pairs never rotate: their private key is version 1's material. */
    private static final int KEY_PAIR_VERSION = 1;
    private static final int MAX_CIPHERTEXT_BYTES = 8192;
    private static final int MAX_SIGNATURE_BYTES = 8192;

    @Inject
    private KeyDirectory keys;

    @Inject
    private VersionMaterialCache materials;

    @Inject
    private TokenGateway token;

    @Override
    @Requires(Permission.READ_KEYS)
    public PublicKeyInfo getPublicKey(Caller caller, String keyRef) {
        CachedKey key = usableKeyPair(caller, keyRef, KeyOperation.DESCRIBE);
        byte[] der = key.publicKey();
        return new PublicKeyInfo(key.id().toString(), der, PublicKeys.pem(der));
    }

    @Override
    @Requires(Permission.USE_KEYS)
    public byte[] sign(Caller caller, String keyRef, String algorithmName, MessageType type, byte[] message) {
        CachedKey key = usableKeyPair(caller, keyRef, KeyOperation.SIGN);
        SignatureAlgorithm algorithm = KeyPairUsages.signatureAlgorithm(key.usage(), algorithmName);
        byte[] input = signedInput(key, algorithm, type, message);
        if (key.protectionLevel() == ProtectionLevel.HSM) {
            return token.signWithTokenKey(VersionMaterialCache.tokenKeyLabel(key.id(), KEY_PAIR_VERSION), algorithm, input);
        }
        return withPrivateKey(key, privateKey -> PrivateKeys.sign(privateKey, null, algorithm, input, RANDOM));
    }

    @Override
    @Requires(Permission.USE_KEYS)
    public boolean verify(Caller caller, String keyRef, String algorithmName, MessageType type, byte[] message, byte[] signature) {
        CachedKey key = usableKeyPair(caller, keyRef, KeyOperation.VERIFY);
        SignatureAlgorithm algorithm = KeyPairUsages.signatureAlgorithm(key.usage(), algorithmName);
        byte[] input = signedInput(key, algorithm, type, message);
        if (signature == null || signature.length == 0 || signature.length > MAX_SIGNATURE_BYTES) {
            throw new KmsException(KmsErrorCode.INVALID_PARAMETER_VALUE, "SignatureValue must be 1 to " + MAX_SIGNATURE_BYTES + " bytes");
        }
        return PublicKeys.verify(algorithm, key.publicKey(), input, signature);
    }

    @Override
    @Requires(Permission.USE_KEYS)
    public Plaintext decrypt(Caller caller, String keyRef, String algorithmName, byte[] ciphertext) {
        CachedKey key = usableKeyPair(caller, keyRef, KeyOperation.DECRYPT);
        DecryptionAlgorithm algorithm = KeyPairUsages.decryptionAlgorithm(key.usage(), algorithmName);
        if (ciphertext == null || ciphertext.length == 0 || ciphertext.length > MAX_CIPHERTEXT_BYTES) {
            throw new KmsException(KmsErrorCode.INVALID_PARAMETER_VALUE, "Ciphertext must be 1 to " + MAX_CIPHERTEXT_BYTES + " bytes");
        }
        // Tencent sends SM2 ciphertext in its ASN.1 form; raw C1C3C2 (0x04 first) is taken as it is
        byte[] data = algorithm == DecryptionAlgorithm.SM2_C1C3C2 && ciphertext[0] == 0x30
                ? Sm2Ciphertexts.fromAsn1(ciphertext).orElseThrow(AsymmetricCryptoBean::undecryptable) : ciphertext;
        byte[] plaintext;
        if (key.protectionLevel() == ProtectionLevel.HSM) {
            plaintext = token.decryptWithTokenKey(VersionMaterialCache.tokenKeyLabel(key.id(), KEY_PAIR_VERSION), algorithm, data)
                    .orElseThrow(AsymmetricCryptoBean::undecryptable);
        } else {
            plaintext = withPrivateKey(key, privateKey -> openWith(privateKey, algorithm, data))
                    .orElseThrow(AsymmetricCryptoBean::undecryptable);
        }
        return new Plaintext(key.id().toString(), plaintext);
    }

    @Override
    @Requires(Permission.USE_KEYS)
    public byte[] signPostQuantum(Caller caller, String keyRef, byte[] message) {
        return sign(caller, keyRef, postQuantumSigningName(caller, keyRef, KeyOperation.SIGN), MessageType.RAW, message);
    }

    @Override
    @Requires(Permission.USE_KEYS)
    public boolean verifyPostQuantum(Caller caller, String keyRef, byte[] message, byte[] signature) {
        return verify(caller, keyRef, postQuantumSigningName(caller, keyRef, KeyOperation.VERIFY), MessageType.RAW, message,
                signature);
    }

    /** The post-quantum actions name no algorithm: the key must be a Dilithium key. */
    private String postQuantumSigningName(Caller caller, String keyRef, KeyOperation operation) {
        CachedKey key = keys.resolve(caller.tenantId(), KeyRef.parse(keyRef));
        key.checkAccess(caller, operation, KeyDirectory::notFound);
        if (key.usage() != KeyUsage.ASYMMETRIC_SIGN_VERIFY_DILITHIUM) {
            throw new KmsException(KmsErrorCode.KEY_USAGE_INVALID, "Only ASYMMETRIC_SIGN_VERIFY_DILITHIUM keys make post-quantum signatures");
        }
        return "Dilithium";
    }

    @Override
    @Requires(Permission.USE_KEYS)
    public Ciphertext encryptPostQuantum(Caller caller, String keyRef, byte[] plaintext) {
        if (plaintext == null || plaintext.length == 0 || plaintext.length > MAX_MESSAGE_BYTES) {
            throw new KmsException(KmsErrorCode.PLAINTEXT_INVALID, "PlainText must be 1 to " + MAX_MESSAGE_BYTES + " bytes");
        }
        CachedKey key = keys.resolve(caller.tenantId(), KeyRef.parse(keyRef));
        key.checkAccess(caller, KeyOperation.ENCRYPT, KeyDirectory::notFound);
        if (key.usage() != KeyUsage.ASYMMETRIC_Encrypt_Decrypt_Kyber_AES) {
            throw new KmsException(KmsErrorCode.KEY_USAGE_INVALID, "Only ASYMMETRIC_Encrypt_Decrypt_Kyber_AES keys encrypt post-quantum");
        }
        KeyStateMachine.checkCanEncrypt(key.state());
        Encapsulation encapsulation = PublicKeys.encapsulate(key.publicKey(), RANDOM);
        try {
            PostQuantumBlob blob = PostQuantumBlob.seal(key.id(), KEY_PAIR_VERSION, encapsulation.encapsulation(),
                    encapsulation.sharedSecret(), plaintext);
            return new Ciphertext(key.id().toString(), blob.encode());
        } finally {
            encapsulation.destroy();
        }
    }

    @Override
    @Requires(Permission.USE_KEYS)
    public Plaintext decryptPostQuantum(Caller caller, String ciphertextBlob) {
        if (ciphertextBlob == null || ciphertextBlob.isEmpty()) {
            throw new KmsException(KmsErrorCode.MISSING_PARAMETER, "CiphertextBlob is required");
        }
        PostQuantumBlob blob = PostQuantumBlob.decode(ciphertextBlob).orElseThrow(AsymmetricCryptoBean::invalidCiphertext);
        // another tenant's key, or a key of another usage, is indistinguishable from a damaged blob
        Optional<CachedKey> named = keys.byId(caller.tenantId(), blob.keyId());
        named.ifPresent(found -> found.checkAccess(caller, KeyOperation.DECRYPT, AsymmetricCryptoBean::invalidCiphertext));
        CachedKey key = named
                .filter(k -> k.usage() == KeyUsage.ASYMMETRIC_Encrypt_Decrypt_Kyber_AES && blob.keyVersion() == KEY_PAIR_VERSION)
                .orElseThrow(AsymmetricCryptoBean::invalidCiphertext);
        KeyStateMachine.checkCanDecrypt(key.state());
        byte[] secret = withPrivateKey(key, privateKey -> openWith(privateKey, DecryptionAlgorithm.ML_KEM_768, blob.encapsulation()))
                .orElseThrow(AsymmetricCryptoBean::invalidCiphertext);
        try {
            return new Plaintext(key.id().toString(), blob.open(secret).orElseThrow(AsymmetricCryptoBean::invalidCiphertext));
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }

    @Override
    public byte[] encryptToPublicKey(String publicKeyPem, String algorithmName, byte[] plaintext) {
        String name = algorithmName == null || algorithmName.isEmpty() ? "SM2" : algorithmName;
        KeyPairSpec spec = name.startsWith("SM2") ? KeyPairSpec.SM2 : KeyPairSpec.RSA_2048;
        DecryptionAlgorithm algorithm = switch (name) {
            case "SM2", "SM2_C1C3C2_ASN1" -> DecryptionAlgorithm.SM2_C1C3C2;
            case "RSAES_PKCS1_V1_5" -> DecryptionAlgorithm.RSAES_PKCS1_V1_5;
            case "RSAES_OAEP_SHA_1" -> DecryptionAlgorithm.RSAES_OAEP_SHA_1;
            case "RSAES_OAEP_SHA_256" -> DecryptionAlgorithm.RSAES_OAEP_SHA_256;
            default -> throw new KmsException(KmsErrorCode.INVALID_PARAMETER_VALUE,
                    "EncryptionAlgorithm must be SM2, SM2_C1C3C2_ASN1, RSAES_PKCS1_V1_5, RSAES_OAEP_SHA_1 or RSAES_OAEP_SHA_256");
        };
        try {
            byte[] publicKey = PublicKeys.fromPem(publicKeyPem);
            if (!PublicKeys.matches(spec, publicKey)) {
                throw new IllegalArgumentException("not a key of the algorithm");
            }
            byte[] encrypted = PublicKeys.encrypt(algorithm, publicKey, plaintext, RANDOM);
            return name.equals("SM2_C1C3C2_ASN1") ? Sm2Ciphertexts.toAsn1(encrypted) : encrypted;
        } catch (IllegalArgumentException e) {
            throw new KmsException(KmsErrorCode.ENCRYPTION_FAILED, "EncryptionPublicKey must be a PEM "
                    + (spec == KeyPairSpec.SM2 ? "SM2" : "RSA 2048") + " public key for EncryptionAlgorithm " + name);
        }
    }

    private CachedKey usableKeyPair(Caller caller, String keyRef, KeyOperation operation) {
        CachedKey key = keys.resolve(caller.tenantId(), KeyRef.parse(keyRef));
        key.checkAccess(caller, operation, KeyDirectory::notFound);
        if (!key.usage().isAsymmetric()) {
            throw new KmsException(KmsErrorCode.KEY_USAGE_INVALID, "The key is symmetric (ENCRYPT_DECRYPT) and has no key pair");
        }
        KeyStateMachine.checkCanUseKeyPair(key.state());
        return key;
    }

    /** RAW: what the algorithm signs for the message; DIGEST: the caller's digest, of the algorithm's length. */
    private static byte[] signedInput(CachedKey key, SignatureAlgorithm algorithm, MessageType type, byte[] message) {
        if (message == null || message.length == 0) {
            throw new KmsException(KmsErrorCode.MISSING_PARAMETER, "Message is required");
        }
        if (type == MessageType.DIGEST) {
            if (!algorithm.signsDigest()) {
                throw new KmsException(KmsErrorCode.INVALID_PARAMETER_VALUE, "This algorithm signs the message itself: MessageType must be RAW");
            }
            if (message.length != algorithm.digestLength()) {
                throw new KmsException(KmsErrorCode.INVALID_PARAMETER_VALUE,
                        "A DIGEST Message must be the " + algorithm.digestLength() + "-byte " + algorithm.digestName() + " digest");
            }
            return message.clone();
        }
        if (message.length > MAX_MESSAGE_BYTES) {
            throw new KmsException(KmsErrorCode.INVALID_PARAMETER_VALUE,
                    "A RAW Message is at most " + MAX_MESSAGE_BYTES + " bytes; sign a digest (MessageType DIGEST) instead");
        }
        return PublicKeys.digest(algorithm, key.publicKey(), message);
    }

    private static Optional<byte[]> openWith(PrivateKey privateKey, DecryptionAlgorithm algorithm, byte[] data)
            throws GeneralSecurityException {
        try {
            return Optional.of(PrivateKeys.decrypt(privateKey, null, algorithm, data));
        } catch (UndecryptableException e) {
            return Optional.empty();
        }
    }

    @FunctionalInterface
    private interface PrivateKeyUse<T> {
        T with(PrivateKey key) throws GeneralSecurityException;
    }

    /** SOFTWARE level: the private key from its unwrapped PKCS#8, which is zeroised after parsing. */
    private <T> T withPrivateKey(CachedKey key, PrivateKeyUse<T> use) {
        KeyPairSpec spec = KeyPairUsages.spec(key.usage()).orElseThrow();
        byte[] pkcs8 = materials.material(key.id(), KEY_PAIR_VERSION);
        try {
            return use.with(PrivateKeys.fromPkcs8(spec, pkcs8));
        } catch (GeneralSecurityException e) {
            LOG.severe("Private key of " + key.id() + " (" + spec + ") could not be used: " + e.getClass().getSimpleName());
            throw new KmsException(KmsErrorCode.INTERNAL, "The key pair could not be used");
        } finally {
            Arrays.fill(pkcs8, (byte) 0);
        }
    }

    private static KmsException undecryptable() {
        return new KmsException(KmsErrorCode.DECRYPT_FAILED, "The ciphertext does not decrypt with this key and algorithm");
    }

    private static KmsException invalidCiphertext() {
        return new KmsException(KmsErrorCode.CIPHERTEXT_INVALID, "The ciphertext is invalid");
    }
}
