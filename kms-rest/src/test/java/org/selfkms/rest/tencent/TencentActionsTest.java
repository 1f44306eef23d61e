package org.selfkms.rest.tencent;

import org.junit.jupiter.api.Test;
import org.selfkms.api.error.KmsException;
import org.selfkms.api.json.StrictJson;

import java.io.StringReader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Refusals the door makes before any service is called (no service is wired here, so a call that got
 * through would fail with a NullPointerException, not the expected code), and the wire codes they become.
 */
class TencentActionsTest {

    private final TencentActions actions = new TencentActions();

    private String wireCode(String action, String json) {
        RequestFields fields = new RequestFields(StrictJson.readObject(new StringReader(json)).orElseThrow());
        KmsException refused = assertThrows(KmsException.class, () -> actions.dispatch(null, null, action, fields));
        return TencentErrorCodes.of(refused.code(), action);
    }

    @Test
    void memberAccountIsRefusedNotIgnored() {
        String member = "\"MemberAccount\":{\"MemberAppId\":1,\"MemberUin\":2}";
        for (String action : new String[]{"DescribeKey", "DisableKey", "ScheduleKeyDeletion", "EnableKeyRotation", "RotateKey"}) {
            assertEquals("UnsupportedOperation.NotRoleOperation", wireCode(action, "{\"KeyId\":\"orders\"," + member + "}"), action);
        }
        assertEquals("UnsupportedOperation.NotRoleOperation",
                wireCode("ListKeyDetail", "{\"MemberAccounts\":[{\"MemberAppId\":1,\"MemberUin\":2}]}"));
    }

    @Test
    void aNamedHsmClusterIsUnknown() {
        assertEquals("InvalidParameterValue.InvalidHsmClusterId", wireCode("CreateKey", "{\"Alias\":\"a\",\"HsmClusterId\":\"cls-1\"}"));
        assertEquals("InvalidParameterValue.InvalidHsmClusterId", wireCode("ListKeys", "{\"HsmClusterId\":\"cls-1\"}"));
        assertEquals("InvalidParameterValue.InvalidHsmClusterId", wireCode("ListKeyDetail", "{\"HsmClusterId\":\"cls-1\"}"));
    }

    @Test
    void anUnknownActionStaysInvalidActionEvenWithMemberAccount() {
        assertEquals("InvalidAction", wireCode("StealKeys", "{\"MemberAccount\":{}}"));
    }

    @Test
    void everyKeyPairActionNameHasItsHandler() {
        TencentKeyPairActions keyPairs = new TencentKeyPairActions();
        for (String action : TencentKeyPairActions.ACTIONS) {
            assertTrue(keyPairs.find(action).isPresent(), action);
            assertFalse(TencentActions.WHITE_BOX.contains(action), action);
        }
        assertTrue(keyPairs.find("CreateKey").isEmpty());
    }

    @Test
    void everyDataKeyActionNameHasItsHandler() {
        TencentDataKeyActions dataKeys = new TencentDataKeyActions();
        for (String action : TencentDataKeyActions.ACTIONS) {
            assertTrue(dataKeys.find(action).isPresent(), action);
        }
        assertTrue(dataKeys.find("GenerateDataKey").isEmpty());
    }

    @Test
    void hostedDataKeyActionsTakeNoMemberAccountOrCluster() {
        assertEquals("UnsupportedOperation.NotRoleOperation", wireCode("DescribeDataKey", "{\"DataKeyId\":\"x\",\"MemberAccount\":{}}"));
        assertEquals("InvalidParameterValue.InvalidHsmClusterId", wireCode("ListDataKeys", "{\"HsmClusterId\":\"cls-1\"}"));
    }
}
