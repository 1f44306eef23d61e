package org.selfkms.rest.tencent;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import org.selfkms.api.crypto.AsymmetricCrypto;
import org.selfkms.api.crypto.Ciphertext;
import org.selfkms.api.crypto.MessageType;
import org.selfkms.api.crypto.Plaintext;
import org.selfkms.api.crypto.PublicKeyInfo;
import org.selfkms.api.error.KmsErrorCode;
import org.selfkms.api.error.KmsException;
import org.selfkms.api.identity.Caller;
import org.selfkms.api.key.AlgorithmInfo;
import org.selfkms.api.key.KeyManagement;
import org.selfkms.api.key.KeyQuota;
import org.selfkms.api.key.SupportedAlgorithms;

import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.selfkms.api.json.Jsons;

/**
 * The Tencent actions of asymmetric and post-quantum keys, and the service-level ones (what the server
 * offers, which regions it serves). Parsing and rendering only, like {@link TencentActions}.
 */
@ApplicationScoped
public class TencentKeyPairActions {

    @EJB
    private AsymmetricCrypto crypto;

    @EJB
    private KeyManagement keys;

    @Inject
    private DeliveredPlaintext deliveredPlaintext;

    private final Map<String, TencentActions.Action> actions = Map.ofEntries(
            Map.entry("GetPublicKey", this::getPublicKey),
            Map.entry("SignByAsymmetricKey", this::sign),
            Map.entry("VerifyByAsymmetricKey", this::verify),
            Map.entry("AsymmetricRsaDecrypt", (caller, fields) -> decrypt(caller, fields, fields.requiredString("Algorithm"))),
            Map.entry("AsymmetricSm2Decrypt", (caller, fields) -> decrypt(caller, fields, "SM2")),
            Map.entry("PostQuantumCryptoSign", (caller, fields) -> signature(crypto.signPostQuantum(caller,
                    fields.requiredString("KeyId"), message(fields)))),
            Map.entry("PostQuantumCryptoVerify", (caller, fields) -> Jsons.object().add("SignatureValid",
                    crypto.verifyPostQuantum(caller, fields.requiredString("KeyId"), message(fields), signatureValue(fields)))),
            Map.entry("PostQuantumCryptoEncrypt", this::encryptPostQuantum),
            Map.entry("PostQuantumCryptoDecrypt", this::decryptPostQuantum),
            Map.entry("ListAlgorithms", (caller, fields) -> listAlgorithms()),
            Map.entry("GetServiceStatus", this::serviceStatus),
            Map.entry("GetRegions", (caller, fields) -> {
                JsonArrayBuilder regions = Jsons.array();
                ServedRegions.all().forEach(regions::add);
                return Jsons.object().add("Regions", regions);
            }));

    /** The action names answered here, known without an instance (the dispatcher checks them first). */
    static final Set<String> ACTIONS = Set.of("GetPublicKey", "SignByAsymmetricKey", "VerifyByAsymmetricKey",
            "AsymmetricRsaDecrypt", "AsymmetricSm2Decrypt", "PostQuantumCryptoSign", "PostQuantumCryptoVerify",
            "PostQuantumCryptoEncrypt", "PostQuantumCryptoDecrypt", "ListAlgorithms", "GetServiceStatus", "GetRegions");

    Optional<TencentActions.Action> find(String action) {
        return Optional.ofNullable(actions.get(action));
    }

    private JsonObjectBuilder getPublicKey(Caller caller, RequestFields fields) {
        PublicKeyInfo key = crypto.getPublicKey(caller, fields.requiredString("KeyId"));
        return Jsons.object().add("KeyId", key.keyId())
                .add("PublicKey", Base64.getEncoder().encodeToString(key.der()))
                .add("PublicKeyPem", key.pem());
    }

    private JsonObjectBuilder sign(Caller caller, RequestFields fields) {
        return signature(crypto.sign(caller, fields.requiredString("KeyId"), fields.requiredString("Algorithm"),
                messageType(fields), message(fields)));
    }

    private JsonObjectBuilder verify(Caller caller, RequestFields fields) {
        boolean valid = crypto.verify(caller, fields.requiredString("KeyId"), fields.requiredString("Algorithm"),
                messageType(fields), message(fields), signatureValue(fields));
        return Jsons.object().add("SignatureValid", valid);
    }

    private JsonObjectBuilder decrypt(Caller caller, RequestFields fields, String algorithm) {
        String keyId = fields.requiredString("KeyId");
        byte[] ciphertext = fields.requiredBase64("Ciphertext", KmsErrorCode.INVALID_PARAMETER);
        Plaintext plaintext = crypto.decrypt(caller, keyId, algorithm, ciphertext);
        try {
            return Jsons.object().add("KeyId", plaintext.keyId())
                    .add("Plaintext", Base64.getEncoder().encodeToString(plaintext.bytes()));
        } finally {
            Arrays.fill(plaintext.bytes(), (byte) 0);
        }
    }

    private JsonObjectBuilder encryptPostQuantum(Caller caller, RequestFields fields) {
        String keyId = fields.requiredString("KeyId");
        // Tencent spells this field with a capital T (and Plaintext everywhere else)
        byte[] plaintext = fields.requiredBase64("PlainText", KmsErrorCode.PLAINTEXT_INVALID);
        try {
            Ciphertext ciphertext = crypto.encryptPostQuantum(caller, keyId, plaintext);
            return Jsons.object().add("CiphertextBlob", ciphertext.blob()).add("KeyId", ciphertext.keyId());
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
    }

    private JsonObjectBuilder decryptPostQuantum(Caller caller, RequestFields fields) {
        Plaintext plaintext = crypto.decryptPostQuantum(caller, fields.requiredString("CiphertextBlob"));
        return Jsons.object().add("KeyId", plaintext.keyId()).add("PlainText", deliveredPlaintext.base64(fields, plaintext.bytes()));
    }


    private JsonObjectBuilder listAlgorithms() {
        SupportedAlgorithms supported = keys.supportedAlgorithms();
        return Jsons.object()
                .add("SymmetricAlgorithms", algorithms(supported.symmetric()))
                .add("AsymmetricAlgorithms", algorithms(supported.asymmetric()))
                .add("AsymmetricSignVerifyAlgorithms", algorithms(supported.signVerify()));
    }

    private static JsonArrayBuilder algorithms(List<AlgorithmInfo> algorithms) {
        JsonArrayBuilder out = Jsons.array();
        algorithms.forEach(a -> out.add(Jsons.object().add("KeyUsage", a.usage().name()).add("Algorithm", a.algorithm())));
        return out;
    }

    /**
     * A self-hosted KMS is always activated and has no editions, purchases, hosted data keys or cross-region
     * sync; what it does have is the tenant's key count and quota.
     */
    private JsonObjectBuilder serviceStatus(Caller caller, RequestFields fields) {
        KeyQuota quota = keys.quota(caller);
        return Jsons.object()
                .add("ServiceEnabled", true)
                .add("InvalidType", 1)
                .add("UserLevel", 0)
                .add("ProExpireTime", 0)
                .add("ProRenewFlag", 0)
                .add("ProResourceId", "")
                .add("ExclusiveVSMEnabled", false)
                .add("ExclusiveHSMEnabled", false)
                .add("SubscriptionInfo", "")
                .add("CmkUserCount", quota.used())
                .add("CmkLimit", quota.limit())
                .add("ExclusiveHSMList", Jsons.array())
                .add("IsAllowedDataKeyHosted", false)
                .add("DataKeyLimit", 0)
                .add("FreeDataKeyLimit", 0)
                .add("DataKeyUsedCount", 0)
                .add("SyncTaskList", Jsons.array())
                .add("IsAllowedSync", false);
    }

    private static JsonObjectBuilder signature(byte[] signature) {
        return Jsons.object().add("Signature", Base64.getEncoder().encodeToString(signature));
    }

    private static byte[] message(RequestFields fields) {
        return fields.requiredBase64("Message", KmsErrorCode.INVALID_PARAMETER);
    }

    private static byte[] signatureValue(RequestFields fields) {
        return fields.requiredBase64("SignatureValue", KmsErrorCode.INVALID_PARAMETER);
    }

    private static MessageType messageType(RequestFields fields) {
        return switch (fields.optionalString("MessageType").orElse("")) {
            case "", "RAW" -> MessageType.RAW;
            case "DIGEST" -> MessageType.DIGEST;
            default -> throw new KmsException(KmsErrorCode.INVALID_PARAMETER_VALUE, "MessageType must be RAW or DIGEST");
        };
    }
}
