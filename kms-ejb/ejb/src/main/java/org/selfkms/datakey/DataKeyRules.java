package org.selfkms.datakey;

import org.selfkms.api.datakey.DataKeyState;
import org.selfkms.api.datakey.HostedDataKeys;
import org.selfkms.api.error.KmsErrorCode;
import org.selfkms.api.error.KmsException;
import org.selfkms.api.key.KeyState;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Which data-key state allows what, and what a data key's name, description and id must be. The one place
 * these rules live; the root CMK's own state rules stay in {@link org.selfkms.key.KeyStateMachine}.
 */
final class DataKeyRules {

    static final int MIN_PENDING_DAYS = 7;
    static final int MAX_PENDING_DAYS = 30;
    /** As a CMK alias: letters, digits, {@code _} and {@code -}. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1," + HostedDataKeys.MAX_NAME_CHARS + "}");

    private DataKeyRules() {
    }

    static DataKeyState enable(DataKeyState from) {
        if (from == DataKeyState.PendingDelete) {
            throw stateNotSupported(from, "enabled");
        }
        return DataKeyState.Enabled;
    }

    static DataKeyState disable(DataKeyState from) {
        if (from == DataKeyState.PendingDelete) {
            throw stateNotSupported(from, "disabled");
        }
        return DataKeyState.Disabled;
    }

    /** As for a CMK: only a disabled data key is scheduled for deletion, so nobody deletes one still in use by mistake. */
    static DataKeyState scheduleDeletion(DataKeyState from) {
        if (from != DataKeyState.Disabled) {
            throw new KmsException(KmsErrorCode.DATA_KEY_STATE_NOT_SUPPORTED,
                    from == DataKeyState.Enabled ? "Disable the data key before scheduling its deletion"
                            : "The data key is already pending deletion");
        }
        return DataKeyState.PendingDelete;
    }

    /** A cancelled deletion leaves the data key disabled: its owner enables it deliberately. */
    static DataKeyState cancelDeletion(DataKeyState from) {
        if (from != DataKeyState.PendingDelete) {
            throw new KmsException(KmsErrorCode.DATA_KEY_NOT_PENDING_DELETE, "The data key is not pending deletion");
        }
        return DataKeyState.Disabled;
    }

    /** Material in any form (blob or plaintext) leaves only an enabled data key. */
    static void checkCanGiveMaterial(DataKeyState state) {
        switch (state) {
            case Enabled -> { }
            case Disabled -> throw new KmsException(KmsErrorCode.DATA_KEY_DISABLED, "The data key is disabled");
            case PendingDelete -> throw new KmsException(KmsErrorCode.DATA_KEY_PENDING_DELETE, "The data key is pending deletion");
        }
    }

    /** GetDataKeyCiphertextBlob answers Tencent's generic state code rather than the plaintext's specific ones. */
    static void checkCanGiveBlob(DataKeyState state) {
        if (state != DataKeyState.Enabled) {
            throw stateNotSupported(state, "read");
        }
    }

    /**
     * A data key can be enabled, or taken out of its pending deletion, only while its root CMK could still serve
     * it: not while the root waits for its own deletion or for its material.
     */
    static void checkRootAllowsRevival(KeyState root) {
        if (root == KeyState.PendingDelete || root == KeyState.PendingImport) {
            throw new KmsException(KmsErrorCode.KEY_STATE_NOT_SUPPORTED, "The data key's CMK is in state " + root);
        }
    }

    static void checkPendingWindow(int days) {
        if (days < MIN_PENDING_DAYS || days > MAX_PENDING_DAYS) {
            throw new KmsException(KmsErrorCode.PENDING_WINDOW_INVALID, "PendingWindowInDays must be between 7 and 30");
        }
    }

    static String checkName(String name) {
        if (name == null || name.isEmpty()) {
            throw new KmsException(KmsErrorCode.MISSING_PARAMETER, "DataKeyName is required");
        }
        if (!NAME.matcher(name).matches()) {
            throw new KmsException(KmsErrorCode.DATA_KEY_NAME_INVALID,
                    "DataKeyName must be 1-" + HostedDataKeys.MAX_NAME_CHARS + " letters, digits, _ or -");
        }
        return name;
    }

    /** Null means empty. */
    static String checkDescription(String description) {
        String text = description == null ? "" : description;
        if (text.getBytes(StandardCharsets.UTF_8).length > HostedDataKeys.MAX_DESCRIPTION_BYTES) {
            throw new KmsException(KmsErrorCode.INVALID_PARAMETER_VALUE,
                    "Description must be at most " + HostedDataKeys.MAX_DESCRIPTION_BYTES + " bytes");
        }
        return text;
    }

    /** A data-key id is a UUID in its canonical lower-case form, as this server issues them. */
    static String checkId(String dataKeyId) {
        if (dataKeyId == null || dataKeyId.isEmpty()) {
            throw new KmsException(KmsErrorCode.MISSING_PARAMETER, "DataKeyId is required");
        }
        try {
            if (UUID.fromString(dataKeyId).toString().equals(dataKeyId)) {
                return dataKeyId;
            }
        } catch (IllegalArgumentException e) {
            // answered below
        }
        throw new KmsException(KmsErrorCode.DATA_KEY_ID_INVALID, "DataKeyId is not a valid data key id");
    }

    static List<String> checkBatch(List<String> dataKeyIds) {
        if (dataKeyIds == null || dataKeyIds.isEmpty()) {
            throw new KmsException(KmsErrorCode.MISSING_PARAMETER, "DataKeyIds is required");
        }
        if (dataKeyIds.size() > HostedDataKeys.MAX_BATCH) {
            throw new KmsException(KmsErrorCode.INVALID_PARAMETER_VALUE, "At most " + HostedDataKeys.MAX_BATCH + " DataKeyIds at once");
        }
        dataKeyIds.forEach(DataKeyRules::checkId);
        if (new HashSet<>(dataKeyIds).size() != dataKeyIds.size()) {
            throw new KmsException(KmsErrorCode.DUPLICATED_DATA_KEY_ID, "DataKeyIds contains duplicates");
        }
        return dataKeyIds;
    }

    static KmsException notFound() {
        return new KmsException(KmsErrorCode.DATA_KEY_NOT_FOUND, "The data key does not exist");
    }

    private static KmsException stateNotSupported(DataKeyState state, String change) {
        return new KmsException(KmsErrorCode.DATA_KEY_STATE_NOT_SUPPORTED,
                "A data key in state " + state + " cannot be " + change);
    }
}
