package org.selfkms.rest.tencent;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import org.selfkms.api.datakey.DataKeyMetadata;
import org.selfkms.api.key.KeyMetadata;
import org.selfkms.api.tenant.TenantInfo;
import org.selfkms.api.json.Jsons;

/** Renders our types in Tencent's response shapes (API reference, section 2.11). */
final class TencentJson {

    /** Compliance class reported in KeyMetadata.Type: 2 is Tencent's class for AES-256 (non-SM) keys. */
    static final int KEY_CLASS_AES = 2;

    private TencentJson() {
    }

    /**
     * @param account the caller's tenant: Tencent's member-account fields name it (AccountUin is the tenant's account
     *                Uin, AccountName its name, AccountAppId the server's number for the tenant, as Tencent's AppId is
     *                an account's number apart from its Uin)
     */
    static JsonObjectBuilder keyMetadata(KeyMetadata key, TenantInfo account) {
        JsonObjectBuilder out = Jsons.object()
                .add("KeyId", key.keyId())
                .add("Alias", key.alias())
                .add("CreateTime", key.createTime())
                .add("Description", key.description())
                .add("KeyState", key.state().name())
                .add("KeyUsage", key.usage().name())
                .add("Type", KEY_CLASS_AES)
                .add("CreatorUin", key.creatorUin())
                .add("KeyRotationEnabled", key.rotationEnabled())
                .add("Owner", key.owner())
                .add("NextRotateTime", key.nextRotateTime())
                .add("DeletionDate", key.deletionDate())
                .add("Origin", key.origin().name())
                .add("ValidTo", key.validTo())
                .add("ResourceId", key.resourceId())
                .add("HsmClusterId", "")
                .add("RotateDays", key.rotateDays())
                .add("LastRotateTime", key.lastRotateTime());
        return unreplicatedOf(out, account);
    }

    /** Tencent's DataKeyMetadata; the member-account fields name the caller's tenant as in {@link #keyMetadata}. */
    static JsonObjectBuilder dataKeyMetadata(DataKeyMetadata dataKey, TenantInfo account) {
        JsonObjectBuilder out = Jsons.object()
                .add("DataKeyId", dataKey.dataKeyId())
                .add("KeyId", dataKey.keyId())
                .add("KeyName", dataKey.keyAlias())
                .add("DataKeyName", dataKey.name())
                .add("NumberOfBytes", dataKey.numberOfBytes())
                .add("CreateTime", dataKey.createTime())
                .add("Description", dataKey.description())
                .add("KeyState", dataKey.state().name())
                .add("CreatorUin", dataKey.creatorUin())
                .add("Owner", dataKey.owner())
                .add("DeletionDate", dataKey.deletionDate())
                .add("Origin", dataKey.origin().name())
                .add("HsmClusterId", "")
                .add("ResourceId", dataKey.resourceId());
        return unreplicatedOf(out, account);
    }

    /** The fields both metadata shapes end with: no cross-region replica (none exist here), and the account. */
    private static JsonObjectBuilder unreplicatedOf(JsonObjectBuilder out, TenantInfo account) {
        return out
                .add("IsSyncReplica", 0)
                .add("SourceRegion", "")
                .add("SyncStatus", 0)
                .add("SyncMessages", "")
                .add("SyncStartTime", 0)
                .add("SyncEndTime", 0)
                .add("SourceHsmClusterId", "")
                .add("AccountAppId", account.tenantId())
                .add("AccountUin", account.accountUin())
                .add("AccountName", account.name());
    }

    static String success(String requestId, JsonObject fields) {
        JsonObject response = Jsons.object(fields).add("RequestId", requestId).build();
        return Jsons.object().add("Response", response).build().toString();
    }

    static String error(String requestId, String code, String message) {
        return Jsons.object().add("Response", Jsons.object()
                .add("Error", Jsons.object().add("Code", code).add("Message", message))
                .add("RequestId", requestId)).build().toString();
    }
}
