package org.selfkms.api.key;

import java.io.Serializable;

/**
 * One version of a CMK as an administrator sees it: never its material.
 *
 * @param createTime Unix seconds
 * @param current    the version that encrypts; every other one only decrypts
 */
public record KeyVersionInfo(int version, long createTime, boolean current) implements Serializable {
}
