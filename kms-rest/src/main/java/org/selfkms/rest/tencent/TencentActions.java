package org.selfkms.rest.tencent;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import org.selfkms.api.crypto.Ciphertext;
import org.selfkms.api.crypto.DataKey;
import org.selfkms.api.crypto.EnvelopeCrypto;
import org.selfkms.api.crypto.Plaintext;
import org.selfkms.api.crypto.ReEncrypted;
import org.selfkms.api.error.KmsErrorCode;
import org.selfkms.api.error.KmsException;
import org.selfkms.api.gate.Services;
import org.selfkms.api.identity.Caller;
import org.selfkms.api.key.ImportParameters;
import org.selfkms.api.key.KeyMetadata;
import org.selfkms.api.tenant.TenantInfo;
import org.selfkms.api.key.KeyOrigin;
import org.selfkms.api.key.KeyPage;
import org.selfkms.api.key.KeyQuery;
import org.selfkms.api.key.KeyRole;
import org.selfkms.api.key.KeyState;
import org.selfkms.api.key.KeyTag;
import org.selfkms.api.key.KeyUsage;
import org.selfkms.api.key.NewKey;
import org.selfkms.api.key.TagFilter;

import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.selfkms.api.json.Jsons;

/**
 * The Tencent actions this server answers: each parses its fields, calls one service method and renders
 * the response fields. No rule lives here; the services enforce them all. They run inside the request gate,
 * which hands them the services and the authenticated caller.
 */
public class TencentActions {

    /** One action: parse its fields, call the services it needs, return the response's fields. */
    @FunctionalInterface
    interface Action {
        JsonObjectBuilder handle(Services kms, Caller caller, RequestFields fields);
    }

    /**
     * White-box keys are not offered, by decision (docs/api.md, "White-box keys"): their point is the device-side
     * decryption tables, a format of Tencent's that is not published, so nothing encrypted here could be decrypted
     * by Tencent's white-box SDK on a device.
     */
    static final Set<String> WHITE_BOX = Set.of(
            "CreateWhiteBoxKey", "DeleteWhiteBoxKey", "DescribeWhiteBoxKey",
            "DescribeWhiteBoxKeyDetails", "DescribeWhiteBoxDecryptKey", "DescribeWhiteBoxDeviceFingerprints",
            "DescribeWhiteBoxServiceStatus", "EnableWhiteBoxKey", "EnableWhiteBoxKeys", "DisableWhiteBoxKey",
            "DisableWhiteBoxKeys", "EncryptByWhiteBox", "OverwriteWhiteBoxDeviceFingerprints");

    private static final int LIST_DEFAULT_LIMIT = 10;

    private final TencentKeyPairActions keyPairActions = new TencentKeyPairActions();
    private final TencentDataKeyActions dataKeyActions = new TencentDataKeyActions();

    private final Map<String, Action> actions = Map.ofEntries(
            Map.entry("CreateKey", this::createKey),
            Map.entry("DescribeKey", this::describeKey),
            Map.entry("DescribeKeys", this::describeKeys),
            Map.entry("ListKeys", this::listKeys),
            Map.entry("ListKeyDetail", this::listKeyDetail),
            Map.entry("EnableKey", this::enableKey),
            Map.entry("DisableKey", this::disableKey),
            Map.entry("EnableKeys", (kms, caller, fields) -> none(() -> kms.keys().enableKeys(caller, fields.requiredStrings("KeyIds")))),
            Map.entry("DisableKeys", (kms, caller, fields) -> none(() -> kms.keys().disableKeys(caller, fields.requiredStrings("KeyIds")))),
            Map.entry("ScheduleKeyDeletion", this::scheduleKeyDeletion),
            Map.entry("CancelKeyDeletion", this::cancelKeyDeletion),
            Map.entry("ArchiveKey", (kms, caller, fields) -> none(() -> kms.keys().archiveKey(caller, fields.requiredString("KeyId")))),
            Map.entry("CancelKeyArchive", (kms, caller, fields) -> none(() -> kms.keys().cancelKeyArchive(caller, fields.requiredString("KeyId")))),
            Map.entry("UpdateAlias", (kms, caller, fields) -> none(() ->
                    kms.keys().updateAlias(caller, fields.requiredString("KeyId"), fields.requiredString("Alias")))),
            Map.entry("UpdateKeyDescription", (kms, caller, fields) -> none(() -> kms.keys().updateKeyDescription(caller,
                    fields.requiredString("KeyId"), fields.optionalString("Description")
                            .orElseThrow(() -> new KmsException(KmsErrorCode.MISSING_PARAMETER, "Missing parameter Description"))))),
            Map.entry("EnableKeyRotation", (kms, caller, fields) -> none(() -> kms.keys().enableKeyRotation(caller,
                    fields.requiredString("KeyId"), rotateDays(fields)))),
            Map.entry("DisableKeyRotation", (kms, caller, fields) -> none(() -> kms.keys().disableKeyRotation(caller, fields.requiredString("KeyId")))),
            Map.entry("GetKeyRotationStatus", (kms, caller, fields) -> Jsons.object()
                    .add("KeyRotationEnabled", kms.keys().keyRotationEnabled(caller, fields.requiredString("KeyId")))),
            Map.entry("RotateKey", (kms, caller, fields) -> {
                KeyMetadata rotated = kms.keys().rotateKey(caller, fields.requiredString("KeyId"));
                // Rotation is immediate here; the task id names the version it created.
                return Jsons.object().add("TaskId", rotated.keyId() + "-v" + rotated.currentVersion());
            }),
            Map.entry("Encrypt", this::encrypt),
            Map.entry("Decrypt", this::decrypt),
            Map.entry("GenerateDataKey", this::generateDataKey),
            Map.entry("ReEncrypt", this::reEncrypt),
            Map.entry("GenerateRandom", this::generateRandom),
            Map.entry("GetParametersForImport", this::getParametersForImport),
            Map.entry("ImportKeyMaterial", this::importKeyMaterial),
            Map.entry("DeleteImportedKeyMaterial", (kms, caller, fields) -> none(() ->
                    kms.imports().deleteImportedKeyMaterial(caller, fields.requiredString("KeyId")))),
            Map.entry("BindCloudResource", (kms, caller, fields) -> none(() -> kms.bindings().bind(caller,
                    fields.requiredString("KeyId"), fields.requiredString("ProductId"), fields.requiredString("ResourceId")))),
            Map.entry("UnbindCloudResource", (kms, caller, fields) -> none(() -> kms.bindings().unbind(caller,
                    fields.requiredString("KeyId"), fields.requiredString("ProductId"), fields.requiredString("ResourceId")))));

    private static int rotateDays(RequestFields fields) {
        long days = fields.longOrDefault("RotateDays", 365);
        if (days < 7 || days > 365) {
            throw new KmsException(KmsErrorCode.INVALID_PARAMETER_VALUE, "RotateDays must be between 7 and 365");
        }
        return (int) days;
    }

    /** Actions whose response has no fields of its own. */
    static JsonObjectBuilder none(Runnable call) {
        call.run();
        return Jsons.object();
    }

    JsonObjectBuilder dispatch(Services kms, Caller caller, String action, RequestFields fields) {
        Action handler = actions.get(action);
        if (handler == null && TencentKeyPairActions.ACTIONS.contains(action)) {
            handler = keyPairActions.find(action).orElseThrow();
        }
        if (handler == null && TencentDataKeyActions.ACTIONS.contains(action)) {
            handler = dataKeyActions.find(action).orElseThrow();
        }
        if (handler == null) {
            if (WHITE_BOX.contains(action)) {
                throw new KmsException(KmsErrorCode.UNSUPPORTED_OPERATION, "White-box keys are not offered by this server: their"
                        + " device-side decryption tables are Tencent's unpublished format, so no device could decrypt what"
                        + " " + action + " would make here");
            }
            throw new KmsException(KmsErrorCode.UNKNOWN_ACTION, "Unknown action");
        }
        refuseMemberAccount(fields);
        return handler.handle(kms, caller, fields);
    }

    /**
     * MemberAccount(s) asks to act on another account's keys. Ignoring it would be dangerous: an alias in the
     * request would then name one of the caller's own keys. Every credential acts on its own account only.
     */
    private static void refuseMemberAccount(RequestFields fields) {
        if (fields.isPresent("MemberAccount") || fields.isPresent("MemberAccounts")) {
            throw new KmsException(KmsErrorCode.MEMBER_ACCOUNT_UNSUPPORTED,
                    "MemberAccount is not supported: every credential acts on its own account's keys");
        }
    }

    /** There are no HSM clusters to choose from, so any named one is unknown (an empty one means the default). */
    static void refuseHsmClusterId(RequestFields fields) {
        if (fields.optionalString("HsmClusterId").filter(s -> !s.isEmpty()).isPresent()) {
            throw new KmsException(KmsErrorCode.HSM_CLUSTER_ID_INVALID, "There is no HSM cluster of that id");
        }
    }

    private JsonObjectBuilder createKey(Services kms, Caller caller, RequestFields fields) {
        String alias = fields.requiredString("Alias");
        KeyUsage usage = fields.optionalString("KeyUsage").filter(s -> !s.isEmpty())
                .map(s -> KeyUsage.parse(s).orElseThrow(() ->
                        new KmsException(KmsErrorCode.KEY_USAGE_INVALID, "Unknown KeyUsage")))
                .orElse(KeyUsage.ENCRYPT_DECRYPT);
        long type = fields.longOrDefault("Type", 1);
        KeyOrigin origin = switch ((int) Math.max(Math.min(type, 3), 0)) {
            case 1 -> KeyOrigin.TENCENT_KMS;
            case 2 -> KeyOrigin.EXTERNAL;
            default -> throw new KmsException(KmsErrorCode.KEY_TYPE_INVALID, "Type must be 1 or 2");
        };
        refuseHsmClusterId(fields);
        KeyMetadata key = kms.keys().createKey(caller, new NewKey(alias, fields.optionalString("Description").orElse(""), usage, origin, null, tags(fields)));
        JsonObjectBuilder out = Jsons.object()
                .add("KeyId", key.keyId())
                .add("Alias", key.alias())
                .add("CreateTime", key.createTime())
                .add("Description", key.description())
                .add("KeyState", key.state().name())
                .add("KeyUsage", key.usage().name())
                .add("HsmClusterId", "")
                // tags are stored with the key in the same transaction: there is no separate tag service to fail
                .add("TagCode", 0).add("TagMsg", "");
        return out;
    }

    /** {@code Tags: [{TagKey, TagValue}]}, both members required strings. */
    static List<KeyTag> tags(RequestFields fields) {
        return fields.objects("Tags").stream()
                .map(tag -> new KeyTag(tag.requiredString("TagKey"), tag.requiredString("TagValue"))).toList();
    }

    /** {@code TagFilters: [{TagKey, TagValue: [..]}]}; TagValue may be left out to match any value. */
    static List<TagFilter> tagFilters(RequestFields fields) {
        return fields.objects("TagFilters").stream()
                .map(filter -> new TagFilter(filter.requiredString("TagKey"),
                        filter.isPresent("TagValue") ? filter.requiredStrings("TagValue") : List.of())).toList();
    }

    private JsonObjectBuilder describeKey(Services kms, Caller caller, RequestFields fields) {
        return Jsons.object().add("KeyMetadata", TencentJson.keyMetadata(kms.keys().describeKey(caller, fields.requiredString("KeyId")),
                kms.tenants().ownTenant(caller)));
    }

    private JsonObjectBuilder describeKeys(Services kms, Caller caller, RequestFields fields) {
        JsonArrayBuilder metadata = Jsons.array();
        TenantInfo account = kms.tenants().ownTenant(caller);
        kms.keys().describeKeys(caller, fields.requiredStrings("KeyIds")).forEach(k -> metadata.add(TencentJson.keyMetadata(k, account)));
        return Jsons.object().add("KeyMetadatas", metadata);
    }

    private JsonObjectBuilder scheduleKeyDeletion(Services kms, Caller caller, RequestFields fields) {
        String keyId = fields.requiredString("KeyId");
        long deletionDate = kms.keys().scheduleKeyDeletion(caller, keyId, pendingWindowInDays(fields));
        return Jsons.object().add("DeletionDate", deletionDate).add("KeyId", kms.keys().describeKey(caller, keyId).keyId());
    }

    /** Required; its range (7-30) is the service's rule, here only that it is an int. */
    static int pendingWindowInDays(RequestFields fields) {
        long days = fields.optionalLong("PendingWindowInDays")
                .orElseThrow(() -> new KmsException(KmsErrorCode.MISSING_PARAMETER, "Missing parameter PendingWindowInDays"));
        if (days < Integer.MIN_VALUE || days > Integer.MAX_VALUE) {
            throw new KmsException(KmsErrorCode.PENDING_WINDOW_INVALID, "PendingWindowInDays must be between 7 and 30");
        }
        return (int) days;
    }

    private JsonObjectBuilder cancelKeyDeletion(Services kms, Caller caller, RequestFields fields) {
        String keyId = fields.requiredString("KeyId");
        kms.keys().cancelKeyDeletion(caller, keyId);
        return Jsons.object().add("KeyId", kms.keys().describeKey(caller, keyId).keyId());
    }

    /** ListKeyDetail's KeyState filter: 0 all, 1 Enabled, 2 Disabled, 3 PendingDelete, 4 PendingImport, 5 Archived. */
    private static final KeyState[] LIST_STATES =
            {null, KeyState.Enabled, KeyState.Disabled, KeyState.PendingDelete, KeyState.PendingImport, KeyState.Archived};

    private JsonObjectBuilder listKeyDetail(Services kms, Caller caller, RequestFields fields) {
        long offset = fields.longOrDefault("Offset", 0);
        long limit = fields.longOrDefault("Limit", LIST_DEFAULT_LIMIT);
        long role = fields.longOrDefault("Role", 0);
        long order = fields.longOrDefault("OrderType", 0);
        long state = fields.longOrDefault("KeyState", 0);
        if (offset < 0 || offset > Integer.MAX_VALUE || limit < 1 || limit > 200 || role < 0 || role > 1
                || order < 0 || order > 1 || state < 0 || state >= LIST_STATES.length) {
            throw new KmsException(KmsErrorCode.INVALID_PARAMETER_VALUE,
                    "Offset >= 0, Limit 1-200, Role 0-1, OrderType 0-1 and KeyState 0-5 are allowed");
        }
        KeyOrigin origin = originFilter(fields);
        // Tencent: an empty KeyUsage lists only ENCRYPT_DECRYPT keys; ALL lists every usage.
        String usageName = fields.optionalString("KeyUsage").orElse("");
        KeyUsage usage = switch (usageName) {
            case "" -> KeyUsage.ENCRYPT_DECRYPT;
            case "ALL" -> null;
            default -> KeyUsage.parse(usageName).orElseThrow(() -> new KmsException(KmsErrorCode.KEY_USAGE_INVALID, "Unknown KeyUsage"));
        };
        refuseHsmClusterId(fields);
        KeyPage page = kms.keys().listKeyDetail(caller, new KeyQuery((int) offset, (int) limit, order == 1,
                LIST_STATES[(int) state], fields.optionalString("SearchKeyAlias").orElse(null), origin, usage,
                tagFilters(fields), role(role)));
        JsonArrayBuilder metadata = Jsons.array();
        TenantInfo account = kms.tenants().ownTenant(caller);
        page.keys().forEach(k -> metadata.add(TencentJson.keyMetadata(k, account)));
        return Jsons.object().add("TotalCount", page.totalCount()).add("KeyMetadatas", metadata);
    }

    /** A listing's Origin filter: TENCENT_KMS, EXTERNAL, or null for ALL (or none). */
    static KeyOrigin originFilter(RequestFields fields) {
        return switch (fields.optionalString("Origin").orElse("")) {
            case "", "ALL" -> null;
            case "TENCENT_KMS" -> KeyOrigin.TENCENT_KMS;
            case "EXTERNAL" -> KeyOrigin.EXTERNAL;
            default -> throw new KmsException(KmsErrorCode.INVALID_PARAMETER_VALUE, "Origin must be TENCENT_KMS, EXTERNAL or ALL");
        };
    }

    private JsonObjectBuilder listKeys(Services kms, Caller caller, RequestFields fields) {
        long offset = fields.longOrDefault("Offset", 0);
        long limit = fields.longOrDefault("Limit", LIST_DEFAULT_LIMIT);
        long role = fields.longOrDefault("Role", 0);
        if (offset < 0 || offset > Integer.MAX_VALUE || limit < 1 || limit > 200 || role < 0 || role > 1) {
            throw new KmsException(KmsErrorCode.INVALID_PARAMETER_VALUE, "Offset must be >= 0, Limit 1-200, Role 0 or 1");
        }
        refuseHsmClusterId(fields);
        KeyPage page = kms.keys().listKeys(caller, role(role), (int) offset, (int) limit);
        JsonArrayBuilder ids = Jsons.array();
        page.keys().forEach(k -> ids.add(Jsons.object().add("KeyId", k.keyId())));
        return Jsons.object().add("Keys", ids).add("TotalCount", page.totalCount());
    }

    /** Tencent's Role: 0 keys the customer created, 1 keys integrated services created on its behalf (checked 0-1 before). */
    private static KeyRole role(long role) {
        return role == 1 ? KeyRole.SERVICE : KeyRole.USER;
    }

    private JsonObjectBuilder enableKey(Services kms, Caller caller, RequestFields fields) {
        kms.keys().enableKey(caller, fields.requiredString("KeyId"));
        return Jsons.object();
    }

    private JsonObjectBuilder disableKey(Services kms, Caller caller, RequestFields fields) {
        kms.keys().disableKey(caller, fields.requiredString("KeyId"));
        return Jsons.object();
    }

    private JsonObjectBuilder getParametersForImport(Services kms, Caller caller, RequestFields fields) {
        ImportParameters parameters = kms.imports().getParametersForImport(caller, fields.requiredString("KeyId"),
                fields.requiredString("WrappingAlgorithm"), fields.requiredString("WrappingKeySpec"));
        return Jsons.object()
                .add("KeyId", parameters.keyId())
                .add("ImportToken", parameters.importToken())
                .add("PublicKey", Base64.getEncoder().encodeToString(parameters.publicKey()))
                .add("ParametersValidTo", parameters.validTo());
    }

    private JsonObjectBuilder importKeyMaterial(Services kms, Caller caller, RequestFields fields) {
        String keyId = fields.requiredString("KeyId");
        String importToken = fields.requiredString("ImportToken");
        byte[] encrypted = fields.requiredBase64("EncryptedKeyMaterial", KmsErrorCode.INVALID_PARAMETER);
        kms.imports().importKeyMaterial(caller, keyId, importToken, encrypted, fields.longOrDefault("ValidTo", 0));
        return Jsons.object();
    }

    private JsonObjectBuilder encrypt(Services kms, Caller caller, RequestFields fields) {
        String keyId = fields.requiredString("KeyId");
        byte[] plaintext = fields.requiredBase64("Plaintext", KmsErrorCode.PLAINTEXT_INVALID);
        try {
            Ciphertext ciphertext = kms.envelopes().encrypt(caller, keyId, plaintext, fields.optionalString("EncryptionContext").orElse(null));
            return Jsons.object().add("CiphertextBlob", ciphertext.blob()).add("KeyId", ciphertext.keyId());
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
    }

    private JsonObjectBuilder decrypt(Services kms, Caller caller, RequestFields fields) {
        String blob = fields.requiredString("CiphertextBlob");
        Plaintext plaintext = kms.envelopes().decrypt(caller, blob, fields.optionalString("EncryptionContext").orElse(null));
        return Jsons.object().add("KeyId", plaintext.keyId())
                .add("Plaintext", DeliveredPlaintext.base64(kms.keyPairs(), fields, plaintext.bytes()));
    }

    private JsonObjectBuilder reEncrypt(Services kms, Caller caller, RequestFields fields) {
        ReEncrypted result = kms.envelopes().reEncrypt(caller, fields.requiredString("CiphertextBlob"),
                fields.optionalString("SourceEncryptionContext").orElse(null),
                fields.optionalString("DestinationKeyId").orElse(null),
                fields.optionalString("DestinationEncryptionContext").orElse(null));
        return Jsons.object().add("CiphertextBlob", result.blob()).add("KeyId", result.keyId())
                .add("SourceKeyId", result.sourceKeyId()).add("ReEncrypted", result.reEncrypted());
    }

    private JsonObjectBuilder generateRandom(Services kms, Caller caller, RequestFields fields) {
        long length = fields.optionalLong("NumberOfBytes")
                .orElseThrow(() -> new KmsException(KmsErrorCode.MISSING_PARAMETER, "Missing parameter NumberOfBytes"));
        if (length < 1 || length > EnvelopeCrypto.MAX_DATA_KEY_BYTES) {
            throw new KmsException(KmsErrorCode.INVALID_PARAMETER_VALUE, "NumberOfBytes must be between 1 and 1024");
        }
        byte[] random = kms.envelopes().generateRandom(caller, (int) length);
        try {
            return Jsons.object().add("Plaintext", Base64.getEncoder().encodeToString(random));
        } finally {
            Arrays.fill(random, (byte) 0);
        }
    }

    private JsonObjectBuilder generateDataKey(Services kms, Caller caller, RequestFields fields) {
        String keyId = fields.requiredString("KeyId");
        long hosted = fields.longOrDefault("IsHostedByKms", 0);
        if (hosted != 0 && hosted != 1) {
            throw new KmsException(KmsErrorCode.INVALID_PARAMETER_VALUE, "IsHostedByKms must be 0 or 1");
        }
        refuseHsmClusterId(fields);
        long length = fields.optionalLong("NumberOfBytes").orElseGet(() -> fields.optionalString("KeySpec")
                .filter(s -> !s.isEmpty())
                .map(spec -> switch (spec) {
                    case "AES_128" -> 16L;
                    case "AES_256" -> 32L;
                    default -> throw new KmsException(KmsErrorCode.INVALID_PARAMETER_VALUE, "KeySpec must be AES_128 or AES_256");
                })
                .orElseThrow(() -> new KmsException(KmsErrorCode.MISSING_PARAMETER, "One of KeySpec or NumberOfBytes is required")));
        if (length < 1 || length > EnvelopeCrypto.MAX_DATA_KEY_BYTES) {
            throw new KmsException(KmsErrorCode.INVALID_PARAMETER_VALUE, "NumberOfBytes must be between 1 and 1024");
        }
        if (hosted == 1) {
            return TencentDataKeyActions.generateHosted(kms, caller, fields, (int) length);
        }
        DataKey dataKey = kms.envelopes().generateDataKey(caller, keyId, (int) length, fields.optionalString("EncryptionContext").orElse(null));
        return Jsons.object()
                .add("KeyId", dataKey.keyId())
                .add("Plaintext", DeliveredPlaintext.base64(kms.keyPairs(), fields, dataKey.plaintext()))
                .add("CiphertextBlob", dataKey.ciphertextBlob())
                .add("TagCode", 0).add("TagMsg", "");
    }
}
