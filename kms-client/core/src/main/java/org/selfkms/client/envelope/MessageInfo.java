package org.selfkms.client.envelope;

import org.selfkms.client.EncryptionContext;

/** What a message says about itself once verified: the KMS key its data key is under, and its encryption context. */
public record MessageInfo(String keyId, EncryptionContext context) {
}
