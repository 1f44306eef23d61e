package org.selfkms.api.key;

/** Lifecycle state of a CMK; names are the Tencent wire names. */
public enum KeyState {
    Enabled, Disabled, PendingDelete, PendingImport, Archived
}
