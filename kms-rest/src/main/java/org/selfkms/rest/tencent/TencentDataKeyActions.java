package org.selfkms.rest.tencent;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import org.selfkms.api.crypto.Plaintext;
import org.selfkms.api.datakey.DataKeyImport;
import org.selfkms.api.datakey.DataKeyMetadata;
import org.selfkms.api.datakey.DataKeyPage;
import org.selfkms.api.datakey.DataKeyQuery;
import org.selfkms.api.datakey.DataKeyState;
import org.selfkms.api.datakey.GeneratedDataKey;
import org.selfkms.api.datakey.NewDataKey;
import org.selfkms.api.error.KmsErrorCode;
import org.selfkms.api.error.KmsException;
import org.selfkms.api.gate.Services;
import org.selfkms.api.identity.Caller;
import org.selfkms.api.json.Jsons;
import org.selfkms.api.key.KeyOrigin;
import org.selfkms.api.key.KeyRole;
import org.selfkms.api.tenant.TenantInfo;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The Tencent actions of hosted data keys (the DataKey family, and GenerateDataKey with IsHostedByKms=1).
 * Parsing and rendering only, like {@link TencentActions}: the rules are the service's.
 */
public class TencentDataKeyActions {

    private static final int LIST_DEFAULT_LIMIT = 10;
    /** ListDataKeyDetail's KeyState filter: 0 all, 1 Enabled, 2 Disabled, 3 PendingDelete. */
    private static final DataKeyState[] LIST_STATES = {null, DataKeyState.Enabled, DataKeyState.Disabled, DataKeyState.PendingDelete};

    static final Set<String> ACTIONS = Set.of("ImportDataKey", "DescribeDataKey", "DescribeDataKeys", "ListDataKeys",
            "ListDataKeyDetail", "EnableDataKey", "DisableDataKey", "EnableDataKeys", "DisableDataKeys",
            "ScheduleDataKeyDeletion", "CancelDataKeyDeletion", "GetDataKeyCiphertextBlob", "GetDataKeyPlaintext",
            "UpdateDataKeyName", "UpdateDataKeyDescription");

    private final Map<String, TencentActions.Action> actions = Map.ofEntries(
            Map.entry("ImportDataKey", this::importDataKey),
            Map.entry("DescribeDataKey", (kms, caller, fields) -> Jsons.object().add("DataKeyMetadata",
                    TencentJson.dataKeyMetadata(kms.dataKeys().describe(caller, fields.requiredString("DataKeyId")), kms.tenants().ownTenant(caller)))),
            Map.entry("DescribeDataKeys", (kms, caller, fields) -> Jsons.object().add("DataKeyMetadatas",
                    metadatas(kms.dataKeys().describe(caller, fields.requiredStrings("DataKeyIds")), kms.tenants().ownTenant(caller)))),
            Map.entry("ListDataKeys", this::listDataKeys),
            Map.entry("ListDataKeyDetail", this::listDataKeyDetail),
            Map.entry("EnableDataKey", (kms, caller, fields) -> TencentActions.none(() -> kms.dataKeys().enable(caller, List.of(fields.requiredString("DataKeyId"))))),
            Map.entry("DisableDataKey", (kms, caller, fields) -> TencentActions.none(() -> kms.dataKeys().disable(caller, List.of(fields.requiredString("DataKeyId"))))),
            Map.entry("EnableDataKeys", (kms, caller, fields) -> TencentActions.none(() -> kms.dataKeys().enable(caller, fields.requiredStrings("DataKeyIds")))),
            Map.entry("DisableDataKeys", (kms, caller, fields) -> TencentActions.none(() -> kms.dataKeys().disable(caller, fields.requiredStrings("DataKeyIds")))),
            Map.entry("ScheduleDataKeyDeletion", this::scheduleDeletion),
            Map.entry("CancelDataKeyDeletion", (kms, caller, fields) -> {
                String id = fields.requiredString("DataKeyId");
                kms.dataKeys().cancelDeletion(caller, id);
                return Jsons.object().add("DataKeyId", id);
            }),
            Map.entry("GetDataKeyCiphertextBlob", (kms, caller, fields) -> Jsons.object().add("CiphertextBlob",
                    kms.dataKeys().ciphertextBlob(caller, fields.requiredString("DataKeyId")))),
            Map.entry("GetDataKeyPlaintext", (kms, caller, fields) -> {
                Plaintext plaintext = kms.dataKeys().plaintext(caller, fields.requiredString("DataKeyId"));
                return Jsons.object().add("Plaintext", DeliveredPlaintext.base64(kms.keyPairs(), fields, plaintext.bytes()));
            }),
            Map.entry("UpdateDataKeyName", (kms, caller, fields) -> TencentActions.none(() ->
                    kms.dataKeys().rename(caller, fields.requiredString("DataKeyId"), fields.requiredString("DataKeyName")))),
            Map.entry("UpdateDataKeyDescription", (kms, caller, fields) -> TencentActions.none(() -> kms.dataKeys().updateDescription(caller,
                    fields.requiredString("DataKeyId"), fields.optionalString("Description")
                            .orElseThrow(() -> new KmsException(KmsErrorCode.MISSING_PARAMETER, "Missing parameter Description"))))));

    Optional<TencentActions.Action> find(String action) {
        return Optional.ofNullable(actions.get(action));
    }

    /** GenerateDataKey with IsHostedByKms=1: the usual answer, and the new data key's id. */
    static JsonObjectBuilder generateHosted(Services kms, Caller caller, RequestFields fields, int numberOfBytes) {
        GeneratedDataKey generated = kms.dataKeys().generate(caller, new NewDataKey(fields.requiredString("KeyId"),
                fields.optionalString("DataKeyName").filter(s -> !s.isEmpty()).orElseThrow(() ->
                        new KmsException(KmsErrorCode.MISSING_PARAMETER, "DataKeyName is required when IsHostedByKms is 1")),
                fields.optionalString("Description").orElse(""), numberOfBytes,
                fields.optionalString("EncryptionContext").orElse(null), TencentActions.tags(fields)));
        return Jsons.object()
                .add("KeyId", generated.metadata().keyId())
                .add("Plaintext", DeliveredPlaintext.base64(kms.keyPairs(), fields, generated.plaintext()))
                .add("CiphertextBlob", generated.ciphertextBlob())
                .add("DataKeyId", generated.metadata().dataKeyId())
                .add("TagCode", 0).add("TagMsg", "");
    }

    private JsonObjectBuilder importDataKey(Services kms, Caller caller, RequestFields fields) {
        String name = fields.requiredString("DataKeyName");
        long type = fields.optionalLong("ImportType")
                .orElseThrow(() -> new KmsException(KmsErrorCode.MISSING_PARAMETER, "Missing parameter ImportType"));
        String keyId = fields.optionalString("KeyId").filter(s -> !s.isEmpty()).orElse(null);
        String description = fields.optionalString("Description").orElse("");
        TencentActions.refuseHsmClusterId(fields);
        DataKeyImport request = switch ((int) Math.max(Math.min(type, 3), 0)) {
            case 1 -> DataKeyImport.ofCiphertext(keyId, name, description, fields.requiredString("ImportKeyMaterial"), TencentActions.tags(fields));
            case 2 -> DataKeyImport.ofPlaintext(keyId, name, description,
                    fields.requiredBase64("ImportKeyMaterial", KmsErrorCode.PLAINTEXT_INVALID), TencentActions.tags(fields));
            default -> throw new KmsException(KmsErrorCode.KEY_TYPE_INVALID, "ImportType must be 1 (ciphertext) or 2 (plaintext)");
        };
        DataKeyMetadata imported = kms.dataKeys().importDataKey(caller, request);
        return Jsons.object().add("KeyId", imported.keyId()).add("DataKeyId", imported.dataKeyId())
                .add("TagCode", 0).add("TagMsg", "");
    }

    private JsonObjectBuilder scheduleDeletion(Services kms, Caller caller, RequestFields fields) {
        String id = fields.requiredString("DataKeyId");
        long deletionDate = kms.dataKeys().scheduleDeletion(caller, id, TencentActions.pendingWindowInDays(fields));
        return Jsons.object().add("DeletionDate", deletionDate).add("DataKeyId", id);
    }

    private JsonObjectBuilder listDataKeys(Services kms, Caller caller, RequestFields fields) {
        DataKeyQuery query = query(fields, null, null, null, 0);
        DataKeyPage page = kms.dataKeys().list(caller, query);
        JsonArrayBuilder ids = Jsons.array();
        page.dataKeys().forEach(d -> ids.add(Jsons.object().add("DataKeyId", d.dataKeyId())));
        return Jsons.object().add("DataKeys", ids).add("TotalCount", page.totalCount());
    }

    private JsonObjectBuilder listDataKeyDetail(Services kms, Caller caller, RequestFields fields) {
        long state = fields.longOrDefault("KeyState", 0);
        if (state < 0 || state >= LIST_STATES.length) {
            throw new KmsException(KmsErrorCode.INVALID_PARAMETER_VALUE, "KeyState must be 0-3");
        }
        KeyOrigin origin = TencentActions.originFilter(fields);
        long length = fields.longOrDefault("DataKeyLen", 0);
        if (length < 0 || length > 1024) {
            throw new KmsException(KmsErrorCode.INVALID_PARAMETER_VALUE, "DataKeyLen must be between 0 (any) and 1024");
        }
        DataKeyQuery query = query(fields, LIST_STATES[(int) state], origin,
                fields.optionalString("KeyId").filter(s -> !s.isEmpty()).orElse(null), (int) length);
        DataKeyPage page = kms.dataKeys().list(caller, query);
        return Jsons.object().add("DataKeyMetadatas", metadatas(page.dataKeys(), kms.tenants().ownTenant(caller)))
                .add("TotalCount", page.totalCount());
    }

    /** Offset, Limit, Role, OrderType, SearchKeyAlias and TagFilters, which both listings read alike. */
    private static DataKeyQuery query(RequestFields fields, DataKeyState state, KeyOrigin origin, String keyId, int length) {
        long offset = fields.longOrDefault("Offset", 0);
        long limit = fields.longOrDefault("Limit", LIST_DEFAULT_LIMIT);
        long role = fields.longOrDefault("Role", 0);
        long order = fields.longOrDefault("OrderType", 0);
        if (offset < 0 || offset > Integer.MAX_VALUE || limit < 1 || limit > 200 || role < 0 || role > 1 || order < 0 || order > 1) {
            throw new KmsException(KmsErrorCode.INVALID_PARAMETER_VALUE, "Offset >= 0, Limit 1-200, Role 0-1 and OrderType 0-1 are allowed");
        }
        TencentActions.refuseHsmClusterId(fields);
        return new DataKeyQuery((int) offset, (int) limit, order == 1, state,
                fields.optionalString("SearchKeyAlias").orElse(null), origin, keyId, length,
                TencentActions.tagFilters(fields), role == 1 ? KeyRole.SERVICE : KeyRole.USER);
    }

    private static JsonArrayBuilder metadatas(List<DataKeyMetadata> dataKeys, TenantInfo account) {
        JsonArrayBuilder array = Jsons.array();
        dataKeys.forEach(d -> array.add(TencentJson.dataKeyMetadata(d, account)));
        return array;
    }

}
