package org.selfkms.api.datakey;

/** The states of a hosted data key (Tencent's DataKeyMetadata.KeyState). A deleted data key is gone. */
public enum DataKeyState {
    Enabled,
    Disabled,
    PendingDelete
}
