package org.selfkms.rest.tencent;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import org.selfkms.api.crypto.Ciphertext;
import org.selfkms.api.crypto.MessageType;
import org.selfkms.api.crypto.Plaintext;
import org.selfkms.api.crypto.PublicKeyInfo;
import org.selfkms.api.datakey.DataKeyQuota;
import org.selfkms.api.error.KmsErrorCode;
import org.selfkms.api.error.KmsException;
import org.selfkms.api.gate.Services;
import org.selfkms.api.identity.Caller;
import org.selfkms.api.key.AlgorithmInfo;
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
public class TencentKeyPairActions {

    private final Map<String, TencentActions.Action> actions = Map.ofEntries(
            Map.entry("GetPublicKey", this::getPublicKey),
            Map.entry("SignByAsymmetricKey", this::sign),
            Map.entry("VerifyByAsymmetricKey", this::verify),
            Map.entry("AsymmetricRsaDecrypt", (kms, caller, fields) -> decrypt(kms, caller, fields, fields.requiredString("Algorithm"))),
            Map.entry("AsymmetricSm2Decrypt", (kms, caller, fields) -> decrypt(kms, caller, fields, "SM2")),
            Map.entry("PostQuantumCryptoSign", (kms, caller, fields) -> signature(kms.keyPairs().signPostQuantum(caller,
                    fields.requiredString("KeyId"), message(fields)))),
            Map.entry("PostQuantumCryptoVerify", (kms, caller, fields) -> Jsons.object().add("SignatureValid",
                    kms.keyPairs().verifyPostQuantum(caller, fields.requiredString("KeyId"), message(fields), signatureValue(fields)))),
            Map.entry("PostQuantumCryptoEncrypt", this::encryptPostQuantum),
            Map.entry("PostQuantumCryptoDecrypt", this::decryptPostQuantum),
            Map.entry("ListAlgorithms", (kms, caller, fields) -> listAlgorithms(kms)),
            Map.entry("GetServiceStatus", this::serviceStatus),
            Map.entry("GetRegions", (kms, caller, fields) -> {
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

    private JsonObjectBuilder getPublicKey(Services kms, Caller caller, RequestFields fields) {
        PublicKeyInfo key = kms.keyPairs().getPublicKey(caller, fields.requiredString("KeyId"));
        return Jsons.object().add("KeyId", key.keyId())
                .add("PublicKey", Base64.getEncoder().encodeToString(key.der()))
                .add("PublicKeyPem", key.pem());
    }

    private JsonObjectBuilder sign(Services kms, Caller caller, RequestFields fields) {
        return signature(kms.keyPairs().sign(caller, fields.requiredString("KeyId"), fields.requiredString("Algorithm"),
                messageType(fields), message(fields)));
    }

    private JsonObjectBuilder verify(Services kms, Caller caller, RequestFields fields) {
        boolean valid = kms.keyPairs().verify(caller, fields.requiredString("KeyId"), fields.requiredString("Algorithm"),
                messageType(fields), message(fields), signatureValue(fields));
        return Jsons.object().add("SignatureValid", valid);
    }

    private JsonObjectBuilder decrypt(Services kms, Caller caller, RequestFields fields, String algorithm) {
        String keyId = fields.requiredString("KeyId");
        byte[] ciphertext = fields.requiredBase64("Ciphertext", KmsErrorCode.INVALID_PARAMETER);
        Plaintext plaintext = kms.keyPairs().decrypt(caller, keyId, algorithm, ciphertext);
        try {
            return Jsons.object().add("KeyId", plaintext.keyId())
                    .add("Plaintext", Base64.getEncoder().encodeToString(plaintext.bytes()));
        } finally {
            Arrays.fill(plaintext.bytes(), (byte) 0);
        }
    }

    private JsonObjectBuilder encryptPostQuantum(Services kms, Caller caller, RequestFields fields) {
        String keyId = fields.requiredString("KeyId");
        // Tencent spells this field with a capital T (and Plaintext everywhere else)
        byte[] plaintext = fields.requiredBase64("PlainText", KmsErrorCode.PLAINTEXT_INVALID);
        try {
            Ciphertext ciphertext = kms.keyPairs().encryptPostQuantum(caller, keyId, plaintext);
            return Jsons.object().add("CiphertextBlob", ciphertext.blob()).add("KeyId", ciphertext.keyId());
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
    }

    private JsonObjectBuilder decryptPostQuantum(Services kms, Caller caller, RequestFields fields) {
        Plaintext plaintext = kms.keyPairs().decryptPostQuantum(caller, fields.requiredString("CiphertextBlob"));
        return Jsons.object().add("KeyId", plaintext.keyId()).add("PlainText", DeliveredPlaintext.base64(kms.keyPairs(), fields, plaintext.bytes()));
    }


    private static JsonObjectBuilder listAlgorithms(Services kms) {
        SupportedAlgorithms supported = kms.keys().supportedAlgorithms();
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
    private JsonObjectBuilder serviceStatus(Services kms, Caller caller, RequestFields fields) {
        KeyQuota quota = kms.keys().quota(caller);
        DataKeyQuota dataKeys = kms.dataKeys().quota(caller);
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
                .add("IsAllowedDataKeyHosted", dataKeys.hostingAllowed())
                .add("DataKeyLimit", dataKeys.limit())
                // nothing here is paid for: the whole quota is free
                .add("FreeDataKeyLimit", dataKeys.limit())
                .add("DataKeyUsedCount", dataKeys.used())
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
