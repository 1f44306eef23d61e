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

    /** Only a disabled key (or one still waiting for imported material) can be scheduled for deletion. */
    public static KeyState scheduleDeletion(KeyState from) {
        return switch (from) {
            case Disabled, PendingImport -> KeyState.PendingDelete;
            case Enabled -> throw new KmsException(KmsErrorCode.KEY_SHOULD_BE_DISABLED, "Disable the key before scheduling its deletion");
            default -> throw refused(from, "scheduled for deletion");
        };
    }

    /** A cancelled deletion leaves the key disabled: the owner enables it deliberately. */
    public static KeyState cancelDeletion(KeyState from) {
        if (from != KeyState.PendingDelete) {
            throw new KmsException(KmsErrorCode.KEY_NOT_PENDING_DELETE, "The key is not pending deletion");
        }
        return KeyState.Disabled;
    }

    /** The end of the pending window: only a key still pending deletion is deleted (a cancel wins). */
    public static KeyState finishDeletion(KeyState from) {
        if (from != KeyState.PendingDelete) {
            throw new KmsException(KmsErrorCode.KEY_NOT_PENDING_DELETE, "The key is not pending deletion");
        }
        return KeyState.Deleted;
    }

    /**
     * What every operation answers for a deleted key: the same code as for a key that never existed (the
     * Tencent answer, ResourceUnavailable.CmkNotFound), with a message that tells the owner why.
     */
    public static KmsException deleted() {
        return new KmsException(KmsErrorCode.KEY_NOT_FOUND, "The key was deleted and its key material destroyed");
    }

    /** Only an Enabled key is archived; archiving an archived one is refused, as Tencent refuses it. */
    public static KeyState archive(KeyState from) {
        if (from != KeyState.Enabled) {
            throw refused(from, "archived");
        }
        return KeyState.Archived;
    }

    /** Only an Archived key comes out of the archive; an Enabled one is refused, as Tencent refuses it. */
    public static KeyState cancelArchive(KeyState from) {
        if (from != KeyState.Archived) {
            throw refused(from, "taken out of the archive");
        }
        return KeyState.Enabled;
    }

    /** Rotation can be switched on for any key but one waiting for deletion; switching it off is always allowed. */
    public static void checkCanEnableRotation(KeyState state) {
        if (state == KeyState.PendingDelete) {
            throw refused(state, "given a rotation period");
        }
    }

    /**
     * RotateKey makes new material for encryption, so only an Enabled key rotates on demand. Tencent lists
     * only the state code for RotateKey (not CmkDisabled or CmkArchived as Encrypt has).
     */
    public static void checkCanRotate(KeyState state) {
        if (state != KeyState.Enabled) {
            throw refused(state, "rotated");
        }
    }

    /** Alias and description stay frozen while a key waits for deletion. */
    public static void checkCanEditMetadata(KeyState state) {
        if (state == KeyState.PendingDelete) {
            throw refused(state, "changed");
        }
    }

    /** Encrypt and GenerateDataKey need the newest version usable for new ciphertext. */
    public static void checkCanEncrypt(KeyState state) {
        switch (state) {
            case Enabled -> { }
            case Disabled -> throw new KmsException(KmsErrorCode.KEY_DISABLED, "The key is disabled");
            case Archived -> throw new KmsException(KmsErrorCode.KEY_ARCHIVED, "The key is archived and can only decrypt");
            case PendingDelete -> throw new KmsException(KmsErrorCode.KEY_PENDING_DELETE, "The key is pending deletion");
            case Deleted -> throw deleted();
            default -> throw new KmsException(KmsErrorCode.KEY_STATE_NOT_SUPPORTED, "The key is in state " + state);
        }
    }

    /** Archived keys still decrypt; nothing else but Enabled does. */
    public static void checkCanDecrypt(KeyState state) {
        switch (state) {
            case Enabled, Archived -> { }
            case Disabled -> throw new KmsException(KmsErrorCode.KEY_DISABLED, "The key is disabled");
            case Deleted -> throw deleted();
            default -> throw new KmsException(KmsErrorCode.KEY_STATE_NOT_SUPPORTED, "The key is in state " + state);
        }
    }

    /**
     * GetPublicKey, signing, verifying and the asymmetric decrypt actions need an Enabled key (reference 5.2);
     * the post-quantum encryption follows {@link #checkCanEncrypt} and {@link #checkCanDecrypt} instead.
     */
    public static void checkCanUseKeyPair(KeyState state) {
        switch (state) {
            case Enabled -> { }
            case Deleted -> throw deleted();
            default -> throw new KmsException(KmsErrorCode.KEY_STATE_NOT_SUPPORTED, "The key is in state " + state + "; only an Enabled key can do this");
        }
    }

    /** ImportKeyMaterial: a key waiting for material becomes Enabled; an Enabled key (given a new expiry) stays so. */
    public static KeyState importMaterial(KeyState from) {
        return switch (from) {
            case PendingImport, Enabled -> KeyState.Enabled;
            default -> throw refused(from, "given imported key material");
        };
    }

    /** DeleteImportedKeyMaterial; deleting what is already gone changes nothing. */
    public static KeyState deleteImportedMaterial(KeyState from) {
        return switch (from) {
            case Enabled, Disabled, PendingImport -> KeyState.PendingImport;
            default -> throw refused(from, "left without its imported key material");
        };
    }

    /** The imported material's ValidTo passed: the key waits for it again, unless its deletion is under way. */
    public static KeyState expireImportedMaterial(KeyState from) {
        return switch (from) {
            case PendingDelete, Deleted -> from;
            default -> KeyState.PendingImport;
        };
    }

    private static KmsException refused(KeyState from, String target) {
        return new KmsException(KmsErrorCode.KEY_STATE_NOT_SUPPORTED, "A key in state " + from + " cannot be " + target);
    }
}
