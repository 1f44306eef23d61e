package org.selfkms.api.key;

/**
 * The column a key listing is ordered by. Each order ends with the creation time and the key id, so that keys
 * created in the same second keep one order from page to page; each is backed by an index of the key table.
 */
public enum KeySort {
    CREATED,
    ALIAS,
    STATE
}
