package org.selfkms.identity;

import org.selfkms.hsm.TokenGateway;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Rules for API credentials, and how a new one is sealed for storage. */
public final class Credentials {

    private Credentials() {
    }

    public static void checkSecretId(String secretId) {
        if (secretId == null || !secretId.matches("[A-Za-z0-9]{8,128}")) {
            throw new IllegalArgumentException("A SecretId must be 8 to 128 letters or digits");
        }
    }

    public static void checkSecretKey(String secretKey) {
        if (secretKey == null || secretKey.length() < 16 || secretKey.length() > 256) {
            throw new IllegalArgumentException("A SecretKey must be 16 to 256 characters");
        }
    }

    public static ApiCredentialEntity newCredential(TokenGateway token, String secretId, String secretKey,
                                                    long tenantId, String principal, long now) {
        byte[] secret = secretKey.getBytes(StandardCharsets.UTF_8);
        try {
            String wrapped = token.wrap(secret, ApiCredentialEntity.secretPurpose(secretId)).encode();
            return new ApiCredentialEntity(secretId, tenantId, principal, wrapped, now);
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }
}
