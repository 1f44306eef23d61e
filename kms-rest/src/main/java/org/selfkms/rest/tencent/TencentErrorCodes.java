package org.selfkms.rest.tencent;

import org.selfkms.api.error.KmsErrorCode;

/** Our domain errors as Tencent's error codes (API reference, sections 4.2-4.5). */
final class TencentErrorCodes {

    private TencentErrorCodes() {
    }

    static String of(KmsErrorCode code, String action) {
        return switch (code) {
            case AUTH_MALFORMED -> "AuthFailure.InvalidAuthorization";
            // never "AuthFailure.SecretIdNotFound": whether a SecretId exists is not told (docs/security.md)
            case AUTH_UNKNOWN_SECRET_ID -> "AuthFailure.SignatureFailure";
            case AUTH_SIGNATURE_EXPIRED -> "AuthFailure.SignatureExpire";
            case AUTH_SIGNATURE_MISMATCH -> "AuthFailure.SignatureFailure";
            case AUTH_LOGIN_FAILED, AUTH_LOGIN_LOCKED -> "AuthFailure";
            // KEY_POLICY_DENIED is only ever recorded, never answered
            case UNAUTHORIZED, KEY_POLICY_DENIED -> "UnauthorizedOperation";
            case IDENTITY_NOT_FOUND, TENANT_NOT_FOUND -> "ResourceNotFound";
            case TENANT_SUSPENDED -> "AuthFailure.UnauthorizedOperation";
            case IDENTITY_EXISTS -> "ResourceInUse";
            case UNKNOWN_ACTION -> "InvalidAction";
            case UNSUPPORTED_VERSION -> "NoSuchVersion";
            case MALFORMED_REQUEST, INVALID_PARAMETER, ENCRYPTION_CONTEXT_INVALID -> "InvalidParameter";
            case MISSING_PARAMETER -> "MissingParameter";
            case INVALID_PARAMETER_VALUE -> "InvalidParameterValue";
            case KEY_ID_INVALID -> "InvalidParameterValue.InvalidKeyId";
            case KEY_NOT_FOUND -> "ResourceUnavailable.CmkNotFound";
            case KEY_DISABLED -> "ResourceUnavailable.CmkDisabled";
            case KEY_ARCHIVED -> "ResourceUnavailable.CmkArchived";
            // Tencent lists KeyPendingDelete for GenerateDataKey only; Encrypt answers with the generic state code.
            case KEY_PENDING_DELETE -> "GenerateDataKey".equals(action) || "ImportDataKey".equals(action)
                    ? "ResourceUnavailable.KeyPendingDelete" : "ResourceUnavailable.CmkStateNotSupport";
            case KEY_STATE_NOT_SUPPORTED -> "ResourceUnavailable.CmkStateNotSupport";
            case KEY_SHOULD_BE_DISABLED -> "ResourceUnavailable.CmkShouldBeDisabled";
            case KEY_NOT_PENDING_DELETE -> "ResourceUnavailable.CmkNotPendingDelete";
            case PENDING_WINDOW_INVALID -> "InvalidParameter.InvalidPendingWindowInDays";
            case ROTATION_NOT_SUPPORTED -> "EnableKeyRotation".equals(action)
                    ? "UnsupportedOperation.ExternalCmkCanNotRotate" : "UnsupportedOperation.RotateNotSupported";
            case ROTATION_RATE_LIMITED -> "RequestLimitExceeded.RotateRateLimited";
            case KEY_USAGE_INVALID -> "InvalidParameterValue.InvalidKeyUsage";
            case KEY_USAGE_UNAVAILABLE -> "UnsupportedOperation.UnsupportedKeyUsageInCurrentRegion";
            case KEY_TYPE_INVALID -> "InvalidParameterValue.InvalidType";
            case ALIAS_INVALID -> "InvalidParameterValue.InvalidAlias";
            case ALIAS_EXISTS -> "InvalidParameterValue.AliasAlreadyExists";
            case KEY_LIMIT_EXCEEDED -> "LimitExceeded.CmkLimitExceeded";
            case DUPLICATED_KEY_ID -> "InvalidParameterValue.DuplicatedKeyId";
            case TAG_INVALID -> "InvalidParameterValue";
            case TAG_KEYS_DUPLICATED -> "InvalidParameterValue.TagKeysDuplicated";
            // Tencent documents it for ArchiveKey/CancelKeyArchive; for disable, delete and rename of a managed key
            // the code is undocumented (reference, open question 1), so one code answers every such refusal.
            case KEY_NOT_USER_CREATED -> "UnsupportedOperation.NotUserCreatedCmk";
            case KEY_NOT_EXTERNAL -> "UnsupportedOperation.NotExternalCmk";
            case KEY_IN_USE_BY_RESOURCE -> "FailedOperation.CmkUsedByCloudProduct";
            case BINDING_NOT_FOUND -> "ResourceUnavailable.CloudResourceBindingNotFound";
            case DATA_KEY_ID_INVALID -> "InvalidParameterValue.InvalidDataKeyId";
            case DATA_KEY_NOT_FOUND -> "ResourceUnavailable.DataKeyNotFound";
            case DATA_KEY_NAME_INVALID -> "InvalidParameterValue.InvalidDataKeyName";
            case DATA_KEY_NAME_EXISTS -> "InvalidParameterValue.DataKeyNameAlreadyExists";
            case DUPLICATED_DATA_KEY_ID -> "InvalidParameterValue.DuplicatedDataKeyId";
            case DATA_KEY_DISABLED -> "ResourceUnavailable.DataKeyDisabled";
            case DATA_KEY_PENDING_DELETE -> "ResourceUnavailable.DataKeyPendingDelete";
            case DATA_KEY_STATE_NOT_SUPPORTED -> "ResourceUnavailable.DataKeyStateNotSupport";
            case DATA_KEY_NOT_PENDING_DELETE -> "ResourceUnavailable.DataKeyNotPendingDelete";
            case DATA_KEY_LIMIT_EXCEEDED -> "LimitExceeded.DataKeyLimitExceeded";
            case DATA_KEY_MATERIAL_INVALID -> "InvalidParameterValue.InvalidImportKeyMaterial";
            case IMPORT_TOKEN_EXPIRED -> "ResourceUnavailable.TokenExpired";
            // Tencent documents no quota for GetParametersForImport; the common code for a quota
            case IMPORT_TOKEN_LIMIT_EXCEEDED -> "LimitExceeded";
            // Tencent lists no code of its own for a token that was never issued (or for another key)
            case IMPORT_TOKEN_INVALID -> "InvalidParameter";
            case MATERIAL_DECRYPT_FAILED -> "InvalidParameter.DecryptMaterialError";
            case MATERIAL_NOT_MATCH -> "InvalidParameterValue.MaterialNotMatch";
            case PLAINTEXT_INVALID -> "InvalidParameterValue.InvalidPlaintext";
            case CIPHERTEXT_INVALID -> "InvalidParameterValue.InvalidCiphertext";
            case DECRYPT_FAILED -> "FailedOperation.DecryptError";
            case ENCRYPTION_FAILED -> "FailedOperation.EncryptionError";
            case UNSUPPORTED_OPERATION -> "UnsupportedOperation";
            case UNSUPPORTED_REGION -> "UnsupportedRegion";
            case MEMBER_ACCOUNT_UNSUPPORTED -> "UnsupportedOperation.NotRoleOperation";
            case HSM_CLUSTER_ID_INVALID -> "InvalidParameterValue.InvalidHsmClusterId";
            case TOKEN_UNAVAILABLE, INTERNAL -> "InternalError";
        };
    }
}
