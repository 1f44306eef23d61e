package org.selfkms.identity;

import org.selfkms.crypto.Engines;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * TC3-HMAC-SHA256, computed exactly as the Tencent Cloud SDK does (see the API reference, section 1.4):
 * canonical request, string to sign, derived signing key, signature.
 */
public final class Tc3Signature {

    public static final String ALGORITHM = "TC3-HMAC-SHA256";

    private Tc3Signature() {
    }

    /**
     * @param signedHeaders lower-case header names in the order the client listed them
     * @param headerValues  received values by lower-case name
     */
    public static String canonicalRequest(String method, String canonicalQuery, List<String> signedHeaders,
                                          Map<String, String> headerValues, String payloadSha256) {
        StringBuilder headers = new StringBuilder();
        for (String name : signedHeaders) {
            headers.append(name).append(':').append(headerValues.get(name)).append('\n');
        }
        return method + "\n/\n" + canonicalQuery + "\n" + headers + "\n" + String.join(";", signedHeaders) + "\n" + payloadSha256;
    }

    /**
     * The signed headers' values as Tencent's signing guide canonicalizes them: lower case, without surrounding blanks
     * (its example signs {@code x-tc-action:describeinstances}); unsigned headers are kept as received.
     */
    public static Map<String, String> documentedHeaderValues(List<String> signedHeaders, Map<String, String> headerValues) {
        Map<String, String> documented = new HashMap<>(headerValues);
        for (String name : signedHeaders) {
            String value = headerValues.get(name);
            if (value != null) {
                documented.put(name, value.strip().toLowerCase(Locale.ROOT));
            }
        }
        return documented;
    }

    public static String stringToSign(String timestamp, String credentialScope, String canonicalRequest) {
        return ALGORITHM + "\n" + timestamp + "\n" + credentialScope + "\n" + sha256Hex(canonicalRequest.getBytes(StandardCharsets.UTF_8));
    }

    public static String signature(byte[] secretKey, String date, String service, String stringToSign) {
        return signatureWith(signingKey(secretKey, date, service), stringToSign);
    }

    /** The key of one SecretKey, date and service that signs the string to sign: HMAC("TC3" + key, date, service, "tc3_request"). */
    public static byte[] signingKey(byte[] secretKey, String date, String service) {
        byte[] prefixed = new byte[secretKey.length + 3];
        prefixed[0] = 'T';
        prefixed[1] = 'C';
        prefixed[2] = '3';
        System.arraycopy(secretKey, 0, prefixed, 3, secretKey.length);
        byte[] kDate = hmac(prefixed, date);
        java.util.Arrays.fill(prefixed, (byte) 0);
        byte[] kService = hmac(kDate, service);
        java.util.Arrays.fill(kDate, (byte) 0);
        byte[] kSigning = hmac(kService, "tc3_request");
        java.util.Arrays.fill(kService, (byte) 0);
        return kSigning;
    }

    public static String signatureWith(byte[] signingKey, String stringToSign) {
        return HexFormat.of().formatHex(hmac(signingKey, stringToSign));
    }

    public static String sha256Hex(byte[] data) {
        return HexFormat.of().formatHex(Engines.sha256().digest(data));
    }

    private static byte[] hmac(byte[] key, String message) {
        try {
            Mac mac = Engines.hmacSha256();
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
