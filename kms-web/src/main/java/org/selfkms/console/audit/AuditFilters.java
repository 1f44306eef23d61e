package org.selfkms.console.audit;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.selfkms.api.audit.AuditOutcome;
import org.selfkms.api.audit.AuditPosition;
import org.selfkms.api.audit.AuditQuery;
import org.selfkms.api.error.KmsException;
import org.selfkms.api.gate.Services;
import org.selfkms.api.identity.Caller;
import org.selfkms.api.identity.ConsoleUserInfo;
import org.selfkms.api.identity.CredentialInfo;
import org.selfkms.api.identity.Permission;

/**
 * The audit view's filters as typed, turned into the service's query. The service matches exactly, on its indexes;
 * this makes the filters forgiving without giving that up: a key is found by id or alias (records always carry the
 * key id), and an action or principal typed in any case is matched to the name the trail records.
 */
record AuditFilters(Long from, Long to, String key, String action, String principal, AuditOutcome outcome,
                    boolean platform) {

    private static final Pattern KEY_ID = Pattern.compile("[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}");

    /** The action names the two doors and the console record. */
    static final List<String> ACTIONS = List.of(
            "ArchiveKey", "AsymmetricRsaDecrypt", "AsymmetricSm2Decrypt", "CancelKeyArchive", "CancelKeyDeletion", "ConsoleLogin",
            "CreateCredential", "CreateKey", "CreateServicePrincipal", "CreateTenant", "CreateToken", "CreateUser",
            "Decrypt", "DeleteCredential", "DeleteImportedKeyMaterial", "DeleteKeyPolicy", "DeleteUser", "DescribeKey",
            "DescribeKeys", "DescribeToken", "DisableCredential", "DisableKey", "DisableKeyRotation", "DisableKeys", "EnableCredential",
            "EnableKey", "EnableKeyRotation", "EnableKeys", "Encrypt", "ExportAuditCheckpoint", "ExportAuditRecords",
            "GenerateDataKey", "GenerateRandom", "GetAuditCheckpointKey", "GetKeyPolicy", "GetKeyRotationStatus",
            "GetParametersForImport", "GetPublicKey", "GetRegions", "GetServiceStatus", "ImportKeyMaterial",
            "ListCredentials", "ListKeyDetail", "ListKeyOwners", "ListKeys", "ListKeyTags", "ListKeyVersions",
            "ListTenants", "ListUsers", "PostQuantumCryptoDecrypt", "PostQuantumCryptoEncrypt",
            "PostQuantumCryptoSign", "PostQuantumCryptoVerify", "PutKeyPolicy", "ReEncrypt", "ResumeTenant",
            "RevokeToken", "RotateDomainKey", "RotateKey", "ScheduleKeyDeletion", "SearchAuditTrail", "SignByAsymmetricKey",
            "SuspendTenant", "TagKey", "UntagKey", "UpdateAlias", "UpdateKeyDescription", "VerifyAuditChain",
            "VerifyByAsymmetricKey");

    /**
     * The service's query for one page. Runs inside the search's gate call, so resolving an alias or a principal is
     * part of that one audited request.
     *
     * @throws KmsException {@code KEY_NOT_FOUND} when the key filter names no key of the tenant
     */
    AuditQuery query(Services kms, Caller caller, AuditPosition before, int limit) {
        return new AuditQuery(from, to, keyId(kms, caller), canonicalAction(action), canonicalPrincipal(kms, caller),
                outcome, before, limit, platform);
    }

    private String keyId(Services kms, Caller caller) {
        String typed = blankToNull(key);
        if (typed == null || platform) {
            return typed;
        }
        if (KEY_ID.matcher(typed).matches()) {
            return typed.toLowerCase(Locale.ROOT); // a key that is gone is still searched for by its id
        }
        return kms.keys().describeKey(caller, typed).keyId();
    }

    static String canonicalAction(String typed) {
        String text = blankToNull(typed);
        if (text == null) {
            return null;
        }
        return ACTIONS.stream().filter(name -> name.equalsIgnoreCase(text)).findFirst().orElse(text);
    }

    /** A user or SecretId of the tenant typed in any case; as typed if the caller may not list them, or none matches. */
    private String canonicalPrincipal(Services kms, Caller caller) {
        String typed = blankToNull(principal);
        if (typed == null) {
            return null;
        }
        if (!caller.may(Permission.ADMINISTER_TENANT)) {
            return typed; // an auditor cannot list the tenant's identities: the name as typed
        }
        Optional<String> user = kms.identities().users(caller).stream().map(ConsoleUserInfo::username)
                .filter(name -> name.equalsIgnoreCase(typed)).findFirst();
        if (user.isPresent()) {
            return user.get();
        }
        return kms.identities().credentials(caller).stream().map(CredentialInfo::secretId)
                .filter(id -> id.equalsIgnoreCase(typed)).findFirst().orElse(typed);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
