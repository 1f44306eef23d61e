package org.selfkms.api.key;

/**
 * Lifecycle state of a CMK; names are the Tencent wire names, except {@link #Deleted}.
 *
 * <p>{@code Deleted} is the tombstone a key becomes when its pending-deletion window has ended and its
 * material was destroyed. Tencent has no such state because for Tencent a deleted key is simply gone, so it
 * never reaches the wire: every door answers for a deleted key exactly as for an unknown one.
 */
public enum KeyState {
    Enabled, Disabled, PendingDelete, PendingImport, Archived, Deleted
}
