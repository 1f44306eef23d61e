package org.selfkms.key.imports;

/** Where an import token is in its single life. */
public enum ImportTokenState {
    /** Issued; its wrapping key pair is in the token. */
    ISSUED,
    /** Used by a successful import; the pair is destroyed. */
    USED,
    /** Past its validity unused; the pair is destroyed. */
    EXPIRED
}
