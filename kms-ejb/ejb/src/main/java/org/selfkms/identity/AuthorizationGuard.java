package org.selfkms.identity;

import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.InvocationContext;
import org.selfkms.api.error.KmsErrorCode;
import org.selfkms.api.error.KmsException;
import org.selfkms.api.identity.Caller;
import org.selfkms.tenant.SuspendedTenants;

import java.lang.reflect.Method;
import java.util.logging.Logger;

/**
 * Interceptor of every service bean: the caller's role must grant the permission the method declares with
 * {@link Requires}. One check in kms-ejb for both doors and the console, so a rule can be enforced nowhere
 * else and forgotten nowhere. Methods without a Caller (what the server offers, for instance) are open.
 */
public class AuthorizationGuard {

    private static final Logger LOG = Logger.getLogger(AuthorizationGuard.class.getName());

    /** A console session that began before its tenant was suspended is stopped here, at its next call. */
    @Inject
    private SuspendedTenants suspendedTenants;

    @AroundInvoke
    Object authorize(InvocationContext invocation) throws Exception {
        Caller caller = callerOf(invocation.getParameters());
        if (caller != null) {
            check(invocation.getMethod(), caller);
            suspendedTenants.check(caller.tenantId());
        }
        return invocation.proceed();
    }

    static void check(Method method, Caller caller) {
        Requires required = method.getAnnotation(Requires.class);
        if (required == null) {
            LOG.severe(method.getDeclaringClass().getSimpleName() + "." + method.getName()
                    + " takes a Caller but declares no @Requires: refused to everyone");
            throw new KmsException(KmsErrorCode.UNAUTHORIZED, "This operation is not available");
        }
        if (!caller.may(required.value())) {
            throw new KmsException(KmsErrorCode.UNAUTHORIZED, "The role " + caller.role() + " may not do this (it needs "
                    + required.value() + ")");
        }
    }

    /** Payara passes null, not an empty array, for a method without parameters. */
    static Caller callerOf(Object[] parameters) {
        if (parameters == null) {
            return null;
        }
        for (Object parameter : parameters) {
            if (parameter instanceof Caller caller) {
                return caller;
            }
        }
        return null;
    }
}
