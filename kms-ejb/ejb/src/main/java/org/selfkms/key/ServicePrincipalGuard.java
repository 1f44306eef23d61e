package org.selfkms.key;

import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.InvocationContext;
import org.selfkms.api.identity.Caller;

/**
 * Interceptor of the key-management service: refuses every call whose {@link Caller} is a service
 * principal, in one place, so that a method added later cannot forget the check.
 */
public class ServicePrincipalGuard {

    @AroundInvoke
    Object refuseServicePrincipals(InvocationContext invocation) throws Exception {
        for (Object parameter : invocation.getParameters()) {
            if (parameter instanceof Caller caller) {
                KeyOwnership.checkMayManageKeys(caller);
            }
        }
        return invocation.proceed();
    }
}
