package org.selfkms.api.datakey;

import java.io.Serializable;

/**
 * A data key just generated and hosted: its metadata, its plaintext (returned this once; the caller may fetch it
 * again while the data key and its CMK allow) and its blob under the CMK. toString never shows the plaintext.
 */
public record GeneratedDataKey(DataKeyMetadata metadata, byte[] plaintext, String ciphertextBlob) implements Serializable {

    @Override
    public String toString() {
        return "GeneratedDataKey[dataKeyId=" + metadata.dataKeyId() + ", " + plaintext.length + " bytes]";
    }
}
