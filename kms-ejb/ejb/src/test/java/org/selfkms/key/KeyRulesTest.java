package org.selfkms.key;

import org.junit.jupiter.api.Test;
import org.selfkms.api.error.KmsErrorCode;
import org.selfkms.api.error.KmsException;
import org.selfkms.api.key.KeyState;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KeyRulesTest {

    private static KmsErrorCode code(Runnable r) {
        return assertThrows(KmsException.class, r::run).code();
    }

    @Test
    void keyReferences() {
        UUID id = UUID.randomUUID();
        assertEquals(id, KeyRef.parse(id.toString()).keyId());
        assertEquals("orders", KeyRef.parse("orders").alias());
        assertEquals("orders", KeyRef.parse("alias/orders").alias());
        assertTrue(KeyRef.parse("alias/orders").isAlias());
        assertEquals(KmsErrorCode.MISSING_PARAMETER, code(() -> KeyRef.parse("")));
        assertEquals(KmsErrorCode.MISSING_PARAMETER, code(() -> KeyRef.parse(null)));
        assertEquals(KmsErrorCode.KEY_ID_INVALID, code(() -> KeyRef.parse("bad id")));
        assertEquals(KmsErrorCode.KEY_ID_INVALID, code(() -> KeyRef.parse("x".repeat(61))));
    }

    @Test
    void newAliases() {
        assertDoesNotThrow(() -> KeyRef.checkNewAlias("a"));
        assertDoesNotThrow(() -> KeyRef.checkNewAlias("Orders_2026-eu"));
        assertDoesNotThrow(() -> KeyRef.checkNewAlias("a".repeat(60)));
        for (String bad : new String[]{null, "", "-x", "_x", "a b", "a".repeat(61), "kms-mine", "ümlaut",
                "3f2504e0-4f89-41d3-9a0c-0305e82c3301"}) {
            assertEquals(KmsErrorCode.ALIAS_INVALID, code(() -> KeyRef.checkNewAlias(bad)), String.valueOf(bad));
        }
    }

    @Test
    void enableAndDisableTransitions() {
        assertEquals(KeyState.Enabled, KeyStateMachine.enable(KeyState.Disabled));
        assertEquals(KeyState.Enabled, KeyStateMachine.enable(KeyState.Enabled));
        assertEquals(KeyState.Disabled, KeyStateMachine.disable(KeyState.Enabled));
        assertEquals(KeyState.Disabled, KeyStateMachine.disable(KeyState.Disabled));
        for (KeyState refused : new KeyState[]{KeyState.PendingDelete, KeyState.PendingImport, KeyState.Archived}) {
            assertEquals(KmsErrorCode.KEY_STATE_NOT_SUPPORTED, code(() -> KeyStateMachine.enable(refused)));
            assertEquals(KmsErrorCode.KEY_STATE_NOT_SUPPORTED, code(() -> KeyStateMachine.disable(refused)));
        }
    }

    @Test
    void whoMayEncryptAndDecrypt() {
        assertDoesNotThrow(() -> KeyStateMachine.checkCanEncrypt(KeyState.Enabled));
        assertEquals(KmsErrorCode.KEY_DISABLED, code(() -> KeyStateMachine.checkCanEncrypt(KeyState.Disabled)));
        assertEquals(KmsErrorCode.KEY_ARCHIVED, code(() -> KeyStateMachine.checkCanEncrypt(KeyState.Archived)));
        assertEquals(KmsErrorCode.KEY_PENDING_DELETE, code(() -> KeyStateMachine.checkCanEncrypt(KeyState.PendingDelete)));
        assertEquals(KmsErrorCode.KEY_STATE_NOT_SUPPORTED, code(() -> KeyStateMachine.checkCanEncrypt(KeyState.PendingImport)));
        assertDoesNotThrow(() -> KeyStateMachine.checkCanDecrypt(KeyState.Enabled));
        assertDoesNotThrow(() -> KeyStateMachine.checkCanDecrypt(KeyState.Archived));
        assertEquals(KmsErrorCode.KEY_DISABLED, code(() -> KeyStateMachine.checkCanDecrypt(KeyState.Disabled)));
        assertEquals(KmsErrorCode.KEY_STATE_NOT_SUPPORTED, code(() -> KeyStateMachine.checkCanDecrypt(KeyState.PendingDelete)));
    }

    @Test
    void deletionAndArchiveTransitions() {
        assertEquals(KeyState.PendingDelete, KeyStateMachine.scheduleDeletion(KeyState.Disabled));
        assertEquals(KeyState.PendingDelete, KeyStateMachine.scheduleDeletion(KeyState.PendingImport));
        assertEquals(KmsErrorCode.KEY_SHOULD_BE_DISABLED, code(() -> KeyStateMachine.scheduleDeletion(KeyState.Enabled)));
        assertEquals(KmsErrorCode.KEY_STATE_NOT_SUPPORTED, code(() -> KeyStateMachine.scheduleDeletion(KeyState.Archived)));
        assertEquals(KmsErrorCode.KEY_STATE_NOT_SUPPORTED, code(() -> KeyStateMachine.scheduleDeletion(KeyState.PendingDelete)));

        assertEquals(KeyState.Disabled, KeyStateMachine.cancelDeletion(KeyState.PendingDelete));
        for (KeyState other : new KeyState[]{KeyState.Enabled, KeyState.Disabled, KeyState.Archived, KeyState.PendingImport}) {
            assertEquals(KmsErrorCode.KEY_NOT_PENDING_DELETE, code(() -> KeyStateMachine.cancelDeletion(other)));
        }

        assertEquals(KeyState.Archived, KeyStateMachine.archive(KeyState.Enabled));
        assertEquals(KeyState.Enabled, KeyStateMachine.cancelArchive(KeyState.Archived));
        for (KeyState refused : new KeyState[]{KeyState.Disabled, KeyState.PendingDelete, KeyState.PendingImport}) {
            assertEquals(KmsErrorCode.KEY_STATE_NOT_SUPPORTED, code(() -> KeyStateMachine.archive(refused)));
            assertEquals(KmsErrorCode.KEY_STATE_NOT_SUPPORTED, code(() -> KeyStateMachine.cancelArchive(refused)));
        }
        // as Tencent answers: no archiving twice, no cancelling an archive that is not there
        assertEquals(KmsErrorCode.KEY_STATE_NOT_SUPPORTED, code(() -> KeyStateMachine.archive(KeyState.Archived)));
        assertEquals(KmsErrorCode.KEY_STATE_NOT_SUPPORTED, code(() -> KeyStateMachine.cancelArchive(KeyState.Enabled)));
        assertEquals(KmsErrorCode.KEY_STATE_NOT_SUPPORTED, code(() -> KeyStateMachine.checkCanEditMetadata(KeyState.PendingDelete)));
        assertDoesNotThrow(() -> KeyStateMachine.checkCanEditMetadata(KeyState.Archived));
    }

    /** RotateKey answers Tencent's state code only (its list has neither CmkDisabled nor CmkArchived). */
    @Test
    void rotationTransitions() {
        assertDoesNotThrow(() -> KeyStateMachine.checkCanRotate(KeyState.Enabled));
        for (KeyState refused : new KeyState[]{KeyState.Disabled, KeyState.Archived, KeyState.PendingDelete, KeyState.PendingImport}) {
            assertEquals(KmsErrorCode.KEY_STATE_NOT_SUPPORTED, code(() -> KeyStateMachine.checkCanRotate(refused)), refused.name());
        }
        for (KeyState allowed : new KeyState[]{KeyState.Enabled, KeyState.Disabled, KeyState.Archived}) {
            assertDoesNotThrow(() -> KeyStateMachine.checkCanEnableRotation(allowed), allowed.name());
        }
        assertEquals(KmsErrorCode.KEY_STATE_NOT_SUPPORTED, code(() -> KeyStateMachine.checkCanEnableRotation(KeyState.PendingDelete)));
    }
}
