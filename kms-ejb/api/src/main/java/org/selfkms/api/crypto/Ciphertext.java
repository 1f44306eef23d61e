package org.selfkms.api.crypto;

import java.io.Serializable;

/** @param blob the base64 ciphertext blob; opaque to callers */
public record Ciphertext(String keyId, String blob) implements Serializable {
}
