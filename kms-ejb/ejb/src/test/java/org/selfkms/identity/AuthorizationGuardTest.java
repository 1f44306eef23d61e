package org.selfkms.identity;

import org.junit.jupiter.api.Test;
import org.selfkms.api.error.KmsErrorCode;
import org.selfkms.api.error.KmsException;
import org.selfkms.api.identity.Caller;
import org.selfkms.api.identity.Permission;
import org.selfkms.api.identity.Role;
import org.selfkms.asymmetric.AsymmetricCryptoBean;
import org.selfkms.audit.AuditTrailBean;
import org.selfkms.crypto.EnvelopeCryptoBean;
import org.selfkms.hsm.DomainKeyRotationBean;
import org.selfkms.key.KeyManagementBean;
import org.selfkms.key.imports.KeyImportBean;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The authorization rules as data: every service method is covered, and each role gets exactly its permissions. */
class AuthorizationGuardTest {

    /** Every bean the doors and the console call with a Caller. */
    private static final List<Class<?>> SERVICES = List.of(KeyManagementBean.class, KeyImportBean.class, EnvelopeCryptoBean.class,
            AsymmetricCryptoBean.class, AuditTrailBean.class, DomainKeyRotationBean.class, IdentityAdministrationBean.class);

    @Test
    void everyServiceMethodThatTakesACallerDeclaresItsPermission() {
        for (Class<?> service : SERVICES) {
            assertNotNull(service.getAnnotation(jakarta.interceptor.Interceptors.class), service + " has no interceptor");
            assertTrue(Arrays.asList(service.getAnnotation(jakarta.interceptor.Interceptors.class).value()).contains(AuthorizationGuard.class),
                    service + " is not guarded");
            for (Method method : service.getDeclaredMethods()) {
                if (Modifier.isPublic(method.getModifiers()) && Arrays.asList(method.getParameterTypes()).contains(Caller.class)) {
                    assertNotNull(method.getAnnotation(Requires.class), service.getSimpleName() + "." + method.getName() + " has no @Requires");
                }
            }
        }
    }

    @Test
    void eachRoleHasExactlyItsPermissions() {
        Map<Role, List<Permission>> expected = Map.of(
                Role.TENANT_ADMIN, List.of(Permission.READ_KEYS, Permission.USE_KEYS, Permission.MANAGE_KEYS, Permission.READ_AUDIT,
                        Permission.ADMINISTER_TENANT, Permission.CHANGE_OWN_PASSWORD),
                Role.KEY_USER, List.of(Permission.READ_KEYS, Permission.USE_KEYS, Permission.CHANGE_OWN_PASSWORD),
                Role.AUDITOR, List.of(Permission.READ_KEYS, Permission.READ_AUDIT, Permission.CHANGE_OWN_PASSWORD),
                Role.SERVICE, List.of(Permission.USE_KEYS),
                Role.PLATFORM_OPERATOR, List.of(Permission.OPERATE_PLATFORM, Permission.CHANGE_OWN_PASSWORD));
        for (Role role : Role.values()) {
            for (Permission permission : Permission.values()) {
                assertEquals(expected.get(role).contains(permission), role.allows(permission), role + " " + permission);
            }
        }
    }

    @Test
    void theCallerIsFoundAmongTheParametersAndNoneWhereThereAreNone() {
        Caller caller = caller(Role.KEY_USER);
        assertEquals(caller, AuthorizationGuard.callerOf(new Object[]{"key", caller}));
        assertNull(AuthorizationGuard.callerOf(new Object[]{"key"}));
        assertNull(AuthorizationGuard.callerOf(new Object[0]));
        // Payara's interceptor context gives null, not an empty array, for a method without parameters
        assertNull(AuthorizationGuard.callerOf(null));
    }

    @Test
    void theGuardRefusesWhatTheRoleLacksAndWhatIsUndeclared() throws Exception {
        Method create = KeyManagementBean.class.getMethod("createKey", Caller.class, org.selfkms.api.key.NewKey.class);
        Method encrypt = EnvelopeCryptoBean.class.getMethod("encrypt", Caller.class, String.class, byte[].class, String.class);
        assertDoesNotThrow(() -> AuthorizationGuard.check(create, caller(Role.TENANT_ADMIN)));
        assertDoesNotThrow(() -> AuthorizationGuard.check(encrypt, caller(Role.KEY_USER)));
        for (Role refused : List.of(Role.KEY_USER, Role.AUDITOR, Role.PLATFORM_OPERATOR)) {
            KmsException e = assertThrows(KmsException.class, () -> AuthorizationGuard.check(create, caller(refused)));
            assertEquals(KmsErrorCode.UNAUTHORIZED, e.code());
            assertTrue(e.getMessage().contains(refused.name()), e.getMessage());
        }
        assertEquals(KmsErrorCode.UNAUTHORIZED, assertThrows(KmsException.class,
                () -> AuthorizationGuard.check(encrypt, caller(Role.AUDITOR))).code());
        Method undeclared = Object.class.getMethod("toString");
        assertEquals(KmsErrorCode.UNAUTHORIZED, assertThrows(KmsException.class,
                () -> AuthorizationGuard.check(undeclared, caller(Role.TENANT_ADMIN))).code(), "no @Requires fails closed");
    }

    private static Caller caller(Role role) {
        return new Caller(1, 100, "someone", Caller.Kind.CONSOLE_USER, role == Role.SERVICE ? "cos" : null, role);
    }
}
