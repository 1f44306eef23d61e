package org.selfkms.api.crypto;

/** What SignByAsymmetricKey's Message is: the message itself, or the digest the caller computed. */
public enum MessageType {
    RAW,
    DIGEST
}
