package org.selfkms.key.imports;

import org.junit.jupiter.api.Test;
import org.selfkms.api.error.KmsErrorCode;
import org.selfkms.api.error.KmsException;
import org.selfkms.api.key.KeyOrigin;
import org.selfkms.api.key.KeyState;
import org.selfkms.key.KeyStateMachine;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImportRulesTest {

    private static final long NOW = 1_800_000_000L;
    private static final String KEY = "6f1c1f6e-1111-4aaa-9bbb-000000000001";

    private static KmsErrorCode code(org.junit.jupiter.api.function.Executable call) {
        return assertThrows(KmsException.class, call).code();
    }

    @Test
    void wrappingAlgorithmsAndSpecAreTencentsNames() {
        for (String algorithm : new String[]{"RSAES_PKCS1_V1_5", "RSAES_OAEP_SHA_1", "RSAES_OAEP_SHA_256"}) {
            assertDoesNotThrow(() -> ImportRules.checkWrapping(algorithm, "RSA_2048"));
        }
        assertEquals(KmsErrorCode.INVALID_PARAMETER_VALUE, code(() -> ImportRules.checkWrapping("RSAES_OAEP_SHA_512", "RSA_2048")));
        assertEquals(KmsErrorCode.INVALID_PARAMETER_VALUE, code(() -> ImportRules.checkWrapping("rsaes_oaep_sha_256", "RSA_2048")));
        assertEquals(KmsErrorCode.INVALID_PARAMETER_VALUE, code(() -> ImportRules.checkWrapping("RSAES_OAEP_SHA_256", "RSA_4096")));
        assertEquals(KmsErrorCode.MISSING_PARAMETER, code(() -> ImportRules.checkWrapping("", "RSA_2048")));
        assertEquals(KmsErrorCode.MISSING_PARAMETER, code(() -> ImportRules.checkWrapping("RSAES_OAEP_SHA_256", null)));
    }

    @Test
    void validToIsNeverOrAFutureTimeWithinTencentsBound() {
        assertDoesNotThrow(() -> ImportRules.checkValidTo(0, NOW));
        assertDoesNotThrow(() -> ImportRules.checkValidTo(NOW + 1, NOW));
        assertDoesNotThrow(() -> ImportRules.checkValidTo(ImportRules.MAX_VALID_TO, NOW));
        assertEquals(KmsErrorCode.INVALID_PARAMETER_VALUE, code(() -> ImportRules.checkValidTo(NOW, NOW)));
        assertEquals(KmsErrorCode.INVALID_PARAMETER_VALUE, code(() -> ImportRules.checkValidTo(-5, NOW)));
        assertEquals(KmsErrorCode.INVALID_PARAMETER_VALUE, code(() -> ImportRules.checkValidTo(ImportRules.MAX_VALID_TO + 1, NOW)));
    }

    @Test
    void tokensAreSingleUseBoundToTheirKeyAndExpire() {
        ImportTokenEntity issued = new ImportTokenEntity("h", KEY, 1, "RSAES_OAEP_SHA_256", "kms-import-x", NOW, NOW + ImportRules.VALIDITY_SECONDS);
        assertDoesNotThrow(() -> ImportRules.checkToken(issued, KEY, NOW + ImportRules.VALIDITY_SECONDS - 1));
        assertEquals(KmsErrorCode.IMPORT_TOKEN_EXPIRED, code(() -> ImportRules.checkToken(issued, KEY, NOW + ImportRules.VALIDITY_SECONDS)));
        assertEquals(KmsErrorCode.IMPORT_TOKEN_INVALID, code(() -> ImportRules.checkToken(issued, "6f1c1f6e-1111-4aaa-9bbb-000000000002", NOW)));
        assertEquals(KmsErrorCode.IMPORT_TOKEN_INVALID, code(() -> ImportRules.checkToken(null, KEY, NOW)));
    }

    @Test
    void openTokensPerTenantAreLimited() {
        assertDoesNotThrow(() -> ImportRules.checkOpenTokens(ImportRules.maxOpenTokensPerTenant() - 1));
        assertEquals(KmsErrorCode.IMPORT_TOKEN_LIMIT_EXCEEDED, code(() -> ImportRules.checkOpenTokens(ImportRules.maxOpenTokensPerTenant())));
    }

    @Test
    void materialIs256Bits() {
        assertDoesNotThrow(() -> ImportRules.checkMaterial(new byte[32]));
        assertEquals(KmsErrorCode.INVALID_PARAMETER_VALUE, code(() -> ImportRules.checkMaterial(new byte[16])));
        assertEquals(KmsErrorCode.INVALID_PARAMETER_VALUE, code(() -> ImportRules.checkMaterial(new byte[33])));
    }

    @Test
    void materialExpiresOnlyForExternalKeysInUse() {
        assertTrue(ImportRules.materialExpired(KeyOrigin.EXTERNAL, KeyState.Enabled, NOW, NOW));
        assertTrue(ImportRules.materialExpired(KeyOrigin.EXTERNAL, KeyState.Disabled, NOW - 10, NOW));
        assertFalse(ImportRules.materialExpired(KeyOrigin.EXTERNAL, KeyState.Enabled, NOW + 1, NOW), "not yet");
        assertFalse(ImportRules.materialExpired(KeyOrigin.EXTERNAL, KeyState.Enabled, 0, NOW), "0 is never");
        assertFalse(ImportRules.materialExpired(KeyOrigin.EXTERNAL, KeyState.PendingDelete, NOW, NOW), "its deletion goes on");
        assertFalse(ImportRules.materialExpired(KeyOrigin.TENCENT_KMS, KeyState.Enabled, NOW, NOW));
    }

    @Test
    void importStateTransitions() {
        assertEquals(KeyState.Enabled, KeyStateMachine.importMaterial(KeyState.PendingImport));
        assertEquals(KeyState.Enabled, KeyStateMachine.importMaterial(KeyState.Enabled));
        assertEquals(KmsErrorCode.KEY_STATE_NOT_SUPPORTED, code(() -> KeyStateMachine.importMaterial(KeyState.Disabled)));
        assertEquals(KmsErrorCode.KEY_STATE_NOT_SUPPORTED, code(() -> KeyStateMachine.importMaterial(KeyState.PendingDelete)));
        assertEquals(KeyState.PendingImport, KeyStateMachine.deleteImportedMaterial(KeyState.Enabled));
        assertEquals(KeyState.PendingImport, KeyStateMachine.deleteImportedMaterial(KeyState.Disabled));
        assertEquals(KmsErrorCode.KEY_STATE_NOT_SUPPORTED, code(() -> KeyStateMachine.deleteImportedMaterial(KeyState.PendingDelete)));
        assertEquals(KeyState.PendingImport, KeyStateMachine.expireImportedMaterial(KeyState.Archived));
        assertEquals(KeyState.PendingDelete, KeyStateMachine.expireImportedMaterial(KeyState.PendingDelete));
        assertEquals(KmsErrorCode.KEY_STATE_NOT_SUPPORTED, code(() -> KeyStateMachine.checkCanEncrypt(KeyState.PendingImport)));
        assertEquals(KmsErrorCode.KEY_STATE_NOT_SUPPORTED, code(() -> KeyStateMachine.checkCanDecrypt(KeyState.PendingImport)));
    }

    @Test
    void tokensAreRandomAndOnlyTheirHashIsKept() {
        String token = ImportRules.encodeToken(new byte[32]);
        assertEquals(43, token.length());
        assertTrue(token.matches("[A-Za-z0-9_-]+"));
        String hash = ImportRules.hash(token);
        assertEquals(64, hash.length());
        assertFalse(hash.contains(token));
        assertNotEquals(hash, ImportRules.hash(ImportRules.encodeToken(new byte[]{1})));
    }
}
