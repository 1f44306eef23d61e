package org.selfkms.api.key;

/** Where operations with a CMK's version material run (design section 3). */
public enum ProtectionLevel {
    /** Material unwrapped into JVM memory (bounded cache, zeroised on eviction); crypto in the JVM. */
    SOFTWARE,
    /** Every operation runs inside the token. */
    HSM
}
