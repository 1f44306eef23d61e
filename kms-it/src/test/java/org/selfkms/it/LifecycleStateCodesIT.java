package org.selfkms.it;

import com.tencentcloudapi.kms.v20190118.models.DisableKeyRotationRequest;
import com.tencentcloudapi.kms.v20190118.models.GetKeyRotationStatusRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every (action, state) pair the state machine refuses (reference section 5.2), through the SDK: the exact
 * code, and a key left exactly as it was. PendingImport (EXTERNAL keys) is covered by ByokIT.
 */
class LifecycleStateCodesIT extends LifecycleCodesTest {

    private static final String STATE = "ResourceUnavailable.CmkStateNotSupport";

    private record Refusal(String action, String state, String code) {
    }

    private static final List<Refusal> REFUSALS = List.of(
            new Refusal("EnableKey", "PendingDelete", STATE),
            new Refusal("EnableKey", "Archived", STATE),
            new Refusal("DisableKey", "PendingDelete", STATE),
            new Refusal("DisableKey", "Archived", STATE),
            new Refusal("ScheduleKeyDeletion", "Enabled", "ResourceUnavailable.CmkShouldBeDisabled"),
            new Refusal("ScheduleKeyDeletion", "Archived", STATE),
            new Refusal("ScheduleKeyDeletion", "PendingDelete", STATE),
            new Refusal("CancelKeyDeletion", "Enabled", "ResourceUnavailable.CmkNotPendingDelete"),
            new Refusal("CancelKeyDeletion", "Disabled", "ResourceUnavailable.CmkNotPendingDelete"),
            new Refusal("CancelKeyDeletion", "Archived", "ResourceUnavailable.CmkNotPendingDelete"),
            new Refusal("ArchiveKey", "Disabled", STATE),
            new Refusal("ArchiveKey", "PendingDelete", STATE),
            new Refusal("ArchiveKey", "Archived", STATE),
            new Refusal("CancelKeyArchive", "Enabled", STATE),
            new Refusal("CancelKeyArchive", "Disabled", STATE),
            new Refusal("CancelKeyArchive", "PendingDelete", STATE),
            new Refusal("UpdateAlias", "PendingDelete", STATE),
            new Refusal("UpdateKeyDescription", "PendingDelete", STATE),
            new Refusal("EnableKeyRotation", "PendingDelete", STATE),
            // rotation is switched on for every key here: it is the state that refuses, not the setting
            new Refusal("RotateKey", "Disabled", STATE),
            new Refusal("RotateKey", "Archived", STATE),
            new Refusal("RotateKey", "PendingDelete", STATE));

    @Test
    void everyRefusedActionAndStateAnswersItsCodeAndChangesNothing() throws Exception {
        List<Executable> checks = new ArrayList<>();
        for (Refusal refusal : REFUSALS) {
            String keyId = keyIn(refusal.state());
            checks.add(() -> {
                List<Object> before = snapshot(keyId);
                assertCall(refusal.code(), refusal.action(), body(refusal.action(), quoted(keyId)));
                assertEquals(before, snapshot(keyId), refusal + " changed the key");
            });
        }
        assertAll(checks);
    }

    /** Batches are one transaction: a refused key leaves the others in the list as they were too. */
    @Test
    void aRefusedKeyInABatchRefusesTheWholeBatch() throws Exception {
        List<Executable> checks = new ArrayList<>();
        for (String refusedState : List.of("PendingDelete", "Archived")) {
            String refused = keyIn(refusedState);
            String disabled = keyIn("Disabled");
            String enabled = keyIn("Enabled");
            checks.add(() -> assertBatchRefused("EnableKeys", disabled, refused));
            checks.add(() -> assertBatchRefused("DisableKeys", enabled, refused));
        }
        assertAll(checks);
    }

    private static void assertBatchRefused(String action, String changeable, String refused) throws Exception {
        List<Object> before = snapshot(changeable);
        assertCall(STATE, action, "{\"KeyIds\":[" + quoted(changeable) + "," + quoted(refused) + "]}");
        assertEquals(before, snapshot(changeable), action + " changed a key of a refused batch");
    }

    /**
     * Reading and switching off rotation stay possible while a key waits for deletion: Tencent lists no state
     * code for them, and switching off only prevents rotations.
     */
    @Test
    void rotationCanBeReadAndSwitchedOffWhilePendingDelete() throws Exception {
        String keyId = keyIn("PendingDelete");
        GetKeyRotationStatusRequest status = new GetKeyRotationStatusRequest();
        status.setKeyId(keyId);
        assertTrue(kms.GetKeyRotationStatus(status).getKeyRotationEnabled());
        DisableKeyRotationRequest switchOff = new DisableKeyRotationRequest();
        switchOff.setKeyId(keyId);
        kms.DisableKeyRotation(switchOff);
        assertFalse(kms.GetKeyRotationStatus(status).getKeyRotationEnabled());
        assertEquals("PendingDelete", state(keyId));
        assertTrue(describe(keyId).getDeletionDate() > 0, "still scheduled for deletion");
    }
}
