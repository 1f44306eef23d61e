package org.selfkms.key;

import org.selfkms.api.error.KmsErrorCode;
import org.selfkms.api.error.KmsException;
import org.selfkms.api.key.KeyState;

/**
 * Which CMK state allows which operation (Tencent semantics, reference section 5.2). The one place such
 * rules live: every door and the console reach them through the services.
 */
public final class KeyStateMachine {

    private KeyStateMachine() {
    }

    public static KeyState enable(KeyState from) {
        return switch (from) {
            case Enabled, Disabled -> KeyState.Enabled;
            default -> throw refused(from, "enabled");
        };
    }

    public static KeyState disable(KeyState from) {
        return switch (from) {
            case Enabled, Disabled -> KeyState.Disabled;
            default -> throw refused(from, "disabled");
        };
    }

    /** Encrypt and GenerateDataKey need the newest version usable for new ciphertext. */
    public static void checkCanEncrypt(KeyState state) {
        switch (state) {
            case Enabled -> { }
            case Disabled -> throw new KmsException(KmsErrorCode.KEY_DISABLED, "The key is disabled");
            case Archived -> throw new KmsException(KmsErrorCode.KEY_ARCHIVED, "The key is archived and can only decrypt");
            case PendingDelete -> throw new KmsException(KmsErrorCode.KEY_PENDING_DELETE, "The key is pending deletion");
            default -> throw new KmsException(KmsErrorCode.KEY_STATE_NOT_SUPPORTED, "The key is in state " + state);
        }
    }

    /** Archived keys still decrypt; nothing else but Enabled does. */
    public static void checkCanDecrypt(KeyState state) {
        switch (state) {
            case Enabled, Archived -> { }
            case Disabled -> throw new KmsException(KmsErrorCode.KEY_DISABLED, "The key is disabled");
            default -> throw new KmsException(KmsErrorCode.KEY_STATE_NOT_SUPPORTED, "The key is in state " + state);
        }
    }

    private static KmsException refused(KeyState from, String target) {
        return new KmsException(KmsErrorCode.KEY_STATE_NOT_SUPPORTED, "A key in state " + from + " cannot be " + target);
    }
}
