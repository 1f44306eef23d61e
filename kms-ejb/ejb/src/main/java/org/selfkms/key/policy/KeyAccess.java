package org.selfkms.key.policy;

import org.selfkms.api.error.KmsErrorCode;
import org.selfkms.api.error.KmsException;
import org.selfkms.api.identity.Caller;
import org.selfkms.api.identity.Role;
import org.selfkms.api.key.KeyOperation;
import org.selfkms.api.key.KeyPolicy;

import java.util.Set;
import java.util.function.Supplier;

/**
 * The one place that applies a key's policy to a caller, after its role was checked. A tenant administrator always
 * describes (and, by role, manages) every key of the tenant, so no policy can lock a tenant out of a key; everything
 * else follows the policy. A caller the policy does not let see the key is refused exactly as for an unknown key; one
 * who sees it is told that the policy refuses. The audit trail records both as {@code KEY_POLICY_DENIED}.
 */
public final class KeyAccess {

    private KeyAccess() {
    }

    /**
     * @param asUnknown what the caller would be answered if the key did not exist (not found, or a blob that does
     *                  not decrypt)
     * @throws KmsException when the policy does not let the caller do the operation
     */
    public static void check(Caller caller, KeyPolicy policy, KeyOperation operation, Supplier<KmsException> asUnknown) {
        if (policy.isEmpty()) {
            return;
        }
        if (operation == KeyOperation.DESCRIBE && describesEveryKey(caller)) {
            return;
        }
        Set<String> principals = KeyPolicy.principalsOf(caller);
        if (policy.permits(principals, operation)) {
            return;
        }
        if (describesEveryKey(caller) || policy.permits(principals, KeyOperation.DESCRIBE)) {
            throw new KmsException(KmsErrorCode.UNAUTHORIZED, KmsErrorCode.KEY_POLICY_DENIED,
                    "The key's policy does not allow " + operation + " to this caller");
        }
        KmsException unknown = asUnknown.get();
        throw new KmsException(unknown.code(), KmsErrorCode.KEY_POLICY_DENIED, unknown.getMessage());
    }

    static boolean describesEveryKey(Caller caller) {
        return caller.role() == Role.TENANT_ADMIN;
    }
}
