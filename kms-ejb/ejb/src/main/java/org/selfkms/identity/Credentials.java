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

    /**
     * A service name: 2-32 lower-case letters or digits, starting with a letter (Tencent's product names
     * such as {@code cos}, {@code cdb}); it becomes part of the managed key's alias {@code kms-<service>}.
     */
    public static void checkServiceName(String service) {
        if (service == null || !service.matches("[a-z][a-z0-9]{1,31}")) {
            throw new IllegalArgumentException("A service name must be 2 to 32 lower-case letters or digits, starting with a letter: '" + service + "'");
        }
        if ("user".equals(service)) {
            // 'user' is the owner of customer keys: a service of that name would own keys nobody could tell apart
            throw new IllegalArgumentException("'user' is reserved and cannot name a service");
        }
    }

    public static ApiCredentialEntity newCredential(TokenGateway token, String secretId, String secretKey,
                                                    long tenantId, String principal, long now) {
        return newCredential(token, secretId, secretKey, tenantId, principal, now, null);
    }

    /** @param service null for an ordinary credential, else the service principal's (checked) service name */
    public static ApiCredentialEntity newCredential(TokenGateway token, String secretId, String secretKey,
                                                    long tenantId, String principal, long now, String service) {
        byte[] secret = secretKey.getBytes(StandardCharsets.UTF_8);
        try {
            String wrapped = token.wrap(secret, ApiCredentialEntity.secretPurpose(secretId)).encode();
            return new ApiCredentialEntity(secretId, tenantId, principal, wrapped, now, service);
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }
}
