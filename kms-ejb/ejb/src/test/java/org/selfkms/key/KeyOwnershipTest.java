package org.selfkms.key;

import org.junit.jupiter.api.Test;
import org.selfkms.api.error.KmsErrorCode;
import org.selfkms.api.error.KmsException;
import org.selfkms.api.identity.Caller;
import org.selfkms.api.identity.Role;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KeyOwnershipTest {

    private static final Caller COS = new Caller(1, 100, "AKIDcos", Caller.Kind.API_CREDENTIAL, "cos", Role.SERVICE);
    private static final Caller ADMIN = new Caller(1, 100, "AKIDadmin", Caller.Kind.API_CREDENTIAL, null, Role.TENANT_ADMIN);

    @Test
    void customerKeysAreOwnedByUserAndEverythingElseIsServiceManaged() {
        assertFalse(KeyOwnership.serviceManaged("user"));
        assertFalse(KeyOwnership.serviceManaged(null), "no owner is treated as a customer key, never as a locked one");
        assertTrue(KeyOwnership.serviceManaged("cos"));
    }

    @Test
    void managedKeysRefuseChangesThatWouldStopTheirService() {
        assertDoesNotThrow(() -> KeyOwnership.checkUserCreated("user", "disabled"));
        KmsException refused = assertThrows(KmsException.class, () -> KeyOwnership.checkUserCreated("cdb", "disabled"));
        assertEquals(KmsErrorCode.KEY_NOT_USER_CREATED, refused.code());
        assertTrue(refused.getMessage().contains("cdb"), refused.getMessage());
    }

    @Test
    void onlyTheServiceItselfOwnsItsManagedAlias() {
        assertEquals("kms-cos", KeyOwnership.managedAlias("cos"));
        assertTrue(KeyOwnership.isOwnManagedAlias(COS, KeyRef.parse("kms-cos")));
        assertTrue(KeyOwnership.isOwnManagedAlias(COS, KeyRef.parse("alias/kms-cos")));
        assertFalse(KeyOwnership.isOwnManagedAlias(COS, KeyRef.parse("kms-cdb")), "another service's alias");
        assertFalse(KeyOwnership.isOwnManagedAlias(COS, KeyRef.parse("orders")));
        assertFalse(KeyOwnership.isOwnManagedAlias(ADMIN, KeyRef.parse("kms-cos")), "a customer credential creates no managed key");
    }

    @Test
    void customersCannotTakeTheReservedPrefix() {
        assertEquals(KmsErrorCode.ALIAS_INVALID,
                assertThrows(KmsException.class, () -> KeyRef.checkNewAlias("kms-cos")).code());
    }
}
