package org.selfkms.api.identity;

import java.util.Map;

/**
 * The parts of an HTTP request that a TC3-HMAC-SHA256 signature covers, exactly as received. The door
 * collects them; kms-ejb verifies them against the stored credential.
 *
 * @param authorization  the Authorization header
 * @param timestamp      the X-TC-Timestamp header
 * @param method         HTTP method, e.g. {@code POST}
 * @param canonicalQuery the raw query string ("" for POST)
 * @param headers        received header values by lower-case name (at least those the client signed)
 * @param payloadSha256  lowercase hex SHA-256 of the raw body bytes
 */
public record SignedApiRequest(String authorization, String timestamp, String method, String canonicalQuery,
                               Map<String, String> headers, String payloadSha256) {
    public SignedApiRequest {
        headers = Map.copyOf(headers);
    }
}
