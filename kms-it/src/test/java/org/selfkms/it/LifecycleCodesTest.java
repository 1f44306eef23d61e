package org.selfkms.it;

import com.tencentcloudapi.common.CommonClient;
import com.tencentcloudapi.common.exception.TencentCloudSDKException;
import com.tencentcloudapi.kms.v20190118.models.KeyMetadata;
import org.junit.jupiter.api.BeforeAll;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Base of the tests that prove each lifecycle action's error codes (docs/api.md, "Error codes of the lifecycle
 * actions"). Requests go through the SDK's generic client so that one table of actions can be crossed with
 * one bad input, and so that fields of the wrong JSON type can be sent at all.
 */
abstract class LifecycleCodesTest extends SdkKeyTest {

    /** Every lifecycle action that names one key, with valid values for its other required fields. */
    static final Map<String, String> KEY_ACTIONS = new LinkedHashMap<>();

    static {
        KEY_ACTIONS.put("DescribeKey", "");
        KEY_ACTIONS.put("UpdateAlias", "\"Alias\":\"renamed-by-a-refused-request\"");
        KEY_ACTIONS.put("UpdateKeyDescription", "\"Description\":\"written by a refused request\"");
        KEY_ACTIONS.put("EnableKey", "");
        KEY_ACTIONS.put("DisableKey", "");
        KEY_ACTIONS.put("ScheduleKeyDeletion", "\"PendingWindowInDays\":7");
        KEY_ACTIONS.put("CancelKeyDeletion", "");
        KEY_ACTIONS.put("ArchiveKey", "");
        KEY_ACTIONS.put("CancelKeyArchive", "");
        KEY_ACTIONS.put("EnableKeyRotation", "\"RotateDays\":60");
        KEY_ACTIONS.put("DisableKeyRotation", "");
        KEY_ACTIONS.put("GetKeyRotationStatus", "");
        KEY_ACTIONS.put("RotateKey", "");
    }

    /** The lifecycle actions that take a list of keys. */
    static final List<String> BATCH_ACTIONS = List.of("DescribeKeys", "EnableKeys", "DisableKeys");

    static CommonClient generic;

    @BeforeAll
    static void genericClient() {
        generic = commonClient();
    }

    /** The request body of a single-key action with {@code keyId} as raw JSON (quoted string, number, ...). */
    static String body(String action, String keyIdJson) {
        String others = KEY_ACTIONS.get(action);
        return "{\"KeyId\":" + keyIdJson + (others.isEmpty() ? "" : "," + others) + "}";
    }

    static String quoted(String text) {
        return "\"" + text + "\"";
    }

    static void assertCall(String code, String action, String body) {
        assertCode(code, () -> generic.call(action, body));
    }

    /** The code the server answered, or null for a success. */
    static String codeOf(String action, String body) {
        try {
            generic.call(action, body);
            return null;
        } catch (TencentCloudSDKException e) {
            return e.getErrorCode();
        }
    }

    /** A new key brought into {@code state} (Enabled, Disabled, Archived or PendingDelete), rotation on every 30 days. */
    static String keyIn(String state) throws TencentCloudSDKException {
        String keyId = createKey(uniqueAlias("codes-" + state));
        generic.call("EnableKeyRotation", "{\"KeyId\":\"" + keyId + "\",\"RotateDays\":30}");
        switch (state) {
            case "Enabled" -> { }
            case "Disabled" -> disable(keyId);
            case "Archived" -> generic.call("ArchiveKey", "{\"KeyId\":\"" + keyId + "\"}");
            case "PendingDelete" -> {
                disable(keyId);
                schedule(keyId, 7);
            }
            default -> throw new IllegalArgumentException(state);
        }
        assertEquals(state, state(keyId));
        return keyId;
    }

    /** What a refused request must leave as it was. */
    static List<Object> snapshot(String keyId) throws TencentCloudSDKException {
        KeyMetadata key = describe(keyId);
        return List.of(key.getKeyState(), key.getAlias(), key.getDescription(), key.getKeyRotationEnabled(),
                key.getRotateDays(), key.getNextRotateTime(), key.getLastRotateTime(), key.getDeletionDate());
    }
}
